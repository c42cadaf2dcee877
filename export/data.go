package export

import (
	"bufio"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/marsad/marsad/lexicon"
)

// country is one row of data/countries.tsv.
type country struct {
	ISO3, Name, Region string
	Numeric            int
}

// acledRule is one row of data/export/acled_map.tsv.
type acledRule struct {
	ploverType, mode, source, target      string
	disorderType, eventType, subEventType string
}

// Tables are the mappings the exports need, read by LoadTables.
type Tables = tables

type tables struct {
	countries map[string]country
	rules     []acledRule
	inter     map[string]int
	class     map[string]string // sector → ACLED actor class (state, nonstate, …)
	quad      map[string]int
	admin1    map[string]string  // gazetteer id → first-level division, when named
	actors    map[string]profile // dictionary actor id → its profile
}

// LoadTables reads the export tables from a knowledge folder (package
// data): countries.tsv (its numeric and acled_region columns), the
// gazetteer's admin1 column (places.tsv, places-curated.tsv), the actor
// dictionary's country, sector and side (actors-curated.tsv, actors.tsv) and
// export/acled_map.tsv, export/acled_inter.tsv, export/plover_quad.tsv.
func LoadTables(fsys fs.FS) (*Tables, error) {
	t := &tables{countries: map[string]country{}, inter: map[string]int{}, class: map[string]string{},
		quad: map[string]int{}, admin1: map[string]string{}, actors: map[string]profile{}}
	ct, err := lexicon.ReadTable(fsys, "countries.tsv", "iso3", "name", "numeric", "acled_region")
	if err != nil {
		return nil, err
	}
	for _, r := range ct.Rows {
		if r.Get("numeric") == "" {
			continue
		}
		n, err := strconv.Atoi(r.Get("numeric"))
		if err != nil {
			return nil, r.Errorf("numeric %q: %v", r.Get("numeric"), err)
		}
		t.countries[r.Get("iso3")] = country{ISO3: r.Get("iso3"), Numeric: n, Name: r.Get("name"), Region: r.Get("acled_region")}
	}
	// The curated file comes first and wins, as in the lexicon.
	for _, name := range []string{lexicon.FileActorsCurated, lexicon.FileActors} {
		at, err := lexicon.ReadTable(fsys, name, "id", "country", "sector", "side")
		if err != nil {
			return nil, err
		}
		for _, r := range at.Rows {
			if _, ok := t.actors[r.Get("id")]; !ok {
				t.actors[r.Get("id")] = profile{r.Get("country"), r.Get("sector"), r.Get("side")}
			}
		}
	}
	for _, name := range []string{lexicon.FilePlaces, lexicon.FilePlacesCurated} {
		pt, err := lexicon.ReadTable(fsys, name, "id", "admin1")
		if err != nil {
			return nil, err
		}
		for _, r := range pt.Rows {
			// GeoNames rows carry an admin1 code (07), which is no name an
			// analyst can read; curated rows name the division.
			if a := r.Get("admin1"); a != "" && strings.TrimLeft(a, "0123456789") != "" {
				t.admin1[r.Get("id")] = a
			}
		}
	}
	err = readTSV(fsys, "acled_map.tsv", 7, func(f []string) error {
		t.rules = append(t.rules, acledRule{f[0], f[1], f[2], f[3], f[4], f[5], f[6]})
		return nil
	})
	if err == nil {
		err = readTSV(fsys, "acled_inter.tsv", 3, func(f []string) error {
			n, err := strconv.Atoi(f[1])
			t.inter[f[0]], t.class[f[0]] = n, f[2]
			return err
		})
	}
	if err == nil {
		err = readTSV(fsys, "plover_quad.tsv", 2, func(f []string) error {
			n, err := strconv.Atoi(f[1])
			t.quad[f[0]] = n
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

// readTSV calls row for each non-comment line of export/name, which must have
// n tab-separated fields.
func readTSV(fsys fs.FS, name string, n int, row func([]string) error) error {
	f, err := fsys.Open("export/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != n {
			return fmt.Errorf("export/%s:%d: %d fields, want %d", name, line, len(fields), n)
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("export/%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

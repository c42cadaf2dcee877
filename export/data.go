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
	ploverType, mode, target              string
	disorderType, eventType, subEventType string
}

// Tables are the mappings the exports need, read by LoadTables.
type Tables = tables

type tables struct {
	countries map[string]country
	rules     []acledRule
	inter     map[string]int
	quad      map[string]int
}

// LoadTables reads the export tables from a knowledge folder (package
// data): countries.tsv (its numeric and acled_region columns) and
// export/acled_map.tsv, export/acled_inter.tsv, export/plover_quad.tsv.
func LoadTables(fsys fs.FS) (*Tables, error) {
	t := &tables{countries: map[string]country{}, inter: map[string]int{}, quad: map[string]int{}}
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
	err = readTSV(fsys, "acled_map.tsv", 6, func(f []string) error {
		t.rules = append(t.rules, acledRule{f[0], f[1], f[2], f[3], f[4], f[5]})
		return nil
	})
	if err == nil {
		err = readTSV(fsys, "acled_inter.tsv", 2, func(f []string) error {
			n, err := strconv.Atoi(f[1])
			t.inter[f[0]] = n
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

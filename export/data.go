package export

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// country is one row of data/countries.tsv.
type country struct {
	ISO3, Name, Region string
	Numeric            int
}

// acledRule is one row of data/acled_map.tsv.
type acledRule struct {
	ploverType, mode, target              string
	disorderType, eventType, subEventType string
}

type tables struct {
	countries map[string]country
	rules     []acledRule
	inter     map[string]int
	quad      map[string]int
}

var (
	loadOnce sync.Once
	loaded   tables
	loadErr  error
)

// data returns the embedded tables, parsed once.
func data() (*tables, error) {
	loadOnce.Do(func() {
		t := tables{countries: map[string]country{}, inter: map[string]int{}, quad: map[string]int{}}
		loadErr = readTSV("countries.tsv", 4, func(f []string) error {
			n, err := strconv.Atoi(f[1])
			t.countries[f[0]] = country{ISO3: f[0], Numeric: n, Name: f[2], Region: f[3]}
			return err
		})
		if loadErr == nil {
			loadErr = readTSV("acled_map.tsv", 6, func(f []string) error {
				t.rules = append(t.rules, acledRule{f[0], f[1], f[2], f[3], f[4], f[5]})
				return nil
			})
		}
		if loadErr == nil {
			loadErr = readTSV("acled_inter.tsv", 2, func(f []string) error {
				n, err := strconv.Atoi(f[1])
				t.inter[f[0]] = n
				return err
			})
		}
		if loadErr == nil {
			loadErr = readTSV("plover_quad.tsv", 2, func(f []string) error {
				n, err := strconv.Atoi(f[1])
				t.quad[f[0]] = n
				return err
			})
		}
		loaded = t
	})
	return &loaded, loadErr
}

// readTSV calls row for each non-comment line of data/name, which must have
// n tab-separated fields.
func readTSV(name string, n int, row func([]string) error) error {
	f, err := dataFS.Open("data/" + name)
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
			return fmt.Errorf("data/%s:%d: %d fields, want %d", name, line, len(fields), n)
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("data/%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

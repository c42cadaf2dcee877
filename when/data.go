package when

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/marsad/marsad/arabic"
)

// DataFile is the vocabulary file's name in the knowledge folder (package
// data).
const DataFile = "dates.tsv"

// entry is one reading of a phrase.
type entry struct {
	kind string
	n    int  // month, weekday, ordinal, number, unit count, rel offset
	unit byte // d, w, m, y for unit and rel
	// after is true for an ago marker that follows its units ("3 days ago").
	after bool
	// year of a named event: n is its month*100+day (هجمات 11 سبتمبر).
	year int
}

// Resolver finds and resolves date expressions with one vocabulary.
type Resolver struct {
	phrases  map[string][]entry // folded phrase (words joined by a space) → readings
	prefixes []string           // folded clitics, longest first
	maxWords int
}

var kinds = map[string]bool{
	"month": true, "weekday": true, "ordinal": true, "number": true, "unit": true, "rel": true,
	"past": true, "next": true, "ago": true, "day": true, "monthword": true, "of": true,
	"year": true, "suffix": true, "prefix": true, "named": true, "same": true,
}

// Load reads dates.tsv from a knowledge folder (package data).
func Load(fsys fs.FS) (*Resolver, error) {
	b, err := fs.ReadFile(fsys, DataFile)
	if err != nil {
		return nil, fmt.Errorf("when: read %s: %w", DataFile, err)
	}
	return Parse(b, DataFile)
}

// Parse reads a vocabulary in the dates.tsv format; name is used in errors.
func Parse(b []byte, name string) (*Resolver, error) {
	r := &Resolver{phrases: map[string][]entry{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || len(f) > 3 {
			return nil, fmt.Errorf("when: %s:%d: want KIND<TAB>PHRASE[<TAB>VALUE], got %q", name, line, text)
		}
		kind, phrase, value := strings.TrimSpace(f[0]), strings.Join(strings.Fields(arabic.Fold(f[1])), " "), ""
		if len(f) == 3 {
			value = strings.TrimSpace(f[2])
		}
		if !kinds[kind] {
			return nil, fmt.Errorf("when: %s:%d: unknown kind %q", name, line, kind)
		}
		if phrase == "" {
			return nil, fmt.Errorf("when: %s:%d: empty phrase", name, line)
		}
		e, err := parseValue(kind, value)
		if err != nil {
			return nil, fmt.Errorf("when: %s:%d: %s %q: %v", name, line, kind, f[1], err)
		}
		if kind == "prefix" {
			r.prefixes = append(r.prefixes, phrase)
			continue
		}
		r.phrases[phrase] = append(r.phrases[phrase], e)
		r.maxWords = max(r.maxWords, strings.Count(phrase, " ")+1)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("when: read %s: %w", name, err)
	}
	return r, nil
}

func parseValue(kind, v string) (entry, error) {
	e := entry{kind: kind}
	bounded := func(lo, hi int) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("value %q is not a number from %d to %d", v, lo, hi)
		}
		e.n = n
		return nil
	}
	switch kind {
	case "month":
		return e, bounded(1, 12)
	case "weekday":
		return e, bounded(0, 6)
	case "ordinal":
		return e, bounded(1, 31)
	case "number":
		return e, bounded(1, 1000)
	case "unit":
		u, count, _ := strings.Cut(v, ":")
		if len(u) != 1 || !strings.Contains("dwmy", u) {
			return e, fmt.Errorf("value %q: want d, w, m or y, optionally with :N", v)
		}
		e.unit = u[0]
		if count != "" {
			n, err := strconv.Atoi(count)
			if err != nil || n < 1 {
				return e, fmt.Errorf("value %q: count is not a positive number", v)
			}
			e.n = n
		}
	case "rel":
		if len(v) < 2 || !strings.Contains("dwmy", v[len(v)-1:]) {
			return e, fmt.Errorf("value %q: want an offset such as -1d or +2w", v)
		}
		n, err := strconv.Atoi(v[:len(v)-1])
		if err != nil {
			return e, fmt.Errorf("value %q: want an offset such as -1d or +2w", v)
		}
		e.n, e.unit = n, v[len(v)-1]
	case "named":
		var m, d, y int
		if _, err := fmt.Sscanf(v, "%d-%d=%d", &m, &d, &y); err != nil || m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999 {
			return e, fmt.Errorf("value %q: want MM-DD=YYYY, the day and year of the named event", v)
		}
		e.n, e.year = m*100+d, y
	case "ago":
		if v != "before" && v != "after" {
			return e, fmt.Errorf("value %q: want before or after", v)
		}
		e.after = v == "after"
	default:
		if v != "" {
			return e, fmt.Errorf("takes no value, got %q", v)
		}
	}
	return e, nil
}

// Command builddata generates Marsad's machine-made knowledge files from
// the development sources in ../shared, cleaning them with the hand-written
// files in data/ and word frequencies of the news corpus:
//
//	data/actors.tsv         UniversalPetrarch actors, cleaned
//	data/agents-ua.tsv      UniversalPetrarch agent words, cleaned
//	data/review/triggers-cameo.tsv UniversalPetrarch CAMEO verbs via CAMEO2PLOVER (review only, not embedded)
//	data/places.tsv         GeoNames cities merged with OpenStreetMap Libyan places
//	data/build-log.txt      every entry dropped, with the reason
//
// Run it from the repository root: go run ./tools/builddata. It prints
// counts; the output is deterministic.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/lexicon"
)

func main() {
	sharedDir := flag.String("shared", shared.Root(), "the development data folder (../shared)")
	dataDir := flag.String("data", "data", "the knowledge folder to write into")
	keepFile := flag.String("keep", filepath.Join("tools", "builddata", "keep.txt"), "names that are frequent words but real names")
	minFreq := flag.Int("min-freq", 40, "a one-word name seen this often in the corpus is taken for a common word unless kept")
	flag.Parse()
	if err := run(*sharedDir, *dataDir, *keepFile, *minFreq, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "builddata:", err)
		os.Exit(1)
	}
}

// builder holds what every generator step consults.
type builder struct {
	shared, data string
	curated      *lexicon.Lexicon
	freq         map[string]int    // corpus frequency by arabic.WordKey
	locative     map[string]int    // of which after a locative word or with ب
	keep         map[string]string // name key → scope ("", "actor" or "place") kept although frequent
	minFreq      int
	log          *logger
	unitWords    map[string]map[string][]string // unit-words.tsv
	// geonamesXref is the GeoNames id a regional place names in its xref.
	geonamesXref map[*marsad.Place]string
}

func run(sharedDir, dataDir, keepFile string, minFreq int, out io.Writer) error {
	if sharedDir == "" {
		return fmt.Errorf("../shared not found; pass -shared")
	}
	cur, err := lexicon.LoadFiles(os.DirFS(dataDir), lexicon.CuratedFiles...)
	if err != nil {
		return fmt.Errorf("loading the hand-written files: %w", err)
	}
	keep, err := readKeep(keepFile)
	if err != nil {
		return err
	}
	b := &builder{shared: sharedDir, data: dataDir, curated: cur, keep: keep, minFreq: minFreq, log: newLogger()}
	if b.unitWords, err = readUnitWords(filepath.Join(filepath.Dir(keepFile), "unit-words.tsv")); err != nil {
		return err
	}
	nouns, err := placeNouns(filepath.Join(dataDir, "cues.tsv"))
	if err != nil {
		return err
	}
	if b.freq, b.locative, err = corpusFrequencies(filepath.Join(sharedDir, "corpus", "ant-politics-2000.jsonl"), nouns); err != nil {
		return err
	}
	steps := []struct {
		name string
		fn   func() (int, error)
	}{
		{"places.tsv", b.places}, // first: actors.tsv drops UA "actors" that are places
		{"actors.tsv", b.actors},
		{"agents-ua.tsv", b.agents},
		{"review/triggers-cameo.tsv", b.triggers},
	}
	for _, s := range steps {
		n, err := s.fn()
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		fmt.Fprintf(out, "%-26s %6d entries written\n", s.name, n)
	}
	b.log.summary(out)
	return b.log.write(filepath.Join(dataDir, "build-log.txt"))
}

// readKeep reads one name a line, optionally scoped "place: NAME",
// "actor: NAME" or "agent: NAME"; "drop: NAME" marks a common word the
// frequency threshold misses. # starts a comment.
func readKeep(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("keep list: %w", err)
	}
	defer f.Close()
	keep := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		scope := ""
		if s, name, ok := strings.Cut(line, ":"); ok {
			scope, line = strings.TrimSpace(s), name
			if scope != "actor" && scope != "place" && scope != "agent" && scope != "drop" {
				return nil, fmt.Errorf("%s: scope %q is not actor, place, agent or drop", path, scope)
			}
		}
		if line = strings.TrimSpace(line); line != "" {
			keep[nameKey(line)] = scope
		}
	}
	return keep, sc.Err()
}

// nameKey is a name's identity for duplicates and the keep list: its
// canonical trie keys joined by spaces.
func nameKey(name string) string {
	var ks []string
	for _, w := range strings.Fields(strings.ReplaceAll(name, "_", " ")) {
		ks = append(ks, arabic.WordKey(w))
	}
	return strings.Join(ks, " ")
}

// commonWord reports whether a one-word name of an actor or place (scope)
// is a frequent everyday word not on the keep list; it returns the
// frequency.
func (b *builder) commonWord(name, scope string) (int, bool) {
	return b.commonAt(name, scope, b.minFreq)
}

// commonAt is commonWord with its own frequency threshold.
func (b *builder) commonAt(name, scope string, minFreq int) (int, bool) {
	k := nameKey(name)
	s, listed := b.keep[k]
	if listed && s == "drop" {
		return b.freq[k], true
	}
	if strings.Contains(k, " ") || listed && (s == "" || s == scope) {
		return 0, false
	}
	n := b.freq[k]
	return n, n >= minFreq
}

// logger collects dropped entries by reason.
type logger struct {
	byReason map[string][]string
}

func newLogger() *logger { return &logger{byReason: map[string][]string{}} }

func (l *logger) drop(file, reason, entry string) {
	k := file + ": " + reason
	l.byReason[k] = append(l.byReason[k], entry)
}

func (l *logger) reasons() []string {
	var ks []string
	for k := range l.byReason {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (l *logger) summary(w io.Writer) {
	for _, k := range l.reasons() {
		fmt.Fprintf(w, "  dropped %5d  %s\n", len(l.byReason[k]), k)
	}
}

func (l *logger) write(path string) error {
	var sb strings.Builder
	sb.WriteString("# build-log.txt — written by go run ./tools/builddata: what was dropped from the sources and why.\n")
	for _, k := range l.reasons() {
		fmt.Fprintf(&sb, "\n## %s (%d)\n", k, len(l.byReason[k]))
		for _, e := range l.byReason[k] {
			sb.WriteString(e)
			sb.WriteByte('\n')
		}
	}
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}

// writeTSV writes a knowledge file: comment header, column header, rows.
func writeTSV(path, comment string, header []string, rows [][]string) error {
	var sb strings.Builder
	for _, line := range strings.Split(strings.TrimRight(comment, "\n"), "\n") {
		sb.WriteString("# " + line + "\n")
	}
	sb.WriteString(strings.Join(header, "\t") + "\n")
	for _, r := range rows {
		for i, f := range r {
			r[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(f)
		}
		sb.WriteString(strings.Join(r, "\t") + "\n")
	}
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}

package arabic

import (
	"bufio"
	"embed"
	"strings"
	"sync"
)

//go:generate go run ../tools/freqgen -corpus "" -ner ../../shared/gold/ner/anercorp-train.txt -names ../data/places.tsv,../data/places-curated.tsv,../data/countries.tsv,../data/actors-curated.tsv -lexicon ../data -out data/freq.tsv

// The package's knowledge (abbreviations, article exceptions, word
// frequencies) lives in editable files under data/, embedded at build time.
//
//go:embed data/*.txt data/*.tsv
var dataFS embed.FS

// wordSet is a set of folded words read from one data file.
type wordSet map[string]struct{}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

// loadSet reads a one-word-a-line file; lines starting with # are comments.
// A missing or unreadable file is a build error caught by the tests, so it
// yields an empty set rather than a panic at run time.
func loadSet(name string) wordSet {
	set := wordSet{}
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return set
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[Fold(line)] = struct{}{}
	}
	return set
}

var (
	abbrevOnce sync.Once
	abbrevs    wordSet
)

func isAbbreviation(w string) bool {
	abbrevOnce.Do(func() { abbrevs = loadSet("abbreviations.txt") })
	return abbrevs.has(Fold(w))
}

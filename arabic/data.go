package arabic

import (
	"bufio"
	"strings"
	"sync"

	"github.com/marsad/marsad/data"
)

//go:generate go run ../tools/freqgen -corpus "" -ner ../../shared/gold/ner/anercorp-train.txt -names ../data/places.tsv,../data/places-curated.tsv,../data/countries.tsv,../data/actors-curated.tsv -lexicon ../data -out ../data/arabic/freq.tsv

// The segmenter's knowledge (abbreviations, article exceptions, word
// frequencies) lives in data/arabic/. It is part of what the tokeniser is,
// like a character table: every stage must split words the same way, so it
// is always the built-in copy (regenerate freq.tsv with tools/freqgen and
// rebuild), never a MARSAD_DATA override.
func readData(name string) ([]byte, error) { return data.FS.ReadFile("arabic/" + name) }

// wordSet is a set of folded words read from one data file.
type wordSet map[string]struct{}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

// loadSet reads a one-word-a-line file; lines starting with # are comments.
// A missing or unreadable file is a build error caught by the tests, so it
// yields an empty set rather than a panic at run time.
func loadSet(name string) wordSet {
	set := wordSet{}
	b, err := readData(name)
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

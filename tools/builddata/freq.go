package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/marsad/marsad/arabic"
)

// placeNouns reads the place-noun cues of cues.tsv (مدينة، محافظة، شمال …):
// the words after which a name is read as a place, for the generator's
// estimate of how often a name is a place. "في، من، على" are not among
// them: "في بيان" (in a statement) is as common as "في إدلب".
func placeNouns(cuesPath string) (map[string]bool, error) {
	b, err := os.ReadFile(cuesPath)
	if err != nil {
		return nil, fmt.Errorf("place nouns: %w", err)
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) >= 2 && f[0] == "place-noun" {
			// A phrase counts by its last word (بالقرب من → من is no
			// noun; its last word is what precedes the name).
			words := strings.Fields(f[1])
			if len(words) == 1 {
				out[arabic.WordKey(words[0])] = true
			}
		}
	}
	return out, nil
}

// corpusFrequencies counts every word of the corpus (title, abstract,
// text) by arabic.WordKey, and how often each follows a place noun:
// the share of those is the word's place reading. (An attached ب is no
// evidence: in بيان it is part of the word.)
func corpusFrequencies(path string, placeNoun map[string]bool) (freq, locative map[string]int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	freq, locative = map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var doc struct{ Title, Abstract, Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		for _, s := range []string{doc.Title, doc.Abstract, doc.Text} {
			prev := ""
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) {
				k := arabic.WordKey(w)
				freq[k]++
				if placeNoun[prev] {
					locative[k]++
				}
				prev = k
			}
		}
	}
	return freq, locative, sc.Err()
}

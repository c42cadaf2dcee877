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

// corpusFrequencies counts every word of the corpus (title, abstract,
// text) by arabic.WordKey.
func corpusFrequencies(path string) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	freq := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var doc struct{ Title, Abstract, Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		for _, s := range []string{doc.Title, doc.Abstract, doc.Text} {
			for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) {
				freq[arabic.WordKey(w)]++
			}
		}
	}
	return freq, sc.Err()
}

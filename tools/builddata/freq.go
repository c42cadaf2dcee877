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

// locativeWords are the words after which a name is read as a place: the
// prepositions of place and the nouns that introduce a place name. They
// only serve the generator's estimate of how often a name is a place.
var locativeWords = map[string]bool{}

func init() {
	// Not في، من، على: "في بيان" (in a statement) is as common as
	// "في إدلب".
	for _, w := range strings.Fields(`قرب باتجاه شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط
		مدينة مدينه بلدة بلده قرية قريه محافظة محافظه منطقة منطقه ريف حي ناحية ناحيه مديرية مديريه قضاء ولاية
		عاصمة عاصمه مطار معبر ميناء قاعدة قاعده مخيم اطراف ضواحي`) {
		locativeWords[arabic.WordKey(w)] = true
	}
}

// corpusFrequencies counts every word of the corpus (title, abstract,
// text) by arabic.WordKey, and how often each follows a locative word:
// the share of those is the word's place reading. (An attached ب is no
// evidence: in بيان it is part of the word.)
func corpusFrequencies(path string) (freq, locative map[string]int, err error) {
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
				if locativeWords[prev] {
					locative[k]++
				}
				prev = k
			}
		}
	}
	return freq, locative, sc.Err()
}

package ner

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

// Gazetteer classes. They are feature values, not entity types: the
// tagger learns from ANERcorp how far each one predicts an entity (a
// place name usually is a LOC, a title word is the word before a PERS).
const (
	gazLoc    = "LOC"   // a place or country name
	gazNation = "NAT"   // a country's demonym or another name of a country actor
	gazPerson = "PER"   // an actor whose name starts with a first name
	gazActor  = "ACT"   // another actor: a party, an army, an organisation
	gazFirst  = "FIRST" // a first name
	gazLast   = "LAST"  // the last word of a person actor's name
	gazTitle  = "TITLE" // an agent word for a person (minister, colonel)
	gazGroup  = "GROUP" // an agent word for a group (brigade, party)
	gazAgent  = "AGENT" // another agent word
)

// GazetteerLexicon is Model.Gazetteer for a model trained with
// LexiconGazetteer over the default lexicon and a first-name list.
const GazetteerLexicon = "lexicon+first-names"

// FirstNamesFile is the first-name list's file name; `marsad train ner`
// writes it next to the model, and Load reads it from there.
const FirstNamesFile = "first-names.txt"

// GazetteerKey is the form a word takes in gazetteer phrases: folded,
// without a conjunction or determiner cluster (arabic.WordKey), so that
// "وألمانيا" and "ألمانيا" look up the same entry.
func GazetteerKey(w string) string { return arabic.WordKey(w) }

// phraseKey keys every word of a name and joins them with single spaces.
func phraseKey(name string) (string, int) {
	f := strings.Fields(arabic.Fold(name))
	for i, w := range f {
		f[i] = GazetteerKey(w)
	}
	return strings.Join(f, " "), len(f)
}

// gazBuilder collects phrase → classes.
type gazBuilder map[string]map[string]bool

func (b gazBuilder) add(name, class string) {
	k, n := phraseKey(name)
	if n == 0 || n > maxGazetteerWords || utf8.RuneCountInString(k) < 2 {
		return
	}
	if b[k] == nil {
		b[k] = map[string]bool{}
	}
	b[k][class] = true
}

func (b gazBuilder) gazetteer() Gazetteer {
	m := make(map[string][]string, len(b))
	for k, set := range b {
		cls := make([]string, 0, len(set))
		for c := range set {
			cls = append(cls, c)
		}
		sort.Strings(cls)
		m[k] = cls
	}
	return func(phrase string) []string { return m[phrase] }
}

// LexiconGazetteer builds a Gazetteer from the knowledge files (places,
// countries, actors, agent words) and a first-name list. An actor counts
// as a person when the first word of one of its names is a first name;
// its last word is then marked too, since news text repeats a person by
// surname alone.
func LexiconGazetteer(lex *lexicon.Lexicon, firstNames []string) Gazetteer {
	b := gazBuilder{}
	first := map[string]bool{}
	for _, n := range firstNames {
		if k, w := phraseKey(n); w == 1 {
			first[k] = true
			b.add(n, gazFirst)
		}
	}
	for _, p := range lex.Places() {
		for _, n := range p.Names {
			b.add(n, gazLoc)
		}
	}
	for _, a := range lex.Actors() {
		class := gazActor
		if a.Sector == "" && a.ID == a.Country {
			class = gazNation // country actors: names and demonyms
		}
		for _, n := range a.Names {
			k, w := phraseKey(n)
			words := strings.Fields(k)
			if class == gazActor && w >= 2 && first[words[0]] {
				b.add(n, gazPerson)
				if last := words[w-1]; !first[last] {
					b.add(last, gazLast)
				}
				continue
			}
			b.add(n, class)
		}
	}
	for _, ag := range lex.Agents() {
		class := gazAgent
		switch ag.Kind {
		case lexicon.AgentPersonTitle:
			class = gazTitle
		case lexicon.AgentGroup:
			class = gazGroup
		}
		for _, n := range ag.Forms {
			b.add(n, class)
		}
	}
	return b.gazetteer()
}

// ReadNames reads a name list: one name a line, # comments and blank
// lines ignored.
func ReadNames(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading names: %w", err)
	}
	return out, nil
}

// FirstNames lists the first words of the PERS entities of sents that
// occur at least minCount times, keyed with GazetteerKey, sorted.
func FirstNames(sents []Sentence, minCount int) []string {
	count := map[string]int{}
	for _, s := range sents {
		for _, e := range Chunks(s.Tags) {
			if e.Type != "PERS" {
				continue
			}
			k := GazetteerKey(s.Words[e.TokStart])
			if utf8.RuneCountInString(k) >= 2 {
				count[k]++
			}
		}
	}
	var out []string
	for k, c := range count {
		if c >= minCount {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// FirstNameMinCount is how often a first word of a PERS entity must occur in
// the training data to enter the first-name list.
const FirstNameMinCount = 1

// UseLexiconGazetteer sets opt up to train with the lexicon lex and
// the first names of the training sentences (built fold by fold, see
// TrainOptions.GazetteerFrom), and returns the first-name list of all of
// sents, which the tagger must be given: `marsad train ner` writes it as
// FirstNamesFile next to the model.
func UseLexiconGazetteer(opt *TrainOptions, sents []Sentence, lex *lexicon.Lexicon) []string {
	opt.GazetteerFrom = func(s []Sentence) Gazetteer {
		return LexiconGazetteer(lex, FirstNames(s, FirstNameMinCount))
	}
	opt.GazetteerName = GazetteerLexicon
	return FirstNames(sents, FirstNameMinCount)
}

// WriteNames writes a name list as ReadNames reads it, with a header
// comment saying where it came from.
func WriteNames(w io.Writer, header string, names []string) error {
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		fmt.Fprintf(bw, "# %s\n", l)
	}
	for _, n := range names {
		fmt.Fprintln(bw, n)
	}
	return bw.Flush()
}

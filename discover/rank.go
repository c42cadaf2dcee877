package discover

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/lexicon"
)

// Example is one occurrence of a candidate. Offsets are code point
// offsets into the document text: []rune(text)[Start:End] == Text.
type Example struct {
	DocID         string `json:"doc_id"`
	SentenceIndex int    `json:"sentence_index"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	Start         int    `json:"start"`
	End           int    `json:"end"`
	Text          string `json:"text"`
	Sentence      string `json:"sentence"`
}

// Count is a word or actor id with how often it was seen.
type Count struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Candidate is a possible new actor.
type Candidate struct {
	Rank    int     `json:"rank"`
	Name    string  `json:"name"` // normalised (folded) name, the most frequent written form
	Type    string  `json:"type"` // TypeArmedGroup, TypeGroup, TypeOrganisation, TypePerson or TypeUnknown
	Score   float64 `json:"score"`
	Count   int     `json:"count"` // mentions
	Docs    int     `json:"docs"`  // documents mentioning it
	WithNER int     `json:"with_ner"`
	// WithAgent counts mentions introduced by an agent word or title.
	WithAgent int `json:"with_agent"`
	// PlaceName is set when the name is or contains a known place
	// ("ميليشيات مصراتة": the militias of a city, not one named group).
	PlaceName bool `json:"place_name"`
	// Variants are the other written forms merged into this one.
	Variants []string `json:"variants"`
	// Agents are the agent words and titles seen with it, most frequent first.
	Agents []Count `json:"agents"`
	// Known are the known actors (ids) in the same sentences, most frequent first.
	Known    []Count   `json:"known_actors"`
	Examples []Example `json:"examples"`
}

// keptExamples is how many examples a tally keeps to choose from.
const keptExamples = 8

// tally accumulates the mentions of one candidate key.
type tally struct {
	key                                  string
	forms, agents, known                 map[string]int
	docs                                 map[string]bool
	count, ner, headed, agreeing         int
	person, group, armed, org, nerPerson int
	place, number, tokens                int
	examples                             []exampleKey
}

type exampleKey struct {
	coref bool // short forms come last
	ex    Example
}

func newTally(key string) *tally {
	return &tally{key: key, forms: map[string]int{}, agents: map[string]int{}, known: map[string]int{}, docs: map[string]bool{}}
}

func (t *tally) add(m *mention) {
	t.count++
	t.docs[m.ex.DocID] = true
	if !m.coref {
		t.forms[m.form]++
	}
	if m.tokens > t.tokens {
		t.tokens = m.tokens
	}
	if m.head != "" {
		t.headed++
		t.agents[m.head]++
		if m.ner != "" {
			t.agreeing++
		}
	}
	if m.ner != "" {
		t.ner++
	}
	switch {
	case m.kind == lexicon.AgentGroup && m.armed:
		t.group++
		t.armed++
	case m.kind == lexicon.AgentGroup:
		t.group++
	case m.kind != "":
		t.person++
	case m.ner == "PERS":
		t.nerPerson++
	case m.ner == "ORG":
		t.org++
	}
	if m.place {
		t.place++
	}
	if m.number {
		t.number++
	}
	for _, k := range m.known {
		t.known[k]++
	}
	t.keepExample(exampleKey{coref: m.coref, ex: m.ex})
}

// keepExample keeps the smallest examples under a fixed order, so that
// the result does not depend on the order documents were added in.
func (t *tally) keepExample(e exampleKey) {
	i, _ := slices.BinarySearchFunc(t.examples, e, compareExamples)
	if i < keptExamples {
		t.examples = slices.Insert(t.examples, i, e)
		if len(t.examples) > keptExamples {
			t.examples = t.examples[:keptExamples]
		}
	}
}

// merge adds o's mentions to t.
func (t *tally) merge(o *tally) {
	addCounts(t.forms, o.forms)
	addCounts(t.agents, o.agents)
	addCounts(t.known, o.known)
	for d := range o.docs {
		t.docs[d] = true
	}
	t.count += o.count
	t.ner += o.ner
	t.headed += o.headed
	t.agreeing += o.agreeing
	t.person += o.person
	t.group += o.group
	t.armed += o.armed
	t.org += o.org
	t.nerPerson += o.nerPerson
	t.place += o.place
	t.number += o.number
	t.tokens = max(t.tokens, o.tokens)
	for _, e := range o.examples {
		t.keepExample(e)
	}
}

func addCounts(into, from map[string]int) {
	for k, n := range from {
		into[k] += n
	}
}

// mergePrefixes folds a person's shorter name into the one longer name of
// the corpus it begins ("تميم بن حمد" into "تميم بن حمد ال ثاني"). Names of
// one word are left alone: a given name begins too many names.
func mergePrefixes(cands map[string]*tally) map[string]*tally {
	var keys []string
	for k, t := range cands {
		if t.typ() == TypePerson {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := maps.Clone(cands)
	for _, k := range keys {
		if !strings.Contains(k, " ") {
			continue
		}
		var longer []string
		for _, o := range keys {
			if strings.HasPrefix(o, k+" ") {
				longer = append(longer, o)
			}
		}
		if len(longer) != 1 {
			continue
		}
		into := out[longer[0]]
		if into == cands[longer[0]] { // copy before changing: cands belongs to the Collector
			into = cloneTally(into)
			out[longer[0]] = into
		}
		into.merge(out[k])
		delete(out, k)
	}
	return out
}

func cloneTally(t *tally) *tally {
	c := newTally(t.key)
	c.merge(t)
	return c
}

func compareExamples(a, b exampleKey) int {
	if a.coref != b.coref {
		if a.coref {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.ex.DocID, b.ex.DocID), cmp.Compare(a.ex.Start, b.ex.Start), cmp.Compare(a.ex.End, b.ex.End))
}

// RankOptions choose which candidates Candidates returns.
type RankOptions struct {
	MinCount int // drop candidates seen fewer times (0 keeps all)
	Top      int // return at most this many (0: all)
	Examples int // examples per candidate (0: 2)
}

// Candidates ranks what was collected: by score, then name. Names that a
// known actor or place covers entirely (through another tokenisation) are
// left out.
func (c *Collector) Candidates(opt RankOptions) []Candidate {
	if opt.Examples <= 0 {
		opt.Examples = 2
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Candidate
	for _, t := range mergePrefixes(c.cands) {
		if t.count < opt.MinCount || len(t.forms) == 0 {
			continue
		}
		cd := c.candidate(t, opt.Examples)
		if c.known(cd.Name) {
			continue
		}
		out = append(out, cd)
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Name, b.Name))
	})
	if opt.Top > 0 && len(out) > opt.Top {
		out = out[:opt.Top]
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// known reports whether the lexicon already covers the whole name with
// one actor or place.
func (c *Collector) known(name string) bool {
	ms, words := c.lex.MatchText(name)
	for _, m := range ms {
		if (m.Kind == lexicon.KindActor || m.Kind == lexicon.KindPlace) && m.TokStart == 0 && m.TokEnd == words {
			return true
		}
	}
	return false
}

func (c *Collector) candidate(t *tally, examples int) Candidate {
	forms := sortedCounts(t.forms)
	cd := Candidate{
		Name: forms[0].Value, Count: t.count, Docs: len(t.docs), WithNER: t.ner, WithAgent: t.headed,
		PlaceName: t.place*2 > t.count,
		Agents:    sortedCounts(t.agents), Known: sortedCounts(t.known),
	}
	for _, f := range forms[1:] {
		cd.Variants = append(cd.Variants, f.Value)
	}
	if len(cd.Known) > 5 {
		cd.Known = cd.Known[:5]
	}
	cd.Type = t.typ()
	cd.Examples = pickExamples(t.examples, examples)
	cd.Score = c.score(t)
	return cd
}

// typ decides the type by vote; an agent word or title counts twice as
// much as a bare NER tag.
func (t *tally) typ() string {
	group, person, org := 2*t.group, 2*t.person+t.nerPerson, t.org
	switch {
	case group > 0 && group >= person && group >= org:
		if t.armed*2 >= t.group {
			return TypeArmedGroup
		}
		return TypeGroup
	case person > 0 && person >= org:
		return TypePerson
	case org > 0:
		return TypeOrganisation
	}
	return TypeUnknown
}

// score ranks a candidate: frequency and spread over documents, raised
// when NER and an agent word agree and lowered for generic words, very
// common one-word names, numbers and place names.
func (c *Collector) score(t *tally) float64 {
	n, d := float64(t.count), float64(len(t.docs))
	s := math.Log2(1+n) * (1 + math.Log2(d))
	headed := float64(t.headed) / n
	agree := float64(t.agreeing) / n
	s *= 0.5 + 0.5*headed + 0.5*agree
	words := strings.Fields(t.key)
	generic := 0
	for _, w := range words {
		if c.words.IsGeneric(w) {
			generic++
		}
	}
	s *= 1 - 0.6*float64(generic)/float64(len(words))
	// Only generic words after the agent word: a description ("قوات
	// النظام"), not a name. The agent word itself is generic by nature.
	if t.group*2 > t.count && len(words) >= 2 && allGeneric(c.words, words[len(words)-1:]) && allGeneric(c.words, words[1:]) {
		s *= 0.15
	}
	// Names of one- and two-letter words are acronyms or fragments ("بي سي").
	letters := 0
	for _, w := range words {
		letters += utf8.RuneCountInString(w)
	}
	if letters < 3*len(words) {
		s *= 0.3
	}
	// A group "named" by one adjective or participle is a description
	// ("حكومة انتقالية", "جماعات مسلحة متناحرة").
	if t.group*2 > t.count && len(words) >= 2 && allDescriptive(c.words, words[1:]) {
		s *= 0.4
	}
	if len(words) == 1 {
		s *= 0.6
		if t.headed == 0 {
			s *= 0.5 // a lone NER word: often a surname or a collective ("الأكراد")
		}
		// A word used mostly outside this name is an everyday word.
		if f := float64(c.freq[t.key]); f > 3*n {
			s *= 3 * n / f
		}
	}
	if t.number > 0 {
		s *= 0.5
	}
	if t.place*2 > t.count {
		s *= 0.7
	}
	return math.Round(s*1000) / 1000
}

// descriptive reports whether a folded, article-less word has the shape
// of an adjective: a nisba (…ي, …يه) or a participle (م…ه, م…ين, م…ون).
func descriptive(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 4 {
		return false
	}
	if strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "ي") {
		return true
	}
	return n >= 5 && strings.HasPrefix(w, "م") && (strings.HasSuffix(w, "ه") || strings.HasSuffix(w, "ين") || strings.HasSuffix(w, "ون"))
}

func allDescriptive(w *Words, words []string) bool {
	for _, x := range words {
		if !descriptive(x) && !w.IsGeneric(x) {
			return false
		}
	}
	return true
}

func allGeneric(w *Words, words []string) bool {
	for _, x := range words {
		if !w.IsGeneric(x) {
			return false
		}
	}
	return true
}

// pickExamples takes up to n examples, from different documents when
// possible.
func pickExamples(kept []exampleKey, n int) []Example {
	var out []Example
	docs := map[string]bool{}
	for _, e := range kept {
		if len(out) < n && !docs[e.ex.DocID] {
			out = append(out, e.ex)
			docs[e.ex.DocID] = true
		}
	}
	for _, e := range kept {
		if len(out) >= n {
			break
		}
		if !slices.Contains(out, e.ex) {
			out = append(out, e.ex)
		}
	}
	return out
}

// sortedCounts lists a count map most frequent first, then by value.
func sortedCounts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for v, n := range m {
		out = append(out, Count{Value: v, Count: n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	return out
}

package discover

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/ner"
	"github.com/marsad/marsad/reader"
)

// Candidate types.
const (
	TypeArmedGroup   = "armed group"
	TypeGroup        = "group"
	TypeOrganisation = "organisation"
	TypePerson       = "person"
	TypeUnknown      = "unknown"
)

// Limits on names, in tokens.
const (
	maxGroupName  = 3 // name words after a group's agent word
	maxPersonName = 5
	maxQualifier  = 4 // words between a title and a name ("وزير الخارجية الأمريكي")
)

// Collector gathers candidate mentions over a corpus. Add is safe for
// concurrent use; Candidates ranks what was gathered. The result does not
// depend on the order in which documents are added.
type Collector struct {
	lex    *lexicon.Lexicon
	tagger *ner.Tagger
	words  *Words

	mu    sync.Mutex
	cands map[string]*tally
	freq  map[string]int // token key → occurrences in the corpus
	docs  int
}

// New returns a Collector over the given lexicon, tagger and word lists.
func New(lex *lexicon.Lexicon, tagger *ner.Tagger, words *Words) *Collector {
	return &Collector{lex: lex, tagger: tagger, words: words, cands: map[string]*tally{}, freq: map[string]int{}}
}

// Docs returns the number of documents added.
func (c *Collector) Docs() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs
}

// Walk reads paths with reader.Walk and adds every document, analysing
// them on workers goroutines. Rejected records go to onReject (may be nil).
func (c *Collector) Walk(ctx context.Context, paths []string, opts reader.Options, workers int, onReject func(error)) error {
	if workers < 1 {
		workers = 1
	}
	docs := make(chan marsad.Document, workers*2)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				c.Add(d)
			}
		}()
	}
	err := reader.Walk(paths, opts, func(it reader.Item) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it.Err != nil {
			if onReject != nil {
				onReject(it.Err)
			}
			return nil
		}
		docs <- it.Doc
		return nil
	})
	close(docs)
	wg.Wait()
	if err != nil {
		return err
	}
	return ctx.Err()
}

// Add analyses one document and records its candidate mentions.
func (c *Collector) Add(doc marsad.Document) {
	ms, freq := c.mentions(doc)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.docs++
	for k, n := range freq {
		c.freq[k] += n
	}
	for i := range ms {
		m := &ms[i]
		t := c.cands[m.key]
		if t == nil {
			t = newTally(m.key)
			c.cands[m.key] = t
		}
		t.add(m)
	}
}

// mention is one occurrence of a candidate in a sentence.
type mention struct {
	key    string // merge key: token keys without ال, space-joined
	form   string // folded name with ال where written
	tokens int    // name tokens, head words included for groups
	head   string // the agent word or title seen with it ("" for none)
	kind   string // lexicon.AgentGroup, AgentPersonTitle or "" (NER only)
	armed  bool
	ner    string // NER type that agrees with it, or ""
	place  bool   // the name is or contains a known place
	number bool   // the name contains a number
	coref  bool   // a short form resolved to a fuller name in the document
	known  []string
	ex     Example
	// token span in the sentence, for merging evidence
	sent, a, b int
}

// sentence holds what the lexicon and the tagger found in one sentence.
type sentence struct {
	an      arabic.Analyzed
	actor   []*marsad.Actor // actor covering each token, or nil
	place   []bool
	trigger []bool
	agents  map[int]lexicon.Match // group and person-title agents by start
	ents    []ner.Entity
	known   []string // actor ids, sorted, unique
}

func (c *Collector) analyse(a arabic.Analyzed) *sentence {
	n := len(a.Tokens)
	s := &sentence{an: a, actor: make([]*marsad.Actor, n), place: make([]bool, n), trigger: make([]bool, n), agents: map[int]lexicon.Match{}}
	for _, m := range c.lex.Match(a.Tokens) {
		for i := m.TokStart; i < m.TokEnd; i++ {
			switch m.Kind {
			case lexicon.KindActor:
				s.actor[i] = m.Actor
			case lexicon.KindPlace:
				s.place[i] = true
			case lexicon.KindTrigger:
				s.trigger[i] = true
			}
		}
		switch m.Kind {
		case lexicon.KindActor:
			if !slices.Contains(s.known, m.Actor.ID) {
				s.known = append(s.known, m.Actor.ID)
			}
		case lexicon.KindAgent:
			if m.Agent.Kind == lexicon.AgentGroup || m.Agent.Kind == lexicon.AgentPersonTitle {
				s.agents[m.TokStart] = m
			}
		}
	}
	slices.Sort(s.known)
	s.ents = c.tagger.Entities(a.Tokens)
	return s
}

// head is an agent word or title found at a position.
type head struct {
	a, b  int
	kind  string
	armed bool
	word  string // display form: the words' keys
}

// headAt returns the group or person-title word starting at token i: the
// lexicon's agent words first, then data/heads.tsv.
func (c *Collector) headAt(s *sentence, i int) (head, bool) {
	toks := s.an.Tokens
	if m, ok := s.agents[i]; ok {
		return head{a: i, b: m.TokEnd, kind: m.Agent.Kind, armed: m.Agent.Armed, word: headWord(toks[i:m.TokEnd])}, true
	}
	for n := min(c.words.maxHead, len(toks)-i); n >= 1; n-- {
		var ks []string
		for _, t := range toks[i : i+n] {
			ks = append(ks, tokKey(t))
		}
		if h, ok := c.words.heads[strings.Join(ks, " ")]; ok {
			return head{a: i, b: i + n, kind: h.Kind, armed: h.Armed, word: strings.Join(ks, " ")}, true
		}
	}
	return head{}, false
}

// headWord is the display form of the head words as written: folded,
// without clitics or ال, so "والكتيبة" and "كتيبة" count as one.
func headWord(toks []marsad.Token) string {
	var ks []string
	for _, t := range toks {
		ks = append(ks, tokKey(t))
	}
	return strings.Join(ks, " ")
}

func (c *Collector) isHead(s *sentence, i int) bool {
	_, ok := c.headAt(s, i)
	return ok
}

// tokKey is the merge key of a token: folded stem without clitics or ال.
func tokKey(t marsad.Token) string {
	if t.Kind != marsad.Word {
		return t.Norm
	}
	st := t.Stem
	if st == "" {
		st = t.Norm
	}
	return lexicon.Canon(st)
}

// tokForm is the token as shown in a normalised name: its stem, with the
// article when the text has it.
func tokForm(t marsad.Token) string {
	if t.Kind != marsad.Word || t.Stem == "" {
		return t.Norm
	}
	if slices.Contains(t.Prefixes, arabic.Article) {
		return arabic.Article + t.Stem
	}
	return t.Stem
}

// proclitic reports whether a token carries a conjunction or preposition,
// which starts a new phrase rather than continuing a name.
func proclitic(t marsad.Token) bool {
	for _, p := range t.Prefixes {
		if p != arabic.Article {
			return true
		}
	}
	return false
}

// nameWord reports whether token i may continue a name: a word with no
// clitic other than ال that is no function word, trigger, head or known
// actor.
func (c *Collector) nameWord(s *sentence, i int) bool {
	t := s.an.Tokens[i]
	if t.Kind != marsad.Word && t.Kind != marsad.Latin {
		return false
	}
	if proclitic(t) || len(t.Suffixes) > 0 || s.trigger[i] || s.actor[i] != nil {
		return false
	}
	k := tokKey(t)
	if c.words.IsFunction(k) || c.words.IsFunction(t.Norm) {
		return false
	}
	return !c.isHead(s, i)
}

// mentions finds the candidate mentions of one document and counts its
// words.
func (c *Collector) mentions(doc marsad.Document) ([]mention, map[string]int) {
	freq := map[string]int{}
	var out []mention
	var sents []*sentence
	for _, a := range arabic.Analyze(doc.Text) {
		for _, t := range a.Tokens {
			if t.Kind == marsad.Word || t.Kind == marsad.Latin {
				freq[tokKey(t)]++
			}
		}
		s := c.analyse(a)
		sents = append(sents, s)
		out = append(out, c.sentenceMentions(doc, len(sents)-1, s)...)
	}
	return c.resolve(sents, out), freq
}

func (c *Collector) sentenceMentions(doc marsad.Document, si int, s *sentence) []mention {
	toks := s.an.Tokens
	var out []mention
	for i := 0; i < len(toks); i++ {
		h, ok := c.headAt(s, i)
		if !ok || s.actor[i] != nil {
			continue
		}
		// "اللواء" is a brigade and a rank: with the article and before a
		// person's name it is the rank ("جيش خالد بن الوليد" stays a group).
		if _, pers := entityAt(s.ents, h.b, "PERS"); pers && h.kind == lexicon.AgentGroup && slices.Contains(toks[h.a].Prefixes, arabic.Article) {
			h.kind = lexicon.AgentPersonTitle
		}
		var m *mention
		if h.kind == lexicon.AgentGroup {
			m = c.groupName(doc, si, s, h)
		} else {
			m = c.personName(doc, si, s, h)
		}
		if m != nil {
			out = append(out, *m)
		}
		i = h.b - 1
	}
	// NER entities: agreeing evidence for a mention found above, or a
	// candidate of their own.
	for _, e := range s.ents {
		if e.Type != "PERS" && e.Type != "ORG" {
			continue
		}
		merged := false
		for j := range out {
			if e.TokStart < out[j].b && out[j].a < e.TokEnd {
				if (e.Type == "PERS") == (out[j].kind == lexicon.AgentPersonTitle) {
					out[j].ner = e.Type
				}
				merged = true
			}
		}
		if merged {
			continue
		}
		if m := c.entityName(doc, si, s, e); m != nil {
			out = append(out, *m)
		}
	}
	return out
}

// groupName reads the name after a group's agent word: "كتيبة شريخان".
func (c *Collector) groupName(doc marsad.Document, si int, s *sentence, h head) *mention {
	toks := s.an.Tokens
	end := h.b
	n := 0
	place, number := false, false
	for j := h.b; j < len(toks) && n < maxGroupName; j++ {
		t := toks[j]
		if t.Text == "_" { // hashtag word joiner: #كتيبة_شريخان
			continue
		}
		if t.Kind == marsad.Number && n == 0 {
			number = true
		} else if !c.nameWord(s, j) {
			break
		}
		if s.place[j] {
			place = true
		}
		n++
		end = j + 1
	}
	// Generic words at the end are descriptions, not the name
	// ("كتيبة شريخان المسلحة").
	for end > h.b && !s.place[end-1] && toks[end-1].Kind != marsad.Number && c.words.IsGeneric(tokKey(toks[end-1])) {
		end--
	}
	for end > h.b && toks[end-1].Text == "_" {
		end--
	}
	if end == h.b {
		return nil
	}
	m := c.newMention(doc, si, s, h.a, end, h.b)
	m.head, m.kind, m.armed, m.place, m.number = h.word, h.kind, h.armed, place, number
	return m
}

// personName reads the name after a title: "قائدها محمد بعيو", "وزير
// الخارجية الأمريكي مايك بومبيو" (a PERS entity after a qualifier), or two
// or three name words right after the title.
func (c *Collector) personName(doc marsad.Document, si int, s *sentence, h head) *mention {
	toks := s.an.Tokens
	j := h.b
	for q := 0; q <= maxQualifier && j < len(toks); q++ {
		if e, ok := entityAt(s.ents, j, "PERS"); ok {
			return c.person(doc, si, s, h, j, e.TokEnd, "PERS")
		}
		t := toks[j]
		qualifier := s.actor[j] != nil || s.place[j] || (t.Kind == marsad.Word && c.words.IsGeneric(tokKey(t)))
		if !qualifier {
			break
		}
		j++
	}
	if j != h.b {
		return nil
	}
	// Without NER, take two or three name words, the first without the
	// article: given names rarely have it, descriptions usually do
	// ("مدير إدارة التوجيه المعني").
	if j >= len(toks) || slices.Contains(toks[j].Prefixes, arabic.Article) || strings.HasPrefix(toks[j].Norm, arabic.Article) {
		return nil
	}
	end := j
	for end < len(toks) && end-j < 3 && c.nameWord(s, end) && !s.place[end] && !c.words.IsGeneric(tokKey(toks[end])) && !inEntity(s.ents, end) {
		end++
	}
	if end-j < 2 {
		return nil
	}
	return c.person(doc, si, s, h, j, end, "")
}

func (c *Collector) person(doc marsad.Document, si int, s *sentence, h head, a, b int, nerType string) *mention {
	a, b, ok := c.trimName(s, a, min(b, a+maxPersonName))
	if !ok {
		return nil
	}
	m := c.newMention(doc, si, s, a, b, a)
	m.head, m.kind, m.armed, m.ner = h.word, h.kind, h.armed, nerType
	return m
}

// entityName makes a candidate of a PERS or ORG entity that no rule above
// explained, unless a known actor or place covers it.
func (c *Collector) entityName(doc marsad.Document, si int, s *sentence, e ner.Entity) *mention {
	limit := maxPersonName
	a, b, ok := c.trimName(s, e.TokStart, min(e.TokEnd, e.TokStart+limit))
	if !ok {
		return nil
	}
	if b-a == 1 && c.words.IsGeneric(tokKey(s.an.Tokens[a])) {
		return nil
	}
	m := c.newMention(doc, si, s, a, b, a)
	m.ner = e.Type
	return m
}

// trimName drops function words and clitic-bearing words at the edges of
// a name span and refuses spans with a known actor, a trigger or only
// places in them.
func (c *Collector) trimName(s *sentence, a, b int) (int, int, bool) {
	toks := s.an.Tokens
	for a < b && (toks[a].Kind == marsad.Punct || c.words.IsFunction(tokKey(toks[a])) || c.isHead(s, a)) {
		a++
	}
	for b > a && (toks[b-1].Kind == marsad.Punct || len(toks[b-1].Suffixes) > 0 || c.words.IsFunction(tokKey(toks[b-1])) || c.words.IsParticle(tokKey(toks[b-1]))) {
		b--
	}
	if a == b {
		return a, b, false
	}
	allPlace := true
	for i := a; i < b; i++ {
		if s.actor[i] != nil || s.trigger[i] {
			return a, b, false
		}
		if i > a && proclitic(toks[i]) {
			return a, b, false
		}
		if !s.place[i] {
			allPlace = false
		}
	}
	return a, b, !allPlace
}

// inEntity reports whether token i is inside any NER entity.
func inEntity(ents []ner.Entity, i int) bool {
	for _, e := range ents {
		if e.TokStart <= i && i < e.TokEnd {
			return true
		}
	}
	return false
}

func entityAt(ents []ner.Entity, i int, typ string) (ner.Entity, bool) {
	for _, e := range ents {
		if e.TokStart == i && e.Type == typ {
			return e, true
		}
	}
	return ner.Entity{}, false
}

// newMention builds the mention of tokens [a,b) of a sentence; tokens
// before nameAt are the group's agent word (key without clitics).
func (c *Collector) newMention(doc marsad.Document, si int, s *sentence, a, b, nameAt int) *mention {
	toks := s.an.Tokens
	var keys, forms []string
	for i := a; i < b; i++ {
		t := toks[i]
		if t.Kind == marsad.Punct {
			continue
		}
		keys = append(keys, tokKey(t))
		if i < nameAt {
			forms = append(forms, tokKey(t))
		} else {
			forms = append(forms, tokForm(t))
		}
	}
	sent := s.an.Sentence
	return &mention{
		key: strings.Join(keys, " "), form: strings.Join(forms, " "), tokens: len(keys),
		known: s.known, sent: si, a: a, b: b,
		ex: Example{
			DocID: doc.ID, SentenceIndex: sent.Index, SentenceStart: sent.Start, SentenceEnd: sent.End,
			Start: toks[a].Start, End: toks[b-1].End, Text: spanText(doc.Text, toks[a].Start, toks[b-1].End),
			Sentence: sent.Text,
		},
	}
}

func spanText(text string, start, end int) string {
	r := []rune(text)
	if start < 0 || end > len(r) || start > end {
		return ""
	}
	return string(r[start:end])
}

// resolve applies document-level evidence: a mention whose words all
// belong to known actors named in the document is that actor ("محجوب"
// after "خالد المحجوب"), and a one-word person mention that ends a fuller
// candidate name of the same document counts as that name ("بعيو" after
// "محمد بعيو").
func (c *Collector) resolve(sents []*sentence, ms []mention) []mention {
	known := map[string]bool{}
	for _, s := range sents {
		for i, a := range s.actor {
			if a != nil && a.Sector != "" {
				known[tokKey(s.an.Tokens[i])] = true
			}
		}
	}
	full := map[string][]int{} // last word → mentions with two or more words
	for i, m := range ms {
		if m.kind != lexicon.AgentGroup && m.tokens >= 2 {
			w := strings.Fields(m.key)
			full[w[len(w)-1]] = append(full[w[len(w)-1]], i)
		}
	}
	out := make([]mention, 0, len(ms))
	for _, m := range ms {
		if m.kind != lexicon.AgentGroup {
			all := true
			for _, w := range strings.Fields(m.key) {
				if !known[w] {
					all = false
					break
				}
			}
			if all {
				continue
			}
		}
		if m.tokens == 1 && m.kind != lexicon.AgentGroup {
			if idx := full[m.key]; len(idx) > 0 && sameKey(ms, idx) {
				f := ms[idx[0]]
				m.key, m.form, m.tokens, m.coref = f.key, f.form, f.tokens, true
			}
		}
		out = append(out, m)
	}
	return out
}

func sameKey(ms []mention, idx []int) bool {
	for _, i := range idx[1:] {
		if ms[i].key != ms[idx[0]].key {
			return false
		}
	}
	return true
}

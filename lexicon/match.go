package lexicon

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Kind says what a Match found.
type Kind uint8

// Match kinds.
const (
	KindActor Kind = iota + 1
	KindAgent
	KindPlace
	KindTrigger
)

const numKinds = 5

func (k Kind) String() string {
	switch k {
	case KindActor:
		return "actor"
	case KindAgent:
		return "agent"
	case KindPlace:
		return "place"
	case KindTrigger:
		return "trigger"
	}
	return "unknown"
}

// Match is one dictionary entry found in a sentence's tokens
// [TokStart, TokEnd). Exactly one of Actor, Agent, Places, Trigger is set,
// according to Kind.
type Match struct {
	Kind     Kind
	TokStart int
	TokEnd   int // exclusive
	Actor    *marsad.Actor
	Agent    *Agent
	Places   []*marsad.Place // candidates, most populous first
	// PlaceWord: the name is also an everyday word (a place's word_names),
	// a place only where the text introduces one (في الباب، مدينة الباب).
	PlaceWord bool
	Trigger   *Trigger
}

// node is a trie node over token keys; each node holds the entries whose
// names end there, one slot per kind.
type node struct {
	next     map[string]*node
	actor    *marsad.Actor
	agent    *Agent
	places   []*marsad.Place
	triggers []*Trigger
	// lemmas are the verb triggers whose lemma ends here, inflected those
	// reached only through a conjugation: a preposition cut from a token
	// (ب، ك، ل) may precede a lemma read as a verbal noun (بقصف) but no
	// conjugation (بحثت is not ب + حثت).
	lemmas, inflected []*Trigger
	// withHa are the triggers reached here only through a derived form
	// ending in the pronoun ه, which a word written with ة never is
	// (وزارة is not و + زاره).
	withHa []*Trigger
	// placeWord: a name of places[...] that is also an everyday word.
	placeWord bool
}

func newNode() *node { return &node{} }

func (n *node) insert(keys []string) *node {
	for _, k := range keys {
		c := n.next[k]
		if c == nil {
			if n.next == nil {
				n.next = map[string]*node{}
			}
			c = newNode()
			n.next[k] = c
		}
		n = c
	}
	return n
}

// addTrigger adds tr to the node; it reports false when an earlier
// unconstrained trigger makes tr unreachable.
func (n *node) addTrigger(tr *Trigger) bool {
	for _, t := range n.triggers {
		if t == tr {
			return true
		}
	}
	reachable := true
	for _, t := range n.triggers {
		if len(t.Next) == 0 && len(t.NotNext) == 0 {
			reachable = false
		}
	}
	n.triggers = append(n.triggers, tr)
	return reachable
}

// nextWindow is how many tokens after a trigger a next: word may appear.
const nextWindow = 3

// Match finds the dictionary entries in one sentence's tokens. Per kind,
// matches do not overlap: scanning left to right, the longest entry
// starting at a position wins and the scan for that kind resumes after it
// (leftmost-longest). Different kinds may overlap: "ميليشيات مصراتة" is
// an actor and contains the place "مصراتة". Results are ordered by
// TokStart, then Kind.
func (l *Lexicon) Match(toks []marsad.Token) []Match {
	if len(toks) == 0 {
		return nil
	}
	m := matcher{l: l, toks: toks, keys: make([][]tokenKey, len(toks))}
	buf := make([]tokenKey, 0, len(toks)*4)
	for i := range toks {
		s := len(buf)
		buf = tokenKeys(&toks[i], buf)
		m.keys[i] = buf[s:len(buf):len(buf)]
	}
	var out []Match
	var resume [numKinds]int
	for i := range toks {
		m.best = [numKinds]Match{}
		m.walk(l.root, i, i, false)
		for k := KindActor; k <= KindTrigger; k++ {
			if b := m.best[k]; b.Kind != 0 && i >= resume[k] {
				out = append(out, b)
				resume[k] = b.TokEnd
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].TokStart != out[b].TokStart {
			return out[a].TokStart < out[b].TokStart
		}
		return out[a].Kind < out[b].Kind
	})
	return out
}

type matcher struct {
	l    *Lexicon
	toks []marsad.Token
	keys [][]tokenKey
	best [numKinds]Match
}

// walk follows every key of token j from n, recording for each kind the
// longest entry found from start. light says whether an earlier token of
// the path was reached through a light form.
func (m *matcher) walk(n *node, start, j int, light bool) {
	if j >= len(m.toks) || n.next == nil {
		return
	}
	for _, k := range m.keys[j] {
		c := n.next[k.s]
		if c == nil {
			continue
		}
		end := j + 1
		how := k.how
		if light && how == keyExact {
			how = keyFem // any light step taints the whole path
		}
		if k.triggerOnly {
			if j != start {
				continue
			}
			if len(c.triggers) > 0 && end > m.best[KindTrigger].TokEnd {
				if tr := m.firstAllowed(c.triggers, c.inflected, end); tr != nil {
					m.best[KindTrigger] = Match{Kind: KindTrigger, TokStart: start, TokEnd: end, Trigger: tr}
				}
			}
			m.walk(c, start, end, light)
			continue
		}
		if c.actor != nil && end > m.best[KindActor].TokEnd && acceptsActor(c.actor, how, end-start) {
			m.best[KindActor] = Match{Kind: KindActor, TokStart: start, TokEnd: end, Actor: c.actor}
		}
		if c.agent != nil && end > m.best[KindAgent].TokEnd && (how <= keyConj || how == keyPlural) {
			m.best[KindAgent] = Match{Kind: KindAgent, TokStart: start, TokEnd: end, Agent: c.agent}
		}
		if len(c.places) > 0 && end > m.best[KindPlace].TokEnd && how <= keyConj {
			m.best[KindPlace] = Match{Kind: KindPlace, TokStart: start, TokEnd: end, Places: c.places, PlaceWord: c.placeWord}
		}
		// A stem of two letters left after ب or ك is too often a root
		// letter cut off (بحث is the verb, not ب + حث): no trigger. After
		// ل it is a purpose (لحث).
		shortAfterPrep := j == start && k.prep && utf8.RuneCountInString(k.s) < minRest &&
			!slices.Contains(m.toks[j].Prefixes, "ل")
		if len(c.triggers) > 0 && end > m.best[KindTrigger].TokEnd && !shortAfterPrep {
			var skip []*Trigger
			if j == start && k.prep {
				skip = c.inflected
			}
			if k.tm && len(c.withHa) > 0 {
				skip = append(slices.Clip(skip), c.withHa...)
			}
			if tr := m.firstAllowed(c.triggers, skip, end); tr != nil {
				m.best[KindTrigger] = Match{Kind: KindTrigger, TokStart: start, TokEnd: end, Trigger: tr}
			}
		}
		m.walk(c, start, end, light || k.how >= keyFem)
	}
}

// acceptsActor says which keys may reach an actor. Place and person names
// do not inflect, so a light form only reaches a country (its demonyms:
// الليبية، الليبيون) or a multiword name ("جيش إسرائيلي" for "الجيش
// الإسرائيلية"); the accusative alif never does (ليبيا is not ليبي).
func acceptsActor(a *marsad.Actor, how uint8, words int) bool {
	switch how {
	case keyExact, keyConj:
		return true
	case keyFem, keyPlural:
		return a.ID == a.Country || words > 1
	}
	return false
}

// firstAllowed returns the first trigger whose next:/not-next: words are
// satisfied by the tokens after end, skipping those in skip.
func (m *matcher) firstAllowed(trs, skip []*Trigger, end int) *Trigger {
	for _, tr := range trs {
		if slices.Contains(skip, tr) {
			continue
		}
		if len(tr.Next) > 0 && !m.within(tr.Next, end) {
			continue
		}
		if len(tr.NotNext) > 0 && m.within(tr.NotNext, end) {
			continue
		}
		return tr
	}
	return nil
}

// within reports whether one of words is a key of the nextWindow tokens
// from end.
func (m *matcher) within(words []string, end int) bool {
	for j := end; j < end+nextWindow && j < len(m.toks); j++ {
		for _, k := range m.keys[j] {
			for _, w := range words {
				if k.s == w {
					return true
				}
			}
		}
	}
	return false
}

// MatchText matches a short text (a name, a phrase) split on spaces, for
// tools and checks: each word is folded and used as its own stem.
func (l *Lexicon) MatchText(s string) (ms []Match, words int) {
	f := strings.Fields(arabic.Fold(s))
	ts := make([]marsad.Token, len(f))
	for i, w := range f {
		ts[i] = marsad.Token{Text: w, Norm: w, Stem: w}
	}
	return l.Match(ts), len(ts)
}

// Describe says in one line what the match found, for people checking
// their edits: "actor lby-gna LBY GOV side=GNA", "place Tripoli (LBY
// geonames:2210247) +1 candidate", "trigger ASSAULT/aerial cameo=195".
func (m Match) Describe() string {
	switch m.Kind {
	case KindActor:
		a := m.Actor
		s := fmt.Sprintf("actor %s %s %s", a.ID, orDash(a.Country), orDash(a.Sector))
		if a.Side != "" {
			s += " side=" + a.Side
		}
		return s + " (" + a.Name + ")"
	case KindAgent:
		a := m.Agent
		return fmt.Sprintf("agent %s %s kind=%s armed=%t (%s)", a.Sector, a.Label, orDash(a.Kind), a.Armed, a.Source)
	case KindPlace:
		p := m.Places[0]
		s := fmt.Sprintf("place %s (%s %s pop=%d)", p.Name, p.Country, p.ID, p.Population)
		if n := len(m.Places) - 1; n > 0 {
			s += fmt.Sprintf(" +%d candidates", n)
		}
		return s
	case KindTrigger:
		t := m.Trigger
		s := "trigger " + t.EventType
		if t.Mode != "" {
			s += "/" + t.Mode
		}
		if t.CAMEO != "" {
			s += " cameo=" + t.CAMEO
		}
		if len(t.Needs) > 0 {
			s += " needs=" + strings.Join(t.Needs, ";")
		}
		if t.Derived != "" {
			s += " form=" + t.Derived
		}
		return s + " (" + t.Source + ")"
	}
	return "unknown"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

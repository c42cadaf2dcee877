package coder

import (
	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/lexicon"
)

// The coder works on a view of one sentence: its tokens and what the
// dictionaries, the recogniser and the cue list found in them, all in token
// indices [start, end). The view is built by analyse and read by the role,
// modality and attribution rules.

// trigger is an event word found in the sentence.
type trigger struct {
	start, end int
	eventType  string
	mode       string
	cameo      string
	context    []string
	noun       bool // a noun (هجوم) rather than a verb (هاجم)
	participle bool // an accusative participle (مطالبا، نافيا)
	id         string
}

// actorSpan is a phrase that can fill a source or target role.
type actorSpan struct {
	start, end int
	ref        marsad.ActorRef
	// how it was found: "dict" (actor dictionary), "agent" (a sector word,
	// possibly with a name after it), "ner" (the recogniser), "title" (a
	// person's title and name)
	how      string
	personal bool // a person (title + name, or a PERS entity)
}

// placeSpan is a gazetteer match.
type placeSpan struct {
	start, end int
	cands      []*marsad.Place
	inActor    bool // part of an actor phrase (ميليشيات مصراتة): not a location
}

// sentenceView is everything the rules need about one sentence.
type sentenceView struct {
	sent     marsad.Sentence
	toks     []marsad.Token
	triggers []trigger
	actors   []actorSpan
	places   []placeSpan
	cues     []cueHit
	matches  []lexicon.Match
	ents     []Entity
	dates    []DateExpr // offsets relative to the sentence
	inDate   []bool     // token i is part of a date expression
	// lib is the cue list, for the frames of event types.
	lib *Cues
	// cueAt[i] lists the cue kinds starting at token i.
	cueAt map[int][]cueHit
	// runes is the sentence text as code points, converted once: span
	// offsets are code points, and converting on every span call cost
	// about a tenth of the coder's time.
	runes []rune
	// verbs[i] caches verbAt(i), which the role features ask for every
	// token between a phrase and its trigger.
	verbs []bool
}

func (v *sentenceView) hasCueAt(i int, kind string) (cueHit, bool) {
	for _, h := range v.cueAt[i] {
		if h.kind == kind {
			return h, true
		}
	}
	return cueHit{}, false
}

// cueCovering returns the cue of kind that covers token i.
func (v *sentenceView) cueCovering(i int, kind string) (cueHit, bool) {
	for _, h := range v.cues {
		if h.kind == kind && h.start <= i && i < h.end {
			return h, true
		}
	}
	return cueHit{}, false
}

// span converts token indices to a document span.
func (v *sentenceView) span(start, end int) marsad.Span {
	if start >= end || start < 0 || end > len(v.toks) {
		return marsad.Span{}
	}
	s, e := v.toks[start].Start, v.toks[end-1].End
	return marsad.Span{Text: v.textOf(s, e), Start: s, End: e}
}

// textOf returns the sentence text between two document offsets.
func (v *sentenceView) textOf(s, e int) string {
	if v.runes == nil {
		v.runes = []rune(v.sent.Text)
	}
	r := v.runes
	a, b := s-v.sent.Start, e-v.sent.Start
	if a < 0 || b > len(r) || a > b {
		return ""
	}
	return string(r[a:b])
}

func (v *sentenceView) isPunct(i int) bool {
	return i >= 0 && i < len(v.toks) && v.toks[i].Kind == marsad.Punct
}

// isClauseBreak reports whether token i ends a clause for scope purposes:
// punctuation other than quotes, or a clause-starting word.
func (v *sentenceView) isClauseBreak(i int) bool {
	if i < 0 || i >= len(v.toks) {
		return true
	}
	t := v.toks[i]
	if t.Kind == marsad.Punct {
		switch t.Text {
		case "«", "»", "\"", "'", "“", "”", "(", ")":
			return false
		}
		return true
	}
	_, ok := v.hasCueAt(i, cueClause)
	return ok
}

// hasCue reports whether the sentence has a cue of kind anywhere.
func (v *sentenceView) hasCue(kind string) bool {
	for _, h := range v.cues {
		if h.kind == kind {
			return true
		}
	}
	return false
}

// Token helpers shared by the rules: prefixes, prepositions, clause breaks and the actor phrases around a token.

package coder

import (
	"slices"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

func hasPrefix(t *marsad.Token, p string) bool {
	for _, x := range t.Prefixes {
		if x == p {
			return true
		}
	}
	return false
}

// hasConjunction reports whether token t carries a proclitic conjunction
// (و or ف).
func hasConjunction(t *marsad.Token) bool {
	return slices.ContainsFunc(t.Prefixes, arabic.IsConjunction)
}

// actorAt is the actor phrase that starts at token i.
func (v *sentenceView) actorAt(i int) *actorSpan {
	for k := range v.actors {
		if v.actors[k].start == i {
			return &v.actors[k]
		}
	}
	return nil
}

// triggerNounAt reports whether an event noun covers token i.
func (v *sentenceView) triggerNounAt(i int) bool {
	for _, x := range v.triggers {
		if x.noun && x.start <= i && i < x.end {
			return true
		}
	}
	return false
}

// prepBefore reports whether the phrase at token i is governed by a
// preposition (a clitic ب/ل/ك on its first word, or a preposition word).
func (v *sentenceView) prepBefore(i int) bool {
	if i < 0 || i >= len(v.toks) {
		return false
	}
	for _, p := range v.toks[i].Prefixes {
		if arabic.IsPreposition(p) {
			return true
		}
	}
	if i > 0 {
		if _, ok := v.cueCovering(i-1, cuePrep); ok {
			return true
		}
	}
	return false
}

// actorsAfter lists actor phrases after token i within the clause.
func (v *sentenceView) actorsAfter(i int) []*actorSpan {
	var out []*actorSpan
	limit := i + roleWindow + 6
	for k := range v.actors {
		a := &v.actors[k]
		if a.start < i || a.start > limit {
			continue
		}
		if v.breakBetween(i, a.start) {
			break
		}
		out = append(out, a)
	}
	return out
}

// actorBefore is the nearest actor phrase ending before token i in the clause.
func (v *sentenceView) actorBefore(i int) *actorSpan {
	var best *actorSpan
	for k := range v.actors {
		a := &v.actors[k]
		if a.end > i || i-a.end > roleWindow {
			continue
		}
		if v.breakBetween(a.end, i) {
			continue
		}
		if best == nil || a.end > best.end {
			best = a
		}
	}
	return best
}

func (v *sentenceView) breakBetween(from, to int) bool {
	for j := from; j < to; j++ {
		if v.isClauseBreak(j) && (v.toks[j].Text != "،" || v.clauseOpensAt(j+1)) {
			return true
		}
	}
	return false
}

// clauseOpensAt reports whether token i, after a comma, opens another
// clause: a clause word, a complementizer, a verb of saying, or a
// function word before a complementizer (، قبل أن تصبح …).
func (v *sentenceView) clauseOpensAt(i int) bool {
	for _, k := range []string{cueComplement, cueClause, cueSpeech} {
		if _, ok := v.hasCueAt(i, k); ok {
			return true
		}
	}
	// قبل أن، بعد أن; a time word alone (، امس،) opens no clause
	if _, ok := v.hasCueAt(i, cueFunction); ok {
		_, ok = v.hasCueAt(i+1, cueComplement)
		return ok
	}
	return false
}

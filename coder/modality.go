// Modality: whether a sentence asserts, denies, supposes or announces an event, or names it under a condemnation or a call.

package coder

import (
	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Window sizes, in tokens, for the scope of cues before a trigger.
const (
	negWindow    = 2 // لم يهاجم، لم يتم استهداف
	negVerbScope = 20
	modalWindow  = 5
	embedWindow  = 4
)

// Embedding cues, as Candidate.Embed says them.
const (
	EmbedCall    = "call"    // under a call, demand or rejection: not a happening
	EmbedCondemn = "condemn" // under a condemnation or investigation: it took place
)

// modality decides how the sentence presents trigger t, and whether it is
// the topic of another act (embed: EmbedCall or EmbedCondemn) rather than
// a new report.
func (v *sentenceView) modality(t *trigger) (modality string, embed string) {
	// The future prefix سـ sits on the trigger itself (سيهاجم).
	for _, p := range v.toks[t.start].Prefixes {
		if p == arabic.FuturePrefix {
			modality = marsad.Future
		}
	}
	for i := t.start - 1; i >= 0 && t.start-i <= negVerbScope; i-- {
		dist := t.start - i
		if v.isClauseBreak(i) && dist > 1 {
			// A comma or clause word ends the local scope; only a denial
			// verb reaches across (نفى … أن يكون).
			for j := i - 1; j >= 0 && t.start-j <= negVerbScope; j-- {
				if _, ok := v.hasCueAt(j, cueNegationVerb); ok {
					return marsad.Negated, ""
				}
			}
			break
		}
		if dist <= negWindow {
			if _, ok := v.hasCueAt(i, cueNegation); ok {
				return marsad.Negated, ""
			}
		}
		if _, ok := v.hasCueAt(i, cueNegationVerb); ok {
			return marsad.Negated, ""
		}
		if dist <= embedWindow {
			if _, ok := v.hasCueAt(i, cueEmbed); ok {
				return "", EmbedCall
			}
			if _, ok := v.hasCueAt(i, cueCondemn); ok {
				return marsad.Asserted, EmbedCondemn
			}
		}
		if dist <= modalWindow && modality == "" {
			if _, ok := v.hasCueAt(i, cueHypothetical); ok {
				modality = marsad.Hypothetical
			} else if _, ok := v.hasCueAt(i, cueThreat); ok {
				modality = marsad.Future
			} else if _, ok := v.hasCueAt(i, cueFuture); ok {
				modality = marsad.Future
			}
		}
	}
	if modality != "" {
		return modality, ""
	}
	return marsad.Asserted, ""
}

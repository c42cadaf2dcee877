// Anchoring: whether an event noun is reported as happening (a light verb, a doer, a toll) rather than named as a topic.

package coder

// anchorWindow is the window, in tokens, before an event noun in which its
// light verb is looked for.
const anchorWindow = 8

// anchorBefore finds a light verb before an event noun that says it
// happened (شن هجوما، وقع انفجار، بدأ المقاتلون في الانسحاب), crossing
// commas but no other clause break; -1 when there is none.
func (v *sentenceView) anchorBefore(t *trigger) int {
	for i := t.start - 1; i >= 0 && t.start-i <= anchorWindow; i-- {
		if _, ok := v.hasCueAt(i, cueAnchor); ok {
			return i
		}
		if v.isClauseBreak(i) && v.toks[i].Text != "،" && v.toks[i].Text != "," {
			break
		}
	}
	return -1
}

// anchored reports whether an event noun is reported as happening rather
// than named as a topic: a light verb before it (شن هجوما، وقع انفجار), a
// doer or victim after it, or people killed in the sentence.
func (v *sentenceView) anchored(t *trigger, src, tgt *actorSpan, fatalities *int) bool {
	if v.anchorBefore(t) >= 0 {
		return true
	}
	// An anchor verb right after the noun: انفجار وقع، الهجوم أسفر عن
	for i := t.end; i < len(v.toks) && i-t.end < 2; i++ {
		if _, ok := v.hasCueAt(i, cueAnchor); ok {
			return true
		}
	}
	if fatalities != nil {
		return true
	}
	if v.frame(t).Target == targetNone {
		return src != nil // a type with no target is anchored by its doer
	}
	return src != nil && tgt != nil
}

// resultAnchor reports whether the anchor at token i reports a result
// (أسفر عن، أدى إلى مقتل): its subject is the attack, not an actor.
func (v *sentenceView) resultAnchor(i int) bool {
	h, ok := v.hasCueAt(i, cueAnchor)
	return ok && h.note == "result"
}

func (v *sentenceView) anchorBetween(from, to int) bool {
	for j := from; j < to; j++ {
		if _, ok := v.hasCueAt(j, cueAnchor); ok {
			return true
		}
	}
	return false
}

// patientAnchor reports whether the anchor at token i has the one acted
// on as its subject (تعرض لهجوم: suffered an attack).
func (v *sentenceView) patientAnchor(i int) bool {
	h, ok := v.hasCueAt(i, cueAnchor)
	return ok && h.note == "patient"
}

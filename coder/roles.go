// Roles: the source and target of a trigger, from word order, voice, prepositions and the event type's frame.

package coder

import (
	"strings"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// roleWindow is the window, in tokens, in which a source or target phrase
// is looked for before a trigger; after it the rules reach a few tokens
// further.
const roleWindow = 6

// targetOfReach is how far after the trigger a target-of word may be.
const targetOfReach = 12

// roles finds the source and target of trigger t. A target-of word for
// the trigger's event type (ضد، أمام، احتجاجا على for a protest) names the
// target whatever else the clause holds.
func (v *sentenceView) roles(t *trigger) (src, tgt *actorSpan) {
	src, tgt = v.rolesOf(t)
	if src == nil || v.notUsable(src) {
		if a := v.carriedDoer(t); a != nil {
			src = a
		}
	}
	fr := v.frame(t)
	if fr.Target == targetNone || tgt != nil && !fits(tgt, fr) {
		tgt = nil // a withdrawal or a mobilisation is aimed at no one
	}
	tgt = v.withPossessor(tgt, src)
	src = v.withPossessor(src, tgt)
	if t.noun && v.doerAt(t.start) {
		// The event word is its own doer: انتحاري، سيارة مفخخة.
		if a := v.actorAt(t.start); a != nil {
			src = a
		}
	}
	// One phrase is never both the doer and the one acted on.
	if src != nil && tgt != nil && src.start < tgt.end && tgt.start < src.end {
		src = nil
	}
	return src, tgt
}

func (v *sentenceView) rolesOf(t *trigger) (src, tgt *actorSpan) {
	src, tgt = v.baseRoles(t)
	if s, x := v.reciprocal(t); x != nil {
		if s != nil {
			src = s
		}
		tgt = x
		if src == tgt {
			src = nil
		}
		return src, tgt
	}
	if x := v.targetOf(t); x != nil && x != src {
		tgt = x
	}
	return src, tgt
}

// reciprocalReach is how many words (adjectives: اشتباكات عنيفة مسلحة)
// may stand between an event word and بين/مع.
const reciprocalReach = 2

// reciprocal reads the sides of a clash written after the event word:
// "بين X و Y" gives source X and target Y, "مع X" the target X (the
// source is then the subject the other rules found). It returns a nil
// target when the sentence has no such phrase.
func (v *sentenceView) reciprocal(t *trigger) (src, tgt *actorSpan) {
	for i := t.end; i < len(v.toks) && i-t.end <= reciprocalReach; i++ {
		h, ok := v.hasCueAt(i, cueReciprocal)
		if !ok {
			if v.isClauseBreak(i) || v.prepBefore(i) {
				return nil, nil
			}
			continue
		}
		first := v.actorAt(h.end)
		if first == nil {
			return nil, nil
		}
		if h.note != "between" {
			return nil, first
		}
		for k := range v.actors {
			a := &v.actors[k]
			if a.start >= first.end && a.start-first.end <= 1 && hasPrefix(&v.toks[a.start], "و") {
				return first, a
			}
		}
		return nil, nil
	}
	return nil, nil
}

// frame is how the trigger's event type writes its target.
func (v *sentenceView) frame(t *trigger) *Frame {
	if v.lib == nil {
		return &defaultFrame
	}
	return v.lib.frameOf(t.eventType)
}

// targetOf is the phrase right after a target-of cue of the trigger's
// event type, after the trigger and before the next sentence break.
// A named actor (a dictionary entry, a group or a person) after any of
// the cues wins over a plain noun phrase after the first: in "تجمعوا أمام
// مبنى المحافظة مطالبين الحكومة" the protest is aimed at the government.
func (v *sentenceView) targetOf(t *trigger) *actorSpan {
	var first *actorSpan
	for _, h := range v.cues {
		if h.kind != cueTargetOf || h.note != t.eventType || h.start < t.start || h.start-t.end > targetOfReach {
			continue
		}
		for k := range v.actors {
			a := &v.actors[k]
			if a.start >= h.end && a.start-h.end <= 1 {
				if a.how != "np" {
					return a
				}
				if first == nil {
					first = a
				}
				break
			}
		}
	}
	return first
}

func (v *sentenceView) baseRoles(t *trigger) (src, tgt *actorSpan) {
	after := v.actorsAfter(t.end)
	before := v.actorBefore(t.start)
	fr := v.frame(t)
	// A direct object or a patient's genitive is the target only where
	// the type says so: the banners protesters carry are not what they
	// protest against.
	object := fr.Target == targetObject || v.objectVerb(t, fr)
	passive := false
	if _, ok := v.cueCovering(t.start, cuePassive); ok {
		passive = true
	}
	if t.noun && !t.participle {
		for len(after) > 0 && v.adjectiveOf(t.end-1, after[0]) {
			after = after[1:] // اجتماعه المزمع: an adjective, no genitive
		}
		_, patient := v.cueCovering(t.start, cuePatientNoun)
		// the noun's genitive: هجوم المسلحين / مقتل القائد / مقتل أربعة
		// من عناصر الشرطة. A trigger ending in a preposition (احتجاجا
		// على) has none: what follows is what it is aimed at.
		if len(after) > 0 && !v.endsInPrep(t) && v.genitiveAfter(t.end, after[0].start) {
			if patient {
				if object && fits(after[0], fr) {
					tgt = after[0]
				}
			} else {
				src = after[0]
				// قصف الجيش السوري لبلدة، اتهام الجماعة لموظفي الدولة: after
				// the doer's genitive, a phrase behind ل is the one acted on
				if len(after) > 1 && object && hasPrefix(&v.toks[after[1].start], "ل") && after[1].start-after[0].end <= 1 && fits(after[1], fr) {
					tgt = after[1]
				}
			}
			after = after[1:]
		}
		if tgt == nil {
			for _, a := range after {
				if v.targetPrep(a.start, fr) && fits(a, fr) {
					tgt = a
					break
				}
			}
		}
		if src == nil {
			src = v.doerAfter(t)
		}
		if a := v.anchorBefore(t); a >= 0 && v.patientAnchor(a) {
			// تعرضت المدينة لقصف، المجبري تعرض للاختطاف: the subject of
			// تعرض is the one acted on; the doer comes after (من قبل X)
			var subj *actorSpan
			for k := range v.actors {
				if x := &v.actors[k]; x.start > a && x.end <= t.start && !v.prepBefore(x.start) {
					subj = x
					break
				}
			}
			if subj == nil && before != nil && before.end <= a && !v.prepBefore(before.start) {
				subj = before
			}
			if subj != nil {
				tgt = subj
				if src == subj {
					src = nil
				}
			}
			if src == nil {
				for _, x := range after {
					if v.agentMarkerBefore(x.start) {
						src = x
						break
					}
				}
			}
			return src, tgt
		}
		if src == nil {
			if a := v.anchorBefore(t); a >= 0 && !v.resultAnchor(a) {
				// the light verb's subject: بدأ مقاتلو مصراتة في الانسحاب
				for k := range v.actors {
					x := &v.actors[k]
					if x.start > a && x.end <= t.start && !v.prepBefore(x.start) {
						src = x
						break
					}
				}
				if src == nil && before != nil && before.end <= a && !v.prepBefore(before.start) {
					src = before // المسلحون شنوا هجوما
				}
			}
		}
		if src != nil && src == tgt {
			src = nil
		}
		return src, tgt
	}
	passive = v.readsPassiveVerb(t, passive, after, before)
	if passive {
		// The victim is the subject: before the verb (ثمانية اشخاص
		// قتلوا) or after it (قتل 20 شخصا), never behind a preposition
		// (قتلوا في هجوم انتحاري).
		if before != nil && before.end == t.start && (!v.prepBefore(before.start) || v.countedBefore(before)) && !v.countedVictims(t.end) {
			// (a count right after the verb is its victim: وأصيب سبعة
			// مدنيين وقتل أربعة جنود — the soldiers were killed)
			tgt = before
		} else {
			for _, a := range after {
				if !v.prepBefore(a.start) && !v.agentMarkerBefore(a.start) {
					tgt = a
					break
				}
			}
		}
		if !object {
			tgt = nil
		}
		for _, a := range after {
			if v.agentMarkerBefore(a.start) {
				src = a
				break
			}
		}
		return src, tgt
	}
	// Active verb: Arabic is mostly verb-subject-object, but a subject
	// right after إن/أن, or a verb agreeing in the plural (مجهولين خطفوا
	// القنصل), puts the subject first; so does a verb right after a noun
	// it describes (هجوم انتحاري استهدف دورية: the attack is the subject,
	// the patrol the object).
	rest := after
	if t.participle {
		// مطالبا وزير المالية: a participle's subject is the clause's
		// (carriedDoer); what follows it is its object
	} else if s := v.subjectFirst(t, before); s != nil {
		src = s
	} else if v.describesNounBefore(t) {
		if before != nil && before.end == t.start && !v.prepBefore(before.start) && !v.triggerNounAt(before.start) {
			src = before
		}
	} else if len(after) > 0 && !v.prepBefore(after[0].start) && after[0].start-t.end <= 3 && !hasPrefix(&v.toks[after[0].start], "و") {
		src = after[0]
		rest = after[1:]
	} else if before != nil && !v.prepBefore(before.start) {
		src = before
	}
	if fr.Pronoun && v.objectPronoun(t) {
		// اعتقلته، قبض عليه: the object is the pronoun, and a phrase
		// after it belongs to another clause (اعتقلته قبل أن ينفذ أولى
		// خططه); the pronoun names an actor the sentence gave before.
		return src, v.objectAntecedent(t, src)
	}
	for _, a := range rest {
		if a.start-t.end > roleWindow+4 {
			break
		}
		if v.conjunct(a) {
			continue // the second of "X و Y" (مصر وليبيا) belongs with X
		}
		if fr.Named && v.apposition(src, a) {
			continue // the source's name: ورفض محاميه صامويل جاكوبسون
		}
		if v.targetPrep(a.start, fr) && !v.partitive(t, a) && fits(a, fr) {
			tgt = a
			break
		}
		if object && !v.prepBefore(a.start) {
			if fits(a, fr) {
				tgt = a
				break
			}
			// The direct object is a proposition (رفض التعليق): an actor
			// further on is its genitive, not the target; only a phrase
			// after one of the frame's prepositions still can be.
			object = false
		}
	}
	return src, tgt
}

// fits reports whether phrase a can be a target of the frame: any phrase,
// or only a named actor when the frame says so.
func fits(a *actorSpan, fr *Frame) bool {
	return !fr.Named || a.how != "np"
}

// partitive reports whether phrase a follows a partitive من: one after a
// word that is neither the trigger nor a named actor. "طلبت تركيا من
// المملكة" asks the kingdom, but "طالبت مجموعة من الراهبات" and "دعت كل
// من الولايات المتحدة" name who asks.
func (v *sentenceView) partitive(t *trigger, a *actorSpan) bool {
	j := a.start - 1
	if j < 1 || v.toks[j].Norm != "من" || j == t.end {
		return false
	}
	for k := range v.actors {
		if b := &v.actors[k]; b.end == j && b.how != "np" {
			return false
		}
	}
	return true
}

// apposition reports whether phrase a names the source right before it,
// with nothing but punctuation between: a person's name (محاميه صامويل
// جاكوبسون), the name after a one-word common noun (منظمة "هيومن رايتس
// ووتش") or a dictionary entry of the same country as the dictionary
// title before it (الرئيس التركي رجب طيب أردوغان).
func (v *sentenceView) apposition(src, a *actorSpan) bool {
	if src == nil || a.start < src.end {
		return false
	}
	for i := src.end; i < a.start; i++ {
		if !v.isPunct(i) {
			return false
		}
	}
	common := src.end-src.start == 1 && src.how != "dict" && src.how != "ner"
	title := src.how == "dict" && a.how == "dict" && src.ref.Country != "" && src.ref.Country == a.ref.Country
	return a.how == "ner" || a.personal || common && a.how != "np" || title
}

// objectPronoun reports whether a verb trigger ends in an object pronoun
// (اعتقلته، قبض عليهم): its object is written and no phrase after it is.
func (v *sentenceView) objectPronoun(t *trigger) bool {
	return !t.noun && len(v.toks[t.end-1].Suffixes) > 0
}

// objectVerb reports whether the trigger is one of the frame's verbs
// whose direct object is the target (its stem begins with the past stem:
// رشق، رشقوا، ورشق).
func (v *sentenceView) objectVerb(t *trigger, fr *Frame) bool {
	// Segmentation may keep the conjunction (ورشق).
	w, _ := arabic.CutConjunction(v.toks[t.start].Stem, 3)
	for _, o := range fr.Objects {
		if strings.HasPrefix(w, o) {
			return true
		}
	}
	return false
}

// conjunct reports whether phrase a is joined by و to the phrase right
// before it.
func (v *sentenceView) conjunct(a *actorSpan) bool {
	if !hasPrefix(&v.toks[a.start], "و") && !strings.HasPrefix(v.toks[a.start].Norm, "و") {
		return false
	}
	for _, b := range v.actors {
		if b.end == a.start {
			return true
		}
	}
	return false
}

// endsInPrep reports whether a phrase trigger's last word is a
// preposition (احتجاجا على، تعدى على).
func (v *sentenceView) endsInPrep(t *trigger) bool {
	_, ok := v.cueCovering(t.end-1, cuePrep)
	return ok && t.end-t.start > 1
}

// describesNounBefore reports whether a verb opens a clause describing
// the noun right before it: an event noun, a weapon or a phrase, with no
// conjunction on the verb (هجوم انتحاري بسيارة مفخخة استهدف دورية،
// مسلحين هاجموا). Such a verb's subject is that noun, so the phrase after
// it is its object.
func (v *sentenceView) describesNounBefore(t *trigger) bool {
	i := t.start - 1
	if i < 0 || hasConjunction(&v.toks[t.start]) {
		return false
	}
	if v.toks[i].Kind != marsad.Word {
		return false
	}
	if v.triggerNounAt(i) {
		return true
	}
	for _, a := range v.actors {
		if a.end == t.start {
			return true
		}
	}
	return false
}

// subjectFirst returns the subject written before an active verb: the
// phrase that opens the clause after a complementizer (إن قوة من الشرطة
// قامت)، or the phrase before a verb with a plural ending, which in
// verb-first order would be singular.
func (v *sentenceView) subjectFirst(t *trigger, before *actorSpan) *actorSpan {
	if before == nil || v.prepBefore(before.start) {
		return nil
	}
	for i := before.start - 1; i >= 0 && before.start-i <= 2; i-- {
		if _, ok := v.hasCueAt(i, cueComplement); ok {
			return before
		}
		if v.toks[i].Kind != marsad.Punct {
			break
		}
	}
	n := []rune(v.toks[t.start].Norm)
	if len(n) > 3 {
		switch string(n[len(n)-2:]) {
		case "وا", "ون":
			if t.start-before.end <= 2 {
				return before
			}
		}
	}
	return nil
}

// genitiveAfter reports whether the phrase at token j is the genitive of
// the event noun ending at token end: right after it, or after a number
// and a partitive من (مقتل أربعة من عناصر الشرطة).
func (v *sentenceView) genitiveAfter(end, j int) bool {
	if v.prepBefore(j) && !(j > end && v.toks[j-1].Norm == "من") {
		return false
	}
	if hasConjunction(&v.toks[j]) {
		return false // a second noun joined by و (سحب قواتها وخفض وجودها)
	}
	for i := end; i < j; i++ {
		if _, _, w := v.numberAt(i); w > 0 {
			i += w - 1
			continue
		}
		if v.toks[i].Norm == "من" && i == j-1 && i > end {
			continue
		}
		return false
	}
	return true
}

// readsPassiveVerb decides the voice of verb trigger t: a passive cue
// (marked says whether one covers it), or a verb that reads both ways
// whose clause reads passive. قتلوا reads passive alone, but with a
// subject before it and an object after it it is active: جنوده قتلوا
// خمسة مسلحين.
func (v *sentenceView) readsPassiveVerb(t *trigger, marked bool, after []*actorSpan, before *actorSpan) bool {
	if !marked {
		if _, ok := v.cueCovering(t.start, cueVoiceAmbig); ok {
			return v.readsPassive(t, after, before)
		}
		return false
	}
	if s := v.subjectFirst(t, before); s != nil && len(after) > 0 && after[0].start-t.end <= v.numberWidth(t.end) && !v.prepBefore(after[0].start) {
		return false
	}
	return true
}

// passiveVerb reports whether verb trigger t reads passive in its
// sentence (see readsPassiveVerb).
func (v *sentenceView) passiveVerb(t *trigger) bool {
	if t.noun {
		return false
	}
	_, marked := v.cueCovering(t.start, cuePassive)
	return v.readsPassiveVerb(t, marked, v.actorsAfter(t.end), v.actorBefore(t.start))
}

// woundedNext is the token of a wounding verb joined by و after the
// trigger within its clause (إن طفلا قتل وأصيب 15 مدنيا، قتل شخص وأصيب
// آخرون), whose killing verb is then passive too; -1 when there is none.
func (v *sentenceView) woundedNext(t *trigger) int {
	for i := t.end; i < len(v.toks) && i-t.end <= 4; i++ {
		if v.isClauseBreak(i) {
			return -1
		}
		if _, ok := v.hasCueAt(i, cueWounded); ok && hasConjunction(&v.toks[i]) {
			return i
		}
	}
	return -1
}

// readsPassive decides the voice of a verb that looks the same in both:
// passive when one phrase follows it and no doer precedes it in the clause,
// or when a relative pronoun just before it refers to what follows
// (كتيبة شريخان، التي قتل قائدها).
func (v *sentenceView) readsPassive(t *trigger, after []*actorSpan, before *actorSpan) bool {
	var direct []*actorSpan
	for _, a := range after {
		if !v.prepBefore(a.start) && !v.agentMarkerBefore(a.start) {
			direct = append(direct, a)
		}
	}
	if t.start > 0 {
		if _, ok := v.hasCueAt(t.start-1, cueRelative); ok && len(direct) <= 1 {
			return true
		}
	}
	if w := v.woundedNext(t); w >= 0 && (len(direct) == 0 || direct[0].start > w || v.countedVictims(t.end)) {
		// no object before the wounding verb: the phrase before is a victim
		return true
	}
	if len(direct) > 0 && direct[0].start-t.end <= 1 && v.countedVictims(t.end) && v.subjectFirst(t, before) == nil {
		// قتل 20 شخصا واصيب 60، قتل شخص بعد تعرضه للضرب: a count or a
		// casualty word right after the verb is the one killed, not a doer.
		return true
	}
	if before != nil && before.end == t.start && v.countedVictims(before.start) && (len(direct) == 0 || direct[0].start-t.end > 1) {
		// جنديا عراقيا قتل وأصيب آخر: a count or a casualty noun right
		// before the verb, with no object after it, is the one killed.
		return true
	}
	return len(direct) == 1 && before == nil
}

// targetPrep reports whether the phrase at token i is introduced by a
// preposition that marks the one acted on: those of the event type's
// frame, else the target-prep cues (على، ضد) and the clitic ل.
func (v *sentenceView) targetPrep(i int, fr *Frame) bool {
	if fr.Preps != nil {
		if i > 0 && fr.Preps[v.toks[i-1].Norm] {
			return true
		}
		// a one-letter preposition is a clitic (لـ، بـ)
		for _, p := range v.toks[i].Prefixes {
			if len([]rune(p)) == 1 && fr.Preps[p] {
				return true
			}
		}
		return false
	}
	if i > 0 {
		if _, ok := v.cueCovering(i-1, cueTargetPrep); ok {
			return true
		}
	}
	return hasPrefix(&v.toks[i], "ل")
}

func (v *sentenceView) agentMarkerBefore(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		if h, ok := v.cueCovering(j, cueAgentMarker); ok && h.end <= i {
			return true
		}
	}
	return false
}

// doerAfterReach is how many words (adjectives: هجوم مباغت شنته) may stand
// between an event noun and the light verb that refers back to it.
const doerAfterReach = 3

// doerAfter is the doer written after an event noun through a light verb
// whose pronoun is the noun (هجوم شنته وحدات الجيش، هدنة أعلنها
// الطرفان): the first phrase after that verb, not behind a preposition.
func (v *sentenceView) doerAfter(t *trigger) *actorSpan {
	for i := t.end; i < len(v.toks) && i-t.end < doerAfterReach; i++ {
		h, ok := v.hasCueAt(i, cueDoerAfter)
		if !ok {
			if v.isClauseBreak(i) {
				return nil
			}
			continue
		}
		for _, a := range v.actorsAfter(h.end) {
			if a.start-h.end <= 2 && !v.prepBefore(a.start) {
				return a
			}
		}
		return nil
	}
	return nil
}

// Carried subjects: the doer of a trigger whose clause writes none, read
// from the clause it continues (a coordinated verb, a complementizer
// clause, a relative clause, the verb whose object the event noun is).

package coder

import (
	"strings"

	marsad "github.com/marsad/marsad"
)

// subjectReach is how many tokens before a trigger the carried-subject
// rules look back: about one long clause.
const subjectReach = 30

// carriedDoer is the doer of a trigger that has no subject of its own:
// a verb takes the subject of the clause it continues (قوات المقاومة
// ضيقت خناقها ... ودعتهم; قالت القيادة إنها نفذت); an event noun that is
// the object of a verb takes that verb's subject (استخدمت روسيا حق
// النقض، تمكن الجيش من تحرير). Nil when the sentence gives none.
func (v *sentenceView) carriedDoer(t *trigger) *actorSpan {
	if v.passiveVerb(t) {
		return nil // قتل 7 أشخاص في هجوم: no one before is the killer
	}
	if !t.noun || t.participle {
		// a circumstantial participle (نافيا، متوعدا) has the subject of
		// the clause it describes
		return v.plausibleHead(v.clauseSubject(t.start))
	}
	if _, patient := v.cueCovering(t.start, cuePatientNoun); patient {
		return nil // مقتل القائد: the one named is the victim
	}
	g, subj := v.governingVerb(t.start)
	if g < 0 {
		return nil
	}
	if subj != nil {
		return subj
	}
	return v.plausibleHead(v.clauseSubject(g))
}

// plausibleHead drops a carried subject found by grammar alone when its first
// word looks like no head noun: a verb's shape (لتندلع، ومضى), a
// preposition left on it (بتجدد) or a pronoun (أرواحهم).
func (v *sentenceView) plausibleHead(a *actorSpan) *actorSpan {
	if a == nil || named(a) {
		return a
	}
	t := &v.toks[a.start]
	if verbShape(t) || len(t.Suffixes) > 0 || v.triggerAt(a.start) {
		return nil
	}
	for _, p := range []string{"ب", "ل", "و"} {
		if hasPrefix(t, p) || strings.HasPrefix(t.Norm, p) && !hasArticle(t) && a.end-a.start == 1 {
			return nil
		}
	}
	return a
}

// governingVerb finds the verb whose object (or whose من/ب/في/إلى phrase)
// the event noun at i is: the verb, then its subject if one stands
// between them. A verb that reports someone else's act (a condemnation,
// a denial, a call: another trigger) does not pass its subject on.
func (v *sentenceView) governingVerb(i int) (int, *actorSpan) {
	var subj *actorSpan
	from := i - 1
	if _, ok := v.hasCueAt(from, cuePrep); ok && from > 0 {
		from-- // تمكن الجيش من تحرير: one preposition before the noun
	}
	for j := from; j >= 0 && i-j <= 12; j-- {
		if a := v.actorEndingAt(j + 1); a != nil && subj == nil {
			if v.prepBefore(a.start) || v.notUsable(a) {
				return -1, nil
			}
			subj = a
			j = a.start // the loop's j-- goes on with the word before it
			continue
		}
		switch {
		case j < len(v.inDate) && v.inDate[j], v.toks[j].Text == "،", v.numberWidth(j) > 0:
			continue
		case v.isClauseBreak(j), !v.verbAt(j), v.reportsOthersAct(j):
			return -1, nil
		}
		return j, subj
	}
	return -1, nil
}

// clauseSubject is the subject of the clause that token i continues,
// looking back: the subject after a complementizer (إن قوات المقاومة
// ... ضيقت), the speaker when the complementizer carries the pronoun
// (قالت القيادة إنها نفذت), the antecedent of a relative pronoun (النساء
// اللاتي حاولن), or the subject of an earlier verb: before it (X ضيقت)
// or right after it (وقالت مصادر).
func (v *sentenceView) clauseSubject(i int) *actorSpan {
	for j := i - 1; j >= 0 && i-j <= subjectReach; j-- {
		if _, ok := v.hasCueAt(j, cueComplement); ok {
			if len(v.toks[j].Suffixes) > 0 {
				return v.speakerBefore(j)
			}
			k := j + 1
			for k < i && v.isPunct(k) && !v.isClauseBreak(k) {
				k++ // إن «انتحارية …: quotes open the reported clause
			}
			if a := v.actorAt(k); a != nil && a.end <= i && !v.notUsable(a) {
				return a
			}
			return nil
		}
		if _, ok := v.hasCueAt(j, cueRelative); ok && i-j <= 3 {
			k := j
			if k > 0 && v.toks[k-1].Text == "،" {
				k--
			}
			if a := v.actorEndingAt(k); a != nil && !v.notUsable(a) {
				return a
			}
			return nil
		}
		if !v.verbAt(j) {
			continue
		}
		k := j
		if k > 0 && v.toks[k-1].Text == "،" {
			k--
		}
		if a := v.actorEndingAt(k); a != nil && !v.prepBefore(a.start) && !v.notUsable(a) {
			return a // SVO: القوات ضيقت
		}
		for s := j + 1; s < i && s-j <= 3; s++ {
			if a := v.actorAt(s); a != nil {
				if !v.prepBefore(a.start) && !v.notUsable(a) {
					return a // VSO: وقالت مصادر
				}
				break
			}
			if !(s < len(v.inDate) && v.inDate[s]) && !v.isPunct(s) {
				break
			}
		}
	}
	return nil
}

// speakerBefore is the subject of the speech verb that a complementizer
// at token i completes: قالت القيادة إنها …; نقلت مصادر عن المتحدث أنه …
// names the one quoted after عن.
func (v *sentenceView) speakerBefore(i int) *actorSpan {
	for j := i - 1; j >= 0 && i-j <= subjectReach; j-- {
		if _, ok := v.hasCueAt(j, cueSpeech); !ok {
			continue
		}
		var first *actorSpan
		for k := range v.actors {
			a := &v.actors[k]
			if a.start <= j || a.start >= i || v.notUsable(a) {
				continue
			}
			if _, quoted := v.hasCueAt(a.start-1, cueQuotedFrom); quoted && a.start > 0 {
				return a
			}
			if first == nil && !v.prepBefore(a.start) {
				first = a
			}
		}
		if first != nil {
			return first
		}
		if a := v.actorEndingAt(j); a != nil && !v.prepBefore(a.start) && !v.notUsable(a) {
			return a // الجيش قال إنه
		}
		return nil
	}
	return nil
}

// verbAt reports whether token i is a verb: a verb trigger, a speech or
// light verb of the cue list, or a word of a verb's shape.
func (v *sentenceView) verbAt(i int) bool {
	if v.verbs == nil {
		v.verbs = make([]bool, len(v.toks))
		for j := range v.toks {
			v.verbs[j] = v.isVerb(j)
		}
	}
	return v.verbs[i]
}

func (v *sentenceView) isVerb(i int) bool {
	for _, x := range v.triggers {
		if !x.noun && x.start == i {
			return true
		}
	}
	for _, k := range []string{cueSpeech, cueAnchor, cueCondemn, cueLightVerb} {
		if _, ok := v.hasCueAt(i, k); ok {
			return true
		}
	}
	return v.toks[i].Kind == marsad.Word && verbShape(&v.toks[i])
}

// reportsOthersAct reports whether the verb at token i is a trigger or a
// condemnation of its own (أدان، نفى، دعا): its object is someone else's
// act, so its subject is not the object's doer.
func (v *sentenceView) reportsOthersAct(i int) bool {
	for _, x := range v.triggers {
		if x.start <= i && i < x.end {
			return true
		}
	}
	_, ok := v.hasCueAt(i, cueCondemn)
	return ok
}

// notUsable reports whether a phrase can name no doer: a stop-list
// phrase or a single accusative word or a bare place.
func (v *sentenceView) notUsable(a *actorSpan) bool {
	return v.notActor(a) || v.notDoer(a)
}

// named reports whether a phrase names someone by more than grammar: a
// dictionary entry, an agent word, a recognised name or a title.
func named(a *actorSpan) bool { return a != nil && a.how != "np" }

// possessorOf is the named actor a grammar-only target phrase belongs
// to: right after it as its genitive or behind a possessive ل (مواقع
// الحوثيين، أماكن تواجد الميليشيات، مواقع للميليشيات). The sites are
// where, the owner is whom the act was aimed at. Nil when there is none.
func (v *sentenceView) possessorOf(a *actorSpan) *actorSpan {
	if a == nil || named(a) {
		return nil
	}
	b := v.actorAt(a.end)
	if b == nil || !named(b) || hasConjunction(&v.toks[b.start]) {
		return nil
	}
	if v.prepBefore(b.start) && !hasPrefix(&v.toks[b.start], "ل") {
		return nil
	}
	return b
}

// objectAntecedent is what an object pronoun on a verb refers to
// (ودعتهم، طردهم): the nearest named actor before the verb in the
// sentence that is not its subject.
func (v *sentenceView) objectAntecedent(t *trigger, src *actorSpan) *actorSpan {
	var best *actorSpan
	from := 0
	for j := t.start - 1; j >= 0; j-- {
		if _, ok := v.hasCueAt(j, cueClause); ok {
			from = j + 1 // لكن السلطات اعتقلته: not across a new clause
			break
		}
	}
	for k := range v.actors {
		a := &v.actors[k]
		if a.start < from || a.end > t.start || t.start-a.end > subjectReach || !named(a) || a == src || v.notUsable(a) {
			continue
		}
		if src != nil && a.start < src.end && src.start < a.end || v.placeAt(a) {
			continue
		}
		if best == nil || a.end > best.end {
			best = a
		}
	}
	return best
}

// withPossessor widens a grammar-only phrase to the named actor it
// belongs to (possessorOf): the owner is who acted or was acted on,
// written with the sites or the weapons it names (مواقع الحوثيين،
// طائرات التحالف). other is the trigger's other role, never taken.
func (v *sentenceView) withPossessor(a, other *actorSpan) *actorSpan {
	p := v.possessorOf(a)
	if p == nil || p == other {
		return a
	}
	whole := *p
	whole.start = a.start
	sp := v.span(whole.start, whole.end)
	whole.ref.Text, whole.ref.Start, whole.ref.End = sp.Text, sp.Start, sp.End
	return &whole
}

// countedBefore reports whether phrase a is the partitive of a count
// before it: 12 عنصرا من ميليشيات الحوثي قتلوا (the militia's men were
// killed, though a preposition governs the phrase).
func (v *sentenceView) countedBefore(a *actorSpan) bool {
	i := a.start - 1
	if i < 1 || v.toks[i].Norm != "من" {
		return false
	}
	return v.countedVictims(i-1) || i >= 2 && v.countedVictims(i-2)
}

// placeAt reports whether phrase a is written as a place (إلى تونس): a
// gazetteer match that is not part of an actor's name.
func (v *sentenceView) placeAt(a *actorSpan) bool {
	for _, p := range v.places {
		if p.start < a.end && a.start < p.end && (!p.inActor || p.start == a.start && p.end == a.end && v.prepBefore(a.start)) {
			return true
		}
	}
	return false
}

// adjectiveOf reports whether a grammar-only phrase right after the word
// at h is an adjective of it: every word agrees with it in definiteness
// and ending (اجتماعه المزمع، الهجوم الإرهابي). A demonym of the actor
// dictionary (الاعتداءات الحوثية) is a doer and stays.
func (v *sentenceView) adjectiveOf(h int, a *actorSpan) bool {
	if a.how != "np" || a.start != h+1 {
		return false
	}
	head := v.toks[h]
	definite := hasArticle(&head) || len(head.Suffixes) > 0
	for j := a.start; j < a.end; j++ {
		t := &v.toks[j]
		if hasArticle(t) != definite || !v.agrees(a.start, j) {
			return false
		}
		if !hasArticle(t) && len(head.Suffixes) == 0 && !v.agrees(h, j) {
			return false
		}
	}
	return true
}

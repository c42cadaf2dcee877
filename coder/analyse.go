package coder

import (
	"sort"
	"strings"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

// Longest name continuation after an agent word (كتيبة شريخان، لواء
// الصمود) when no dictionary entry or entity covers it.
const maxNameWords = 2

// analyse tokenises a sentence and collects what the dictionaries, the
// recogniser and the cues find in it.
//
// Dates and named entities only serve the roles and dates of events, so
// they are computed only for sentences with a trigger (all is for explain,
// which shows everything).
func (c *Coder) analyse(s marsad.Sentence, articleDate string, all bool) *sentenceView {
	v := &sentenceView{sent: s, toks: arabic.Tokenize(s), cueAt: map[int][]cueHit{}, lib: c.cues}
	v.matches = c.lex.Match(v.toks)
	v.cues = c.cues.Find(v.toks)
	v.tenseCues()
	for _, h := range v.cues {
		v.cueAt[h.start] = append(v.cueAt[h.start], h)
	}
	v.senseOfPlaces()
	var agents []lexicon.Match
	var dict []lexicon.Match
	for _, m := range v.matches {
		switch m.Kind {
		case lexicon.KindTrigger:
			t := m.Trigger
			v.triggers = append(v.triggers, trigger{start: m.TokStart, end: m.TokEnd, eventType: t.EventType,
				mode: t.Mode, cameo: t.CAMEO, context: t.Context, id: t.ID,
				participle: t.Derived == lexicon.FormParticiple || participleShape(&v.toks[m.TokStart]),
				noun:       t.POS == "noun" || t.POS == "verb" && (nominal(&v.toks[m.TokStart]) || v.prepWordBefore(m.TokStart))})
		case lexicon.KindPlace:
			v.places = append(v.places, placeSpan{start: m.TokStart, end: m.TokEnd, cands: m.Places})
		case lexicon.KindAgent:
			agents = append(agents, m)
		case lexicon.KindActor:
			dict = append(dict, m)
		}
	}
	v.dropNonEvents()
	v.addCrowdTriggers()
	if len(v.triggers) > 0 || all {
		if c.dates != nil {
			v.dates = c.dates.Resolve(s.Text, articleDate)
			v.inDate = make([]bool, len(v.toks))
			for _, d := range v.dates {
				for i, t := range v.toks {
					if a := t.Start - s.Start; a >= d.Start && a < d.End {
						v.inDate[i] = true
					}
				}
			}
		}
		if c.ner != nil {
			v.ents = c.ner.Entities(v.toks)
		}
	}
	v.buildActors(agents, dict)
	return v
}

// dropNonEvents removes trigger matches that are another word: a sense
// that is no event (فجرا "at dawn", تظاهرة ثقافية "a festival"), a word
// inside a place name (عين زارة is no visit), and an event noun that only
// names where fighting goes on (محاور القتال، ساحات المعارك).
func (v *sentenceView) dropNonEvents() {
	out := v.triggers[:0]
	for _, t := range v.triggers {
		if _, ok := v.cueCovering(t.start, cueNotEvent); ok {
			continue
		}
		if v.insidePlaceName(t) {
			continue
		}
		if t.noun && t.start > 0 {
			if _, ok := v.hasCueAt(t.start-1, cueEventPlace); ok {
				continue
			}
		}
		out = append(out, t)
	}
	v.triggers = out
}

// insidePlaceName reports whether a place name of several words covers
// the trigger (عين زارة). One-word places are left alone: a trigger word
// that is also a village name is far more often the word.
func (v *sentenceView) insidePlaceName(t trigger) bool {
	for _, p := range v.places {
		if p.end-p.start > 1 && p.start <= t.start && t.end <= p.end {
			return true
		}
	}
	return false
}

// tenseCues resolves cues whose sense hangs on the tense of the next
// word: قد is "may" before an imperfect verb (قد يقتل) but perfective
// before a past one (قد قتل "has killed", وكان … قد خطف), so there it
// becomes a perfect cue and the event stays asserted.
func (v *sentenceView) tenseCues() {
	for k := range v.cues {
		if h := &v.cues[k]; h.note == "imperfect" && !v.imperfectAt(h.end) {
			h.kind = cuePerfect
		}
	}
}

// imperfectAt reports whether token i reads as an imperfect verb. A verb
// trigger tells by its lemma: the past forms begin like the lemma (قتل،
// قتلت، قتلوا), the imperfect ones with a prefix (يقتل). Other words go
// by shape: ي-, تت-, تست-, تؤ- and hollow تفول (تكون، تقوم) are imperfect;
// past verbs of the derived forms also begin with ت or ا (تعرض، اعتقل),
// so the rest reads as past. Out of range or not a word: imperfect, the
// cautious reading.
func (v *sentenceView) imperfectAt(i int) bool {
	if i >= len(v.toks) || v.toks[i].Kind != marsad.Word {
		return true
	}
	w := []rune(v.toks[i].Norm)
	for _, m := range v.matches {
		if m.Kind != lexicon.KindTrigger || m.TokStart != i || m.Trigger.POS != "verb" {
			continue
		}
		for _, f := range m.Trigger.Forms {
			fs := strings.Fields(f)
			if len(fs) == 0 {
				continue
			}
			lemma := []rune(arabic.Fold(fs[0]))
			if len(lemma) >= 2 && len(w) >= 2 && w[0] == lemma[0] && w[1] == lemma[1] {
				return false
			}
		}
		return true
	}
	if len(w) < 3 {
		return false
	}
	s := string(w)
	switch {
	case w[0] == 'ي':
		return true
	case strings.HasPrefix(s, "تت"), strings.HasPrefix(s, "تست"), strings.HasPrefix(s, "تؤ"):
		return true
	case w[0] == 'ت' && len(w) == 4 && (w[2] == 'و' || w[2] == 'ي'):
		return true
	}
	return false
}

// prepWordBefore reports whether a preposition word stands right before
// token i: a verb entry there is its verbal noun (بدء مصراتة في سحب
// قواتها).
func (v *sentenceView) prepWordBefore(i int) bool {
	_, ok := v.hasCueAt(i-1, cuePrep)
	return ok && i > 0
}

// nominal reports whether a word a verb entry matched is in fact its
// verbal noun: a verb takes neither the article nor ب (قام مسلحون بخطف،
// الخطف).
func nominal(t *marsad.Token) bool {
	for _, p := range t.Prefixes {
		if p == arabic.Article || p == "ب" {
			return true
		}
	}
	return false
}

// crowdReach is how many tokens may separate a crowd word from the verb it
// is the subject of (تجمع آلاف من المتظاهرين، المتظاهرون الغاضبون تجمعوا).
const crowdReach = 4

// addCrowdTriggers reports a protest where a crowd of protesters is the
// subject of a verb crowds do (تجمع، احتشد، هتف، رشق …): the verb alone
// is too common to be a trigger, the crowd alone is only a topic. The
// event the verb reports is written in its cue's value column.
func (v *sentenceView) addCrowdTriggers() {
	for _, h := range v.cues {
		if h.kind != cueCrowdAct || v.triggerAt(h.start) {
			continue
		}
		f := strings.Fields(h.note)
		if len(f) == 0 || !v.crowdNear(h.start, h.end) {
			continue
		}
		t := trigger{start: h.start, end: h.end, eventType: f[0], id: "crowd:" + v.toks[h.start].Stem}
		if len(f) > 1 {
			t.mode = f[1]
		}
		if len(f) > 2 {
			t.cameo = f[2]
		}
		v.triggers = append(v.triggers, t)
	}
	sort.SliceStable(v.triggers, func(i, j int) bool { return v.triggers[i].start < v.triggers[j].start })
}

// crowdNear reports whether a crowd word is the subject of the verb at
// [start, end): after it (VSO) or before it (SVO), in the same clause.
func (v *sentenceView) crowdNear(start, end int) bool {
	for i := end; i < len(v.toks) && i-end < crowdReach; i++ {
		if _, ok := v.hasCueAt(i, cueCrowd); ok {
			return true
		}
		if v.isClauseBreak(i) {
			break
		}
	}
	for i := start - 1; i >= 0 && start-i <= crowdReach; i-- {
		if v.isClauseBreak(i) {
			break
		}
		if _, ok := v.hasCueAt(i, cueCrowd); ok {
			return true
		}
	}
	return false
}

func (v *sentenceView) triggerAt(i int) bool {
	for _, t := range v.triggers {
		if t.start <= i && i < t.end {
			return true
		}
	}
	return false
}

// buildActors makes actor phrases: an agent word with the name after it
// (ميليشيات مصراتة، كتيبة شريخان، قوات حكومة الوفاق), a title with a
// person's name (العميد خالد المحجوب), dictionary actors, and names the
// recogniser found.
func (v *sentenceView) buildActors(agents, dict []lexicon.Match) {
	used := make([]bool, len(v.toks))
	mark := func(a, b int) {
		for i := a; i < b; i++ {
			used[i] = true
		}
	}
	free := func(a, b int) bool {
		for i := a; i < b; i++ {
			if used[i] {
				return false
			}
		}
		return true
	}
	dictAt := map[int]*lexicon.Match{}
	for i := range dict {
		dictAt[dict[i].TokStart] = &dict[i]
	}
	placeAt := map[int]int{}
	for i, p := range v.places {
		placeAt[p.start] = i
	}
	entAt := map[int]*Entity{}
	for i := range v.ents {
		entAt[v.ents[i].TokStart] = &v.ents[i]
	}

	for _, ag := range agents {
		if !free(ag.TokStart, ag.TokEnd) {
			continue
		}
		// A dictionary name that covers the agent word is the better
		// reading (الجيش الليبي is an actor, not just "army"; لواء الصمود
		// inside ميليشيا لواء الصمود).
		if dictCovers(dict, ag.TokStart, ag.TokEnd) {
			continue
		}
		if ag.TokEnd-ag.TokStart == 1 && ag.TokStart > 0 && v.triggerNounAt(ag.TokStart-1) && v.agrees(ag.TokStart-1, ag.TokStart) {
			// an adjective of the event noun (هجوم انتحاري), not a doer
			continue
		}
		end := ag.TokEnd
		var actor *marsad.Actor
		var place *placeSpan
		personal := ag.Agent.Kind == lexicon.AgentPersonTitle
		// What follows the agent word names it.
		for steps := 0; steps < 3 && end < len(v.toks); steps++ {
			if d, ok := dictAt[end]; ok && actor == nil {
				actor = d.Actor
				end = d.TokEnd
				continue
			}
			if pi, ok := placeAt[end]; ok && place == nil && actor == nil {
				place = &v.places[pi]
				end = place.end
				continue
			}
			if e, ok := entAt[end]; ok && e.Type != "LOC" {
				end = e.TokEnd
				continue
			}
			if (ag.Agent.Armed && ag.Agent.Kind == lexicon.AgentGroup || personal) && v.nameWord(end) && end-ag.TokEnd < maxNameWords+1 {
				end++
				continue
			}
			break
		}
		if personal && end == ag.TokEnd {
			continue // a bare title (الرئيس) is not an actor we can name
		}
		sp := v.span(ag.TokStart, end)
		ref := marsad.ActorRef{Text: sp.Text, Start: sp.Start, End: sp.End, Sector: marsad.OptText(ag.Agent.Sector)}
		if actor != nil {
			ref = actorRef(sp, actor, ag.Agent.Sector)
		} else if place != nil && len(place.cands) > 0 {
			ref.Country = marsad.OptText(place.cands[0].Country)
		}
		if place != nil {
			place.inActor = true
		}
		v.actors = append(v.actors, actorSpan{start: ag.TokStart, end: end, ref: ref, how: "agent", personal: personal})
		mark(ag.TokStart, end)
	}
	for i := range dict {
		d := &dict[i]
		if !free(d.TokStart, d.TokEnd) {
			continue
		}
		sp := v.span(d.TokStart, d.TokEnd)
		v.actors = append(v.actors, actorSpan{start: d.TokStart, end: d.TokEnd, ref: actorRef(sp, d.Actor, ""), how: "dict"})
		mark(d.TokStart, d.TokEnd)
	}
	for _, e := range v.ents {
		if e.Type != "PERS" && e.Type != "ORG" || !free(e.TokStart, e.TokEnd) {
			continue
		}
		sp := v.span(e.TokStart, e.TokEnd)
		v.actors = append(v.actors, actorSpan{start: e.TokStart, end: e.TokEnd,
			ref: marsad.ActorRef{Text: sp.Text, Start: sp.Start, End: sp.End}, how: "ner", personal: e.Type == "PERS"})
		mark(e.TokStart, e.TokEnd)
	}
	// Places inside actor phrases are names, not locations.
	for k := range v.places {
		p := &v.places[k]
		for _, a := range v.actors {
			if a.start <= p.start && p.end <= a.end {
				p.inActor = true
			}
		}
	}
	v.addNounPhrases(used)
	sort.Slice(v.actors, func(i, j int) bool { return v.actors[i].start < v.actors[j].start })
	v.mergeDemonyms()
}

// mergeDemonyms joins a country adjective to the noun phrase before it
// (دورية عسكرية ألمانية، مواطنين أميركيين): the phrase is one actor of
// that country, not a noun and a country.
func (v *sentenceView) mergeDemonyms() {
	out := v.actors[:0]
	for k := 0; k < len(v.actors); k++ {
		a := v.actors[k]
		if k+1 < len(v.actors) {
			b := v.actors[k+1]
			if a.how == "np" && b.how == "dict" && b.start == a.end && b.end == b.start+1 &&
				b.ref.ActorID != "" && b.ref.ActorID == b.ref.Country && v.agrees(a.end-1, b.start) {
				a.end = b.end
				sp := v.span(a.start, a.end)
				a.ref.Text, a.ref.End, a.ref.Country = sp.Text, sp.End, b.ref.Country
				k++
			}
		}
		out = append(out, a)
	}
	v.actors = out
}

// Longest run of agreeing words after a noun phrase's head.
const maxModifiers = 2

// addNounPhrases adds the noun phrases no dictionary or recogniser
// covered, so that roles can still be filled by what the text names
// (مفجرون انتحاريون، 20 شخصا، سفينة). A phrase is a content word with the
// adjectives after it that agree with it in definiteness and ending, or a
// number and the noun it counts.
func (v *sentenceView) addNounPhrases(used []bool) {
	for i := 0; i < len(v.toks); i++ {
		if used[i] || !v.contentWord(i) {
			continue
		}
		if a := v.actorEndingAt(i); a != nil && v.toks[i].Kind == marsad.Word && ending(v.toks[i].Stem) == "ي" && v.agrees(i-1, i) {
			// a nisba adjective of the phrase before it (دورية ألمانية،
			// سيارة ملغومة) is part of that phrase, not a new one
			a.end = i + 1
			sp := v.span(a.start, a.end)
			a.ref.Text, a.ref.End = sp.Text, sp.End
			used[i] = true
			continue
		}
		if v.modifiesNounBefore(i) {
			// an adjective of an event noun or of a phrase already full
			// (تظاهرة حاشدة، بتعزيزات عسكرية كبيرة) heads no phrase
			continue
		}
		start := i
		if v.toks[i].Kind == marsad.Number {
			if i+1 >= len(v.toks) || used[i+1] || !v.contentWord(i+1) || v.toks[i+1].Kind != marsad.Word {
				continue
			}
			i++
		}
		head := i
		for i+1 < len(v.toks) && i+1-head <= maxModifiers && !used[i+1] && v.contentWord(i+1) && v.agrees(head, i+1) {
			i++
		}
		sp := v.span(start, i+1)
		v.actors = append(v.actors, actorSpan{start: start, end: i + 1, how: "np",
			ref: marsad.ActorRef{Text: sp.Text, Start: sp.Start, End: sp.End, Country: v.placeCountry(head)}})
		for k := start; k <= i; k++ {
			used[k] = true
		}
	}
}

// modifiesNounBefore reports whether word i reads as an adjective of the
// noun before it: that noun is an event noun or part of a phrase, and
// word i agrees with it with an ending that shows it (-ة، -ون، -ين،
// -ات، a nisba -ي) or has the shape of a participle (مسلح، متتاليين).
// Without an ending a word after a noun is as often its genitive
// (مقتل شخص), which is left alone.
func (v *sentenceView) modifiesNounBefore(i int) bool {
	if i == 0 || v.toks[i].Kind != marsad.Word || v.toks[i-1].Kind != marsad.Word {
		return false
	}
	noun := v.triggerNounAt(i - 1)
	for _, a := range v.actors {
		if a.start <= i-1 && i-1 < a.end {
			noun = true
		}
	}
	if !noun {
		return false
	}
	if !v.agrees(i-1, i) {
		// a plural of things takes a feminine singular adjective
		// (الزجاجات الفارغة), and a feminine nisba is feminine
		// (بتعزيزات عسكرية كبيرة)
		a, b := &v.toks[i-1], &v.toks[i]
		ea := ending(a.Stem)
		return len(b.Prefixes) == len(a.Prefixes) && hasArticle(a) == hasArticle(b) && ending(b.Stem) == "ه" &&
			(ea == "ات" || ea == "ي" && strings.HasSuffix(a.Stem, "ه"))
	}
	if ending(v.toks[i].Stem) != "" {
		return true
	}
	w := []rune(v.toks[i].Stem)
	return len(w) >= 4 && w[0] == 'م'
}

// placeCountry is the country of the gazetteer place at token i (a city
// named as a doer: مصراتة دفعت بتعزيزات), "" when there is none.
func (v *sentenceView) placeCountry(i int) marsad.OptText {
	for _, p := range v.places {
		if p.start <= i && i < p.end && len(p.cands) > 0 {
			return marsad.OptText(p.cands[0].Country)
		}
	}
	return ""
}

// actorEndingAt is the actor phrase that ends just before token i.
func (v *sentenceView) actorEndingAt(i int) *actorSpan {
	for k := range v.actors {
		if v.actors[k].end == i {
			return &v.actors[k]
		}
	}
	return nil
}

// contentWord reports whether token i can be part of a noun phrase: a
// word or number that is no cue, trigger or date.
func (v *sentenceView) contentWord(i int) bool {
	t := v.toks[i]
	if t.Kind != marsad.Word && t.Kind != marsad.Latin && t.Kind != marsad.Number {
		return false
	}
	if v.inDate != nil && v.inDate[i] {
		return false
	}
	for _, h := range v.cueAt[i] {
		if !nounCues[h.kind] && !quietCues[h.kind] {
			return false
		}
	}
	for _, h := range v.cues {
		if h.start < i && i < h.end && h.kind != cueDoer && !quietCues[h.kind] {
			return false
		}
	}
	if !v.doerAt(i) {
		for _, tr := range v.triggers {
			if tr.start <= i && i < tr.end {
				return false
			}
		}
	}
	for _, p := range v.places {
		if p.start <= i && i < p.end && !p.inActor && (v.prepBefore(p.start) || v.locativeNounBefore(p.start)) {
			// a place after a preposition (في عين زارة) or a word of
			// direction or kind (شمال بغداد، مدينة الفلوجة) is where, not
			// who; a bare place can still be the one acted on (قصفت غزة)
			return false
		}
	}
	return len([]rune(t.Stem)) > 1 && !verbShape(&t)
}

// locativeNounBefore reports whether one of the two words before token i
// is a word of direction (شمال، جنوب غرب) or a kind of place after a
// preposition (في منطقة، بمدينة).
func (v *sentenceView) locativeNounBefore(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		if h, ok := v.hasCueAt(j, cueFunction); ok && (h.note == "place" || h.note == "kind" && v.prepBefore(j)) {
			return true
		}
		if v.toks[j].Kind != marsad.Word {
			return false
		}
	}
	return false
}

// doerAt reports whether a doer cue covers token i: a weapon or a suicide
// bomber (عبوة ناسفة، سيارة مفخخة، انتحاري), which is an event word and
// yet, when no person is named, the doer the sentence gives.
func (v *sentenceView) doerAt(i int) bool {
	_, ok := v.cueCovering(i, cueDoer)
	return ok
}

// participleShape reports whether a word has the shape of an indefinite
// accusative active participle: مفعلا and its derived patterns (مطالبا،
// متوعدا، مستهدفا) or فاعلا (نافيا، داعيا), without the article.
func participleShape(t *marsad.Token) bool {
	if t.Kind != marsad.Word || hasArticle(t) || len(t.Suffixes) > 0 {
		return false
	}
	norm, _ := arabic.CutConjunction(t.Norm, 3)
	w := []rune(norm)
	n := len(w)
	if n < 5 || w[n-1] != 'ا' {
		return false
	}
	return w[0] == 'م' || n == 5 && w[1] == 'ا'
}

// verbShape reports whether a word without the article has the shape of
// a verb: the imperfect prefix ي (يهدف، ويقولون) or the plural past or
// subjunctive ending وا (حصلوا). Such a word heads no noun phrase; names
// that look like it (يوسف) are found by the recogniser first.
func verbShape(t *marsad.Token) bool {
	if t.Kind != marsad.Word || hasArticle(t) {
		return false
	}
	norm, _ := arabic.CutConjunction(t.Norm, 3)
	w := []rune(norm)
	n := len(w)
	if n < 4 {
		return false
	}
	if w[0] == 'ي' && w[n-1] != 'ي' && (w[n-1] != 'ه' || n > 4) {
		return true // يهدف، يقصده، يشتبه
	}
	if n > 4 && (strings.HasPrefix(string(w), "تست") || strings.HasPrefix(string(w), "تت")) {
		return true // تستخدم، تتواجد
	}
	if w[n-1] == 'ت' && w[n-2] != 'ا' && w[n-2] != 'و' && w[n-2] != 'ي' {
		// a past verb of the feminine singular (خسرت، توصلت، ضبطت);
		// nouns in -ت end in -ات، -وت، -يت (قوات، بيروت، كبريت)
		return true
	}
	return w[n-2] == 'و' && w[n-1] == 'ا'
}

// nounCues are cue kinds that are nouns, so can head the phrase that
// fills a role (قتل 20 شخصا، مقتل أربعة من عناصر الشرطة).
var nounCues = map[string]bool{cueCasualty: true, cueCrowd: true, cueDoer: true}

// agrees reports whether word j can be an adjective of the head word h:
// no conjunction or preposition on it, the same definiteness, and the
// same plural or feminine ending (or a nisba adjective in -ي).
func (v *sentenceView) agrees(h, j int) bool {
	a, b := &v.toks[h], &v.toks[j]
	if a.Kind != marsad.Word || b.Kind != marsad.Word {
		return a.Kind == marsad.Latin && b.Kind == marsad.Latin
	}
	for _, p := range b.Prefixes {
		if p != arabic.Article {
			return false
		}
	}
	if hasArticle(a) != hasArticle(b) {
		return false
	}
	ea, eb := ending(a.Stem), ending(b.Stem)
	return ea == eb || eb == "ي"
}

func hasArticle(t *marsad.Token) bool {
	for _, p := range t.Prefixes {
		if p == arabic.Article {
			return true
		}
	}
	return false
}

// ending classifies a stem by its inflectional ending, for agreement.
func ending(stem string) string {
	r := []rune(stem)
	n := len(r)
	if n >= 3 {
		switch string(r[n-2:]) {
		case "ون", "ين", "ات":
			return string(r[n-2:])
		case "يه":
			return "ي"
		}
	}
	if n >= 2 {
		switch r[n-1] {
		case 'ه', 'ي':
			return string(r[n-1])
		}
	}
	return ""
}

func dictCovers(dict []lexicon.Match, start, end int) bool {
	for _, d := range dict {
		if d.TokStart <= start && end <= d.TokEnd {
			return true
		}
	}
	return false
}

// nameWord reports whether token i can continue a name after an agent
// word: an Arabic or Latin word that is no cue, trigger or preposition.
func (v *sentenceView) nameWord(i int) bool {
	t := v.toks[i]
	if t.Kind != marsad.Word && t.Kind != marsad.Latin && t.Kind != marsad.Number {
		return false
	}
	if v.inDate != nil && v.inDate[i] {
		return false
	}
	for _, h := range v.cueAt[i] {
		if !quietCues[h.kind] {
			return false
		}
	}
	for _, tr := range v.triggers {
		if tr.start <= i && i < tr.end {
			return false
		}
	}
	for _, p := range t.Prefixes {
		if arabic.IsConjunction(p) || arabic.IsPreposition(p) {
			return false
		}
	}
	return true
}

// actorRef resolves a span to a dictionary actor. agentSector, when set,
// is the sector the agent word gives (قوات + a country = its military).
func actorRef(sp marsad.Span, a *marsad.Actor, agentSector string) marsad.ActorRef {
	ref := marsad.ActorRef{Text: sp.Text, Start: sp.Start, End: sp.End, ActorID: marsad.OptText(a.ID),
		Name: marsad.OptText(a.Name), Country: marsad.OptText(a.Country), Sector: marsad.OptText(a.Sector),
		Side: marsad.OptText(a.Side)}
	if agentSector != "" && (a.Sector == "" || a.Sector == "GOV") {
		ref.Sector = marsad.OptText(agentSector)
	}
	return ref
}

// attribution finds who the sentence puts its claims in the mouth of: the
// subject of a speech verb (قال العميد خالد المحجوب … إن) or the one after
// "according to" (بحسب …).
func (v *sentenceView) attribution(lex *lexicon.Lexicon) *marsad.Claim {
	a, start, end, ok := v.speaker()
	if !ok {
		return nil
	}
	if a != nil {
		sp := v.span(a.start, a.end)
		return &marsad.Claim{Text: sp.Text, Start: sp.Start, End: sp.End, ActorID: a.ref.ActorID}
	}
	sp := v.span(start, end)
	return &marsad.Claim{Text: sp.Text, Start: sp.Start, End: sp.End}
}

// speaker is the phrase after the sentence's first speech verb or
// "according to" that says who speaks: an actor phrase when one stands
// there (a), else a short stretch of words [start, end). ok is false when
// the sentence attributes nothing.
func (v *sentenceView) speaker() (a *actorSpan, start, end int, ok bool) {
	for _, h := range v.cues {
		if h.kind != cueSpeech && h.kind != cueAccording {
			continue
		}
		// The speaker follows the verb (VSO) up to a comma or إن/أن.
		start := h.end
		end := start
		for end < len(v.toks) && end-start < 8 {
			if v.isPunct(end) {
				break
			}
			if _, ok := v.hasCueAt(end, cueComplement); ok {
				break
			}
			if _, ok := v.hasCueAt(end, cuePrep); ok {
				break // مشيرا إلى …: no speaker follows, the clause does
			}
			if _, ok := v.hasCueAt(end, cueFunction); ok && end == start {
				break
			}
			end++
		}
		// Prefer an actor phrase inside that stretch.
		for k := range v.actors {
			if a := &v.actors[k]; a.start >= start && a.start < end && a.end <= end+2 {
				return a, a.start, a.end, true
			}
		}
		if end > start && end-start <= 4 {
			return nil, start, end, true
		}
		// SVO: the actor just before the verb (الجيش قال).
		for k := len(v.actors) - 1; k >= 0; k-- {
			if a := &v.actors[k]; a.end == h.start && (a.how != "np" || !v.prepBefore(a.start)) {
				return a, a.start, a.end, true
			}
		}
	}
	return nil, 0, 0, false
}

// daysBetween returns b - a in days for two YYYY-MM-DD dates (0 when either
// does not parse).
func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

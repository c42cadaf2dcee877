package coder

import (
	"sort"

	"strconv"
	"strings"

	marsad "github.com/marsad/marsad"
)

// features describes a candidate event for the event filter: what the
// trigger is and how it sits in its sentence (a noun after a preposition,
// a verb with a doer), which cues surround it, and what the roles found.
// Names are stable strings so that the trained weights stay readable.
func (v *sentenceView) features(t *trigger, cd *Candidate, src, tgt *actorSpan) []string {
	f := make([]string, 0, 48)
	add := func(parts ...string) { f = append(f, strings.Join(parts, "=")) }
	tok := v.toks[t.start]
	add("bias")
	add("trig", t.id)
	add("stem", tok.Stem)
	if t.noun {
		add("pos", "noun")
	} else {
		add("pos", "verb")
	}
	add("modality", cd.Event.Modality)
	if cd.Suppressed {
		add("embedded")
	}
	if cd.Anchored {
		add("anchored")
	}
	if v.anchorBefore(t) >= 0 {
		add("anchor-before")
	}
	add("prefix", strings.Join(tok.Prefixes, "+"))
	if len(tok.Suffixes) > 0 {
		add("suffix")
	}
	for d := 1; d <= 3; d++ {
		if i := t.start - d; i >= 0 {
			if d == 1 {
				add("w-1", v.toks[i].Stem)
			}
		} else if d == 1 {
			add("w-1", "<s>")
		}
		if i := t.end - 1 + d; i < len(v.toks) {
			if d == 1 {
				add("w+1", v.toks[i].Stem)
			}
		}
	}
	role := func(name string, a *actorSpan) {
		if a == nil {
			add(name, "none")
			return
		}
		add(name, a.how)
		add(name+"-sector", string(a.ref.Sector))
		if a.ref.ActorID != "" {
			add(name, "known")
		}
		if a.personal {
			add(name, "person")
		}
	}
	role("src", src)
	role("tgt", tgt)
	if cd.Event.Fatalities != nil {
		add("fatalities")
	}
	if cd.Event.Location != nil {
		add("location")
	}
	if cd.Event.DateText != "" {
		add("date")
	}
	if cd.Event.ClaimedBy != nil {
		add("claimed")
	}
	// Cues in the sentence, and those before the trigger in its clause.
	kinds := map[string]bool{}
	before := map[string]bool{}
	clauseStart := 0
	for i := t.start - 1; i >= 0; i-- {
		if v.isClauseBreak(i) {
			clauseStart = i + 1
			break
		}
	}
	for _, h := range v.cues {
		// Condemnations and calls are one feature here, and running tolls
		// are background, as the sentence filters learnt them; the article
		// features tell them apart.
		k := h.kind
		if quietCues[k] {
			continue
		}
		switch k {
		case cueCondemn:
			k = cueEmbed
		case cueRunningToll:
			k = cueHistorical
		}
		kinds[k] = true
		if h.start >= clauseStart && h.end <= t.start {
			before[k] = true
		}
	}
	for _, k := range sortedKeys(kinds) {
		add("cue", k)
	}
	for _, k := range sortedKeys(before) {
		add("cue-before", k)
	}
	others := map[string]bool{}
	first := true
	for _, o := range v.triggers {
		if o.start == t.start {
			continue
		}
		if o.eventType != t.eventType {
			others[o.eventType] = true
		}
		if o.start < t.start {
			first = false
		}
	}
	for _, k := range sortedKeys(others) {
		add("other", k)
	}
	if first {
		add("first-trigger")
	}
	same := 0
	for _, o := range v.triggers {
		if o.eventType == t.eventType {
			same++
		}
	}
	add("same-type", bucketCount(same))
	for _, k := range v.clauseShape(t) {
		add("shape", k)
	}
	for _, k := range v.filterContext(t, clauseStart) {
		add("ctx", k)
	}
	add("position", strconv.Itoa(4*t.start/max(1, len(v.toks))))
	add("length", bucket(len(v.toks)))
	return f
}

// Cue kinds read by the event filters alone (the end of cues.tsv): they
// are quiet, so modality, roles and tolls never see them.
const (
	cueFilterBackground = "filter-background"
	cueFilterOpinion    = "filter-opinion"
	cueFilterPurpose    = "filter-purpose"
	cueFilterStanding   = "filter-standing"
	cueFilterHabitual   = "filter-habitual"
)

func init() {
	for _, k := range []string{cueFilterBackground, cueFilterOpinion, cueFilterPurpose, cueFilterStanding, cueFilterHabitual} {
		cueKinds[k] = true
		quietCues[k] = true
	}
}

// filterContext names what tells a report from a non-event around the
// trigger: a sentence that opens as background (وكان … قد), commentary,
// an aim (من أجل، بهدف), a standing situation or a habitual state.
func (v *sentenceView) filterContext(t *trigger, clauseStart int) []string {
	out := map[string]bool{}
	for _, h := range v.cues {
		near := h.end <= t.start && t.start-h.end <= 3
		switch h.kind {
		case cueFilterBackground:
			if h.start <= 1 {
				out["opens-background"] = true
			} else if h.start >= clauseStart && h.end <= t.start {
				out["background-before"] = true
			}
		case cueFilterOpinion:
			out["opinion"] = true
		case cueFilterPurpose:
			if near {
				out["purpose"] = true
			}
		case cueFilterStanding:
			if near || h.start <= t.start && t.start < h.end || h.start >= t.end && h.start-t.end <= 2 {
				out["standing"] = true
			}
		case cueFilterHabitual:
			if h.start >= clauseStart {
				out["habitual"] = true
			}
		}
	}
	for _, a := range v.actors {
		if a.start <= t.start && t.start < a.end {
			out["in-actor"] = true // تحالف دعم الشرعية: a name, not an event
		}
	}
	for _, p := range v.places {
		if p.start <= t.start && t.start < p.end {
			out["in-place"] = true
		}
	}
	if tx := v.toks[t.start].Text; strings.HasPrefix(tx, "#") || strings.Contains(tx, "_") {
		out["hashtag"] = true
	}
	return sortedKeys(out)
}

func bucketCount(n int) string {
	switch {
	case n <= 1:
		return "1"
	case n <= 3:
		return "2-3"
	}
	return "4+"
}

// clauseShape describes how the trigger's clause sits in the sentence:
// reported speech (قال … إن), a quotation, a relative clause, a question,
// a sentence that opens with a number or date (a chronology or list).
func (v *sentenceView) clauseShape(t *trigger) []string {
	var out []string
	speech, compl := -1, -1
	for _, h := range v.cues {
		if h.end > t.start {
			continue
		}
		switch h.kind {
		case cueSpeech, cueAccording:
			speech = h.start
		case cueComplement:
			compl = h.start
		}
	}
	if speech >= 0 {
		out = append(out, "after-speech")
		if compl > speech {
			out = append(out, "reported-clause")
		}
	}
	quotes := 0
	for i := 0; i < t.start; i++ {
		switch v.toks[i].Text {
		case "«", "“":
			quotes++
		case "»", "”":
			quotes--
		}
	}
	if quotes > 0 {
		out = append(out, "in-quote")
	}
	if v.relativeBefore(t) {
		out = append(out, "relative")
	}
	if n := len(v.toks); n > 0 && (v.toks[n-1].Text == "؟" || v.toks[n-1].Text == "?") {
		out = append(out, "question")
	}
	if len(v.toks) > 0 && (v.toks[0].Kind == marsad.Number || v.inDate != nil && v.inDate[0]) {
		out = append(out, "opens-with-number")
	}
	for i := t.start - 1; i >= 0 && t.start-i <= 6; i-- {
		if v.isClauseBreak(i) {
			break
		}
		if v.inDate != nil && v.inDate[i] {
			out = append(out, "date-before")
			break
		}
	}
	return out
}

func bucket(n int) string {
	switch {
	case n < 12:
		return "short"
	case n < 30:
		return "medium"
	case n < 60:
		return "long"
	}
	return "very-long"
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// articleContext adds to each candidate what its article as a whole says
// about it: whether the article reads as a dated news report (a
// dateline, dates) or as commentary, whether the event's type is the
// article's topic, and whether the same trigger came before.
func articleContext(cands []Candidate) {
	typeCount := map[string]int{}
	trigCount := map[string]int{}
	dated, opinion := 0, 0
	for i := range cands {
		cd := &cands[i]
		typeCount[cd.Event.EventType]++
		trigCount[trigFeature(cd)]++
		if cd.Event.DateText != "" {
			dated++
		}
		for _, f := range cd.Features {
			if f == "ctx=opinion" {
				opinion++
				break
			}
		}
	}
	top := 0
	for _, n := range typeCount {
		top = max(top, n)
	}
	n := len(cands)
	seen := map[string]int{}
	for i := range cands {
		cd := &cands[i]
		t := cd.Event.EventType
		add := func(f string) { cd.Features = append(cd.Features, f) }
		if cd.Dateline != nil {
			add("art=dateline")
		} else {
			add("art=no-dateline")
		}
		switch {
		case dated == 0:
			add("art-dated=none")
		case 3*dated < n:
			add("art-dated=few")
		default:
			add("art-dated=many")
		}
		if opinion >= 2 {
			add("art=commentary")
		}
		switch {
		case n < 8:
			add("art-cands=<8")
		case n < 20:
			add("art-cands=8-19")
		default:
			add("art-cands=20+")
		}
		switch c := typeCount[t]; {
		case c == top:
			add("topic=main")
			add(t + "|topic=main")
		case c == 1:
			add("topic=single")
		default:
			add("topic=minor")
		}
		tr := trigFeature(cd)
		seen[tr]++
		if seen[tr] == 1 {
			add("trig-seen=first")
		} else {
			add("trig-seen=again")
		}
		add("trig-count=" + bucketCount(trigCount[tr]))
		add(t + "|sent=" + sentenceBucket(cd.Event.SentenceIndex))
		// The type against the other types told in its sentence: a
		// town taken after clashes is one COERCE, not also an ASSAULT.
		for j := range cands {
			o := &cands[j]
			if j != i && o.Event.SentenceIndex == cd.Event.SentenceIndex && o.Event.EventType != t {
				add(t + "|with=" + o.Event.EventType)
			}
		}
	}
}

// trigFeature is the trigger entry of a candidate (its "trig=" feature).
func trigFeature(cd *Candidate) string {
	for _, f := range cd.Features {
		if strings.HasPrefix(f, "trig=") {
			return f
		}
	}
	return cd.Event.EventType
}

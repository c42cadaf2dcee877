package lexicon

import (
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

func TestVerbalNounsAndParticiplesFollowThePattern(t *testing.T) {
	cases := []struct{ past, noun, participle string }{
		{"اعتقل", "اعتقال", "معتقل"},    // VIII
		{"احتل", "احتلال", "محتل"},      // VIII, doubled
		{"اتهم", "اتهام", "متهم"},       // VIII, assimilated
		{"أطلق", "اطلاق", "مطلق"},       // IV
		{"طالب", "مطالبة", "مطالب"},     // III
		{"انسحب", "انسحاب", "منسحب"},    // VII
		{"استهدف", "استهداف", "مستهدف"}, // X
		{"تظاهر", "تظاهر", "متظاهر"},    // VI
		{"توعد", "توعد", "متوعد"},       // V
		{"قتل", "", ""},                 // I: irregular, written in the file
		{"اغتال", "", ""},               // hollow
		{"اعتدى", "", ""},               // defective
	}
	for _, c := range cases {
		var want []string
		if c.noun != "" {
			want = []string{c.noun}
		}
		if got := VerbalNouns(c.past); !slices.Equal(got, want) {
			t.Errorf("VerbalNouns(%s) = %v, want %v", c.past, got, want)
		}
		if got := Participle(c.past); got != c.participle {
			t.Errorf("Participle(%s) = %q, want %q", c.past, got, c.participle)
		}
	}
}

// sentence tokenises s as the coder does (clitics segmented).
func sentence(s string) []marsad.Token {
	return arabic.Tokenize(marsad.Sentence{Text: s, End: len([]rune(s))})
}

func triggerTexts(l *Lexicon, s string) map[string]*Trigger {
	ts := sentence(s)
	out := map[string]*Trigger{}
	for _, m := range l.Match(ts) {
		if m.Kind == KindTrigger {
			out[ts[m.TokStart].Text] = m.Trigger
		}
	}
	return out
}

func TestDerivedFormsMatchCorpusPhrases(t *testing.T) {
	l := embedded(t)
	cases := []struct{ sentence, word, event, form string }{
		{"وأكد أنه سبق وتم اعتقاله ووضع في السجن", "اعتقاله", "COERCE", FormVerbalNoun},
		{"وقامت الميليشيات بمداهمتها واعتقال من فيها", "بمداهمتها", "ASSAULT", FormVerbalNoun},
		{"نشر الخبر متهما إيران باستخدام أذرعها", "متهما", "ACCUSE", FormParticiple},
		{"وأكد المتحدث أن القوات اعتقلته عند الحاجز", "اعتقلته", "COERCE", ""},
		{"وجدد مطالبته بالإفراج عن المعتقلين", "مطالبته", "REQUEST", FormVerbalNoun},
		{"ودفعت بتعزيزات لمحاصرة المدينة", "لمحاصرة", "COERCE", FormVerbalNoun},
	}
	for _, c := range cases {
		tr := triggerTexts(l, c.sentence)[c.word]
		switch {
		case tr == nil:
			t.Errorf("%q in %q: no trigger", c.word, c.sentence)
		case tr.EventType != c.event || tr.Derived != c.form:
			t.Errorf("%q in %q: %s form=%q, want %s form=%q", c.word, c.sentence, tr.EventType, tr.Derived, c.event, c.form)
		}
	}
}

func TestPrepositionsDoNotCutAVerbsRootLetter(t *testing.T) {
	l := embedded(t)
	// بحثت is the verb بحث (discussed), not ب + حثت (urged); وزارة is
	// no و + زاره (visited him).
	if tr := triggerTexts(l, "بحثت الوزيرة مع نظيرها الأزمة")["بحثت"]; tr == nil || tr.EventType != "CONSULT" {
		t.Errorf("بحثت ... مع: got %v, want CONSULT", tr)
	}
	// بحث alone is the verb too: a two-letter stem after ب is no trigger.
	if tr := triggerTexts(l, "وقال إن بوتين بحث في اتصال هاتفي مع ماكرون الأزمة")["بحث"]; tr != nil {
		t.Errorf("بحث في اتصال: got %s, want no trigger (not ب + حث)", tr.ID)
	}
	for w, tr := range triggerTexts(l, "وزارة الخارجية") {
		t.Errorf("unexpected trigger %s on %q", tr.ID, w)
	}
	if tr := triggerTexts(l, "وقال إنه يسعى لقصف المواقع")["لقصف"]; tr == nil {
		t.Error("a preposition may precede a lemma read as a verbal noun (لقصف)")
	}
}

// Loading the files twice gives the same matches: forms derived from two
// entries that meet at one trie node are inserted in a fixed order (map
// order once made "تفاوضهما" a verb in one run and a verbal noun in the
// next).
func TestDerivedFormsAreLoadedInAFixedOrder(t *testing.T) {
	text := "نفيا تفاوضهما مع دمشق وطالبوا باعتقالهم بعد مطالبتهم بالإفراج عن المعتقلين محذرين من التصعيد"
	describe := func() string {
		var out []string
		for _, m := range embedded(t).Match(toks(text)) {
			if m.Kind == KindTrigger {
				out = append(out, m.Describe())
			}
		}
		return strings.Join(out, "; ")
	}
	first := describe()
	for i := 0; i < 5; i++ {
		if got := describe(); got != first {
			t.Fatalf("load %d matched %q, the first %q", i+2, got, first)
		}
	}
}

package coder_test

import (
	"context"
	"testing"

	marsad "github.com/marsad/marsad"
)

func places(t *testing.T, text string) []string {
	t.Helper()
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := c.Places(context.Background(), marsad.Document{ID: "t", Text: text, Date: "2019-10-25"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"="+string(m.Country)+":"+string(m.Kind))
	}
	return out
}

// Words that gazetteer names spell are no places; names the text
// introduces as places are, and the place noun picks the kind.
func TestPlaceNamesAreReadInContext(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"وأدى ذلك إلى مقتل عشرة أشخاص", ""},                          // led to ≠ El Oued
		{"ما فتح الباب أمام الحوار", ""},                              // the door ≠ al-Bab
		{"وقالت اللجنة في بيان إن الوضع هادئ", ""},                    // a statement ≠ Bayan (Kuwait)
		{"وانتقد خلال زيارته قرار الحكومة", ""},                       // his visit: names take no pronoun
		{"وصف المتحدث الهجوم بأنه إرهابي", ""},                        // described ≠ Aş Şaff
		{"دعا إلى حماية المدنيين في بلادنا", ""},                      // our country ≠ Lod
		{"سيطرت فصائل المعارضة على مدينة الباب", "الباب=SYR:city"},    // a place noun makes it a place
		{"قصفت الطائرات محافظة إدلب", "محافظة إدلب=SYR:admin1"},       // the governorate
		{"قصفت الطائرات مدينة إدلب", "إدلب=SYR:city"},                 // the city
		{"قصفت الطائرات إدلب", "إدلب=SYR:city"},                       // a bare name: the city
		{"اشتباكات في مديرية الدريهمي", "مديرية الدريهمي=YEM:admin2"}, // a Yemeni district
		{"قتل ثلاثة في قصف على بلدة حمورية", "حمورية=SYR:village"},    // a Ghouta village
	} {
		got := places(t, c.text)
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%q: places %v, want %q", c.text, got, c.want)
		}
	}
}

// The article's other countries decide between same-named places.
func TestAmmanOrOmanByTheArticle(t *testing.T) {
	for text, want := range map[string]string{
		"وصل الوفد إلى عمّان حيث التقى الملك الأردني عبد الله الثاني": "JOR",
		"وصل الوفد إلى عمان حيث التقى السلطان قابوس":                  "OMN",
	} {
		evs := code(t, text, "2019-10-25")
		if len(evs) == 0 || evs[0].Location == nil || string(evs[0].Location.Country) != want {
			t.Errorf("%q: want a place in %s, got %+v", text, want, evs)
		}
	}
}

// An event whose sentence names no place takes one from another mention
// of its happening, or from the dateline; a statement with no actor in
// common with the placed events gets none. Every location says how.
func TestLocationBasis(t *testing.T) {
	evs := code(t, "قصفت الطائرات الروسية مدينة إدلب أمس. وطالبت الأمم المتحدة بوقف القتال. وقتل في القصف عشرة مدنيين.", "2019-10-25")
	basis := func(typ, trig string) string {
		e := find(evs, typ, func(e *marsad.Event) bool { return e.Trigger.Text == trig })
		if e == nil {
			t.Fatalf("no %s %q in %+v", typ, trig, evs)
		}
		if e.Location == nil {
			return "none"
		}
		return string(e.Location.Basis) + ":" + string(e.Location.Name) + ":" + string(e.Location.Precision)
	}
	for _, c := range []struct{ typ, trig, want string }{
		{"ASSAULT", "قصفت", "sentence:Idlib:city"},
		{"REQUEST", "وطالبت", "none"},
		{"ASSAULT", "وقتل", "coreference:Idlib:city"},
	} {
		if got := basis(c.typ, c.trig); got != c.want {
			t.Errorf("%s %q: location %s, want %s", c.typ, c.trig, got, c.want)
		}
	}
	evs = code(t, "طرابلس - أعلنت قوات الردع اعتقال خمسة مسلحين. ودعا المجلس الرئاسي إلى التهدئة.", "2019-10-25")
	if got := basis("REQUEST", "ودعا"); got != "dateline:Tripoli:city" {
		t.Errorf("the call after a dateline: location %s, want dateline:Tripoli:city", got)
	}
}

// A date in the trigger's clause dates the event however far it is; the
// date of what is called for does not date the call; every event says how
// exact its date is.
func TestEventDates(t *testing.T) {
	for _, c := range []struct{ text, typ, date, prec string }{
		{"قتل ثلاثة جنود في هجوم انتحاري استهدف دورية للجيش العراقي في بغداد أمس", "ASSAULT", "2019-10-24", "day"},
		{"دعا الرئيس إلى إجراء انتخابات العام المقبل", "REQUEST", "2019-10-25", "day"},
		{"قتل عشرة أشخاص في قصف على إدلب في 8 من شهر يوليو", "ASSAULT", "2019-07-08", "day"},
	} {
		evs := code(t, c.text, "2019-10-25")
		e := find(evs, c.typ, func(*marsad.Event) bool { return true })
		if e == nil || string(e.Date) != c.date || string(e.DatePrecision) != c.prec {
			t.Errorf("%q: want %s on %s (%s), got %+v", c.text, c.typ, c.date, c.prec, e)
		}
	}
}

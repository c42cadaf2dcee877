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

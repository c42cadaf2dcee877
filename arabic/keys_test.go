package arabic

import (
	"slices"
	"testing"
)

func TestWordKey(t *testing.T) {
	cases := map[string]string{
		"وألمانيا": "مانيا", // the key need not be a word: text and entries share it
		"والجيش":   "جيش",
		"بالجيش":   "جيش",
		"كالعادة":  "عاده",
		"للحكومة":  "حكومه",
		"فالحكومة": "حكومه",
		"الجيش":    "جيش",
		"وقال":     "قال",
		"ولد":      "ولد", // و + two letters: not cut
		"بلد":      "بلد", // a lone ب is left to Segment
		"الي":      "الي",
		"Haftar's": "haftar's",
		"٢٠١٩":     "2019",
		"والدوحة":  "دوحه",
	}
	for in, want := range cases {
		if got := WordKey(in); got != want {
			t.Errorf("WordKey(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	got := Words("«قالَ» الناطق: ١٢ قتيلاً، (Haftar's)")
	want := []string{"قال", "الناطق", "12", "قتيلا", "haftar", "s"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

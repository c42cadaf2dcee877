package arabic

import (
	"fmt"
	"slices"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"تتزعمّ", "تتزعم"}, // shadda removed
		{"مضيفاً", "مضيفا"}, // tanween removed
		{"أبريل إلى آلاف ٱلله", "ابريل الي الاف الله"},
		{"الخطّة", "الخطه"},            // ة→ه
		{"ﻻ", "لا"},                    // presentation form via NFKC
		{"ﷲ", "الله"},                  // one rune, four out
		{"ميـــليشيا", "ميليشيا"},      // tatweel
		{"ایران کرمان", "ايران كرمان"}, // Persian ی ک
		{"٢٠١٩ و۱۲", "2019 و12"},       // Arabic-Indic and Persian digits
		{"U.S. Army", "u.s. army"},     // Latin lower-cased
		{"ليبيا\u200c\u200f", "ليبيا"}, // zero-width and bidi marks dropped
		{"ＡＢＣ", "abc"},                 // full-width Latin
	}
	for _, c := range cases {
		got, off := Normalize(c.in)
		if got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
		if f := Fold(c.in); f != got {
			t.Errorf("Fold(%q) = %q, Normalize gives %q", c.in, f, got)
		}
		if len(off) != utf8.RuneCountInString(got)+1 || off[len(off)-1] != utf8.RuneCountInString(c.in) {
			t.Errorf("Normalize(%q): offsets %v do not fit", c.in, off)
		}
	}
}

// A span found in the normalised text maps back to the original surface.
func TestNormalizeOffsetsMapBack(t *testing.T) {
	s := "قال العميد خالد المحجوب مدير إدارة التوجيه"
	norm, off := Normalize(s)
	nr := []rune(norm)
	a := indexRunes(nr, []rune("اداره"))
	if a < 0 {
		t.Fatalf("اداره not found in %q", norm)
	}
	got := string([]rune(s)[off[a]:off[a+5]])
	if got != "إدارة" {
		t.Errorf("span maps back to %q, want إدارة", got)
	}
	// An expanding ligature maps all its output runes to itself.
	_, off = Normalize("بﷲ")
	if want := []int{0, 1, 1, 1, 1, 2}; !slices.Equal(off, want) {
		t.Errorf("offsets = %v, want %v", off, want)
	}
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}

func ExampleNormalize() {
	norm, offsets := Normalize("إدارةُ")
	fmt.Println(norm, offsets)
	// Output: اداره [0 1 2 3 4 6]
}

func ExampleFold() {
	fmt.Println(Fold("مصراتةَ الأولى"))
	// Output: مصراته الاولي
}

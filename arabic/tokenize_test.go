package arabic

import (
	"fmt"
	"testing"

	"github.com/marsad/marsad"
)

func sentence(text string, start int) marsad.Sentence {
	return marsad.Sentence{Start: start, End: start + len([]rune(text)), Text: text}
}

type tk struct {
	text string
	kind marsad.TokenKind
}

func TestTokenizeKinds(t *testing.T) {
	cases := []struct {
		in   string
		want []tk
	}{
		{"فرع لتنظيم #داعش في #ليبيا.", []tk{{"فرع", marsad.Word}, {"لتنظيم", marsad.Word}, {"#", marsad.Punct}, {"داعش", marsad.Word}, {"في", marsad.Word}, {"#", marsad.Punct}, {"ليبيا", marsad.Word}, {".", marsad.Punct}}},
		{"كتب #برنارد_أوغستين", []tk{{"كتب", marsad.Word}, {"#", marsad.Punct}, {"برنارد", marsad.Word}, {"_", marsad.Punct}, {"أوغستين", marsad.Word}}},
		{"قتل 1,000 و3.5 عام ٢٠١٩", []tk{{"قتل", marsad.Word}, {"1,000", marsad.Number}, {"و", marsad.Word}, {"3.5", marsad.Number}, {"عام", marsad.Word}, {"٢٠١٩", marsad.Number}}},
		{"The U.S. backed Haftar's forces, 2019.", []tk{{"The", marsad.Latin}, {"U.S.", marsad.Latin}, {"backed", marsad.Latin}, {"Haftar's", marsad.Latin}, {"forces", marsad.Latin}, {",", marsad.Punct}, {"2019", marsad.Number}, {".", marsad.Punct}}},
		{"الوفاق.. كيف؟", []tk{{"الوفاق", marsad.Word}, {"..", marsad.Punct}, {"كيف", marsad.Word}, {"؟", marsad.Punct}}},
		{"تتزعمّ $5 ☺", []tk{{"تتزعمّ", marsad.Word}, {"$", marsad.Symbol}, {"5", marsad.Number}, {"☺", marsad.Symbol}}},
	}
	for _, c := range cases {
		toks := Tokenize(sentence(c.in, 10))
		var got []tk
		for _, x := range toks {
			got = append(got, tk{x.Text, x.Kind})
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("Tokenize(%q) =\n  %v\nwant\n  %v", c.in, got, c.want)
		}
		checkTokens(t, c.in, 10, toks)
	}
}

// checkTokens asserts that token spans are ordered, disjoint and hold
// their text; doc is the sentence text starting at offset base.
func checkTokens(t *testing.T, doc string, base int, toks []marsad.Token) {
	t.Helper()
	rs := []rune(doc)
	prev := base
	for i, x := range toks {
		if x.Start < prev || x.End <= x.Start || x.End > base+len(rs) {
			t.Fatalf("token %d %q: bad span [%d,%d)", i, x.Text, x.Start, x.End)
		}
		if got := string(rs[x.Start-base : x.End-base]); got != x.Text {
			t.Fatalf("token %d: text %q but span holds %q", i, x.Text, got)
		}
		if x.Norm != Fold(x.Text) {
			t.Errorf("token %d: Norm %q, Fold gives %q", i, x.Norm, Fold(x.Text))
		}
		prev = x.End
	}
}

func TestTokenizeHashtagOffsets(t *testing.T) {
	text := "في #ليبيا"
	toks := Tokenize(sentence(text, 100))
	w := toks[len(toks)-1]
	if w.Text != "ليبيا" || w.Start != 104 || w.End != 109 {
		t.Errorf("hashtag word = %q [%d,%d), want ليبيا [104,109)", w.Text, w.Start, w.End)
	}
}

func ExampleTokenize() {
	s := Split("وأوضح محجوب أن هذا الانسحاب جاء بناء على معطيات ميدانية.")[0]
	for _, t := range Tokenize(s)[:3] {
		fmt.Println(t.Start, t.End, t.Kind, t.Text, t.Norm)
	}
	// Output:
	// 0 5 word وأوضح واوضح
	// 6 11 word محجوب محجوب
	// 12 14 word أن ان
}

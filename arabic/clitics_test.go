package arabic

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// The segmenter's tuning tables must cover the exported inventory exactly.
func TestTuningTablesMatchInventory(t *testing.T) {
	pro := slices.Concat(Conjunctions, Prepositions, []string{FuturePrefix})
	if len(procliticRules) != len(pro) {
		t.Errorf("procliticRules has %d entries, the inventory %d proclitics before the article", len(procliticRules), len(pro))
	}
	for _, p := range pro {
		if _, ok := procliticRules[p]; !ok {
			t.Errorf("procliticRules lacks %s", p)
		}
	}
	if len(encliticRules) != len(PronounSuffixes) {
		t.Errorf("encliticRules has %d entries, PronounSuffixes %d", len(encliticRules), len(PronounSuffixes))
	}
	for i, s := range PronounSuffixes {
		if _, ok := encliticRules[s]; !ok {
			t.Errorf("encliticRules lacks %s", s)
		}
		if i > 0 && utf8.RuneCountInString(s) > utf8.RuneCountInString(PronounSuffixes[i-1]) {
			t.Errorf("PronounSuffixes: %s comes after the shorter %s", s, PronounSuffixes[i-1])
		}
	}
	for _, c := range DeterminerClusters {
		for _, d := range DeterminerClusters {
			if c != d && len(c) < len(d) && d[:len(c)] == c {
				t.Errorf("determiner cluster %s begins %s: their order would matter", c, d)
			}
		}
	}
}

func TestProclitics(t *testing.T) {
	for _, s := range []string{"و", "ف", "ب", "ل", "ك", "س", "ال"} {
		if !IsProclitic(s) {
			t.Errorf("IsProclitic(%s) = false", s)
		}
	}
	for _, s := range []string{"", "لل", "بال", "ه", "ا"} {
		if IsProclitic(s) {
			t.Errorf("IsProclitic(%s) = true", s)
		}
	}
	for _, c := range []struct {
		in      string
		minRest int
		rest    string
		ok      bool
	}{
		{"وقال", 3, "قال", true}, {"فقط", 2, "قط", true}, {"فقط", 3, "فقط", false},
		{"و", 0, "", true}, {"قال", 0, "قال", false}, {"", 0, "", false},
	} {
		if rest, ok := CutConjunction(c.in, c.minRest); rest != c.rest || ok != c.ok {
			t.Errorf("CutConjunction(%s, %d) = %q, %v", c.in, c.minRest, rest, ok)
		}
	}
}

func TestDigits(t *testing.T) {
	for i, set := range []string{"0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"} {
		v := 0
		for _, r := range set {
			if got, ok := DigitValue(r); !ok || got != v {
				t.Errorf("set %d: DigitValue(%c) = %d, %v; want %d", i, r, got, ok, v)
			}
			if FoldDigit(r) != rune('0'+v) || Fold(string(r)) != string(rune('0'+v)) {
				t.Errorf("set %d: %c folds to %c / %s", i, r, FoldDigit(r), Fold(string(r)))
			}
			v++
		}
	}
	for _, r := range []rune{'/', ':', 'a', '٪', '٫', '٬', 'ا', '۹' + 1, '٠' - 1} {
		if _, ok := DigitValue(r); ok || IsDigit(r) || FoldDigit(r) != r {
			t.Errorf("%q (%U) taken for a digit", r, r)
		}
	}
	if got := FoldDigits("٢٠١٩/۰۳/05 مارس"); got != "2019/03/05 مارس" {
		t.Errorf("FoldDigits = %q", got)
	}
}

package arabic

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// A run without spaces or stops (a scraped blob, a hostile input) is cut
// into sentences of at most maxSentenceRunes code points, never between a
// letter and its diacritic, so that later stages never see a huge sentence.
func TestLongRunWithoutSpacesIsCut(t *testing.T) {
	text := strings.Repeat("بَ", 30_000) // a letter and its fatha, 60,000 code points
	ss := Split(text)
	if len(ss) < 60_000/maxSentenceRunes {
		t.Fatalf("60,000 code points without a space gave %d sentences", len(ss))
	}
	for _, s := range ss {
		if n := utf8.RuneCountInString(s.Text); n > maxSentenceRunes {
			t.Errorf("sentence %d has %d code points", s.Index, n)
		}
		if first, _ := utf8.DecodeRuneInString(s.Text); unicode.Is(unicode.Mn, first) {
			t.Errorf("sentence %d starts with a diacritic cut from its letter", s.Index)
		}
	}
	checkSentences(t, text, ss)
}

package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// IndexText returns the form of s that full-text search indexes and
// queries: words folded with arabic.Fold and stripped of the proclitics
// و ف ب ل ك and the article ال, joined by single spaces. Index and query go
// through the same function, so الامن finds الأمن and مصراتة finds بمصراتة.
func IndexText(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(arabic.Fold(s), notWordRune) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(stripClitics(w))
	}
	return b.String()
}

// Terms returns the distinct words of IndexText(query) in order.
func Terms(query string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(IndexText(query)) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// stripClitics removes at most one conjunction, one preposition and the
// article, keeping a stem of at least three letters. It is a stand-in until
// arabic.Segment exists; being the same for index and query matters more
// than being linguistically exact.
func stripClitics(w string) string {
	const minStem = 3
	cut := func(prefix string) bool {
		if strings.HasPrefix(w, prefix) && utf8.RuneCountInString(w)-utf8.RuneCountInString(prefix) >= minStem {
			w = w[len(prefix):]
			return true
		}
		return false
	}
	_ = cut("و") || cut("ف")
	if cut("لل") { // ل + ال is written لل
		return w
	}
	_ = cut("ب") || cut("ل") || cut("ك")
	cut("ال")
	return w
}

package store

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/arabic"
)

// IndexText returns the form of s that full-text search indexes and
// queries: each word folded with arabic.Fold and reduced to its stem by
// arabic.Segment (clitics و ف ب ل ك and the article ال stripped, and a
// pronoun suffix when the segmenter is sure), joined by single spaces.
// Index and query go through the same function, so الامن finds الأمن,
// مصراتة finds بمصراتة and ميليشيات finds ميليشياتها. A store indexed with
// one segmenter must be re-indexed when the segmenter changes.
func IndexText(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(arabic.Fold(s), notWordRune) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		_, stem, _ := arabic.Segment(w)
		if stem == "" {
			stem = w
		}
		b.WriteString(stem)
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

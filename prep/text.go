package prep

import (
	"strings"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/dedup"
)

// words are the words of s folded with arabic.Fold, punctuation dropped:
// what signatures, normalised texts and the index are made of.
func words(s string) []string { return arabic.Words(s) }

// IndexText returns the form of s that full-text search indexes and
// queries: each word folded with arabic.Fold and reduced to its stem by
// arabic.Segment (clitics و ف ب ل ك and the article ال stripped, and a
// pronoun suffix when the segmenter is sure), joined by single spaces.
// Index and query go through the same function, so الامن finds الأمن,
// مصراتة finds بمصراتة and ميليشيات finds ميليشياتها. A store indexed with
// one segmenter must be re-indexed when the segmenter changes.
func IndexText(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
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

// NormText is the form in which unresolved actor and place texts are
// compared: folded, punctuation dropped, single spaces.
func NormText(s string) string { return strings.Join(words(s), " ") }

// MinHash is the near-duplicate signature of a document text: dedup.MinHash
// of its folded words, nil when the text is too short to compare.
func MinHash(text string) dedup.Signature { return dedup.MinHash(words(text)) }

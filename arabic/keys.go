package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalised keys built on Fold, shared by the lexicon, NER, discovery,
// deduplication and the tools that count corpus words.

// keyMinRest is the fewest letters a word keeps when StripProclitics cuts
// a conjunction or a determiner cluster; shorter remainders are too often
// another word. StripArticle allows one letter fewer.
const keyMinRest = 3

// IsBasicLetter reports whether r is a letter of the basic Arabic
// alphabet, U+0621 ء to U+064A ي: no marks, digits or extended letters.
func IsBasicLetter(r rune) bool { return r >= 0x0621 && r <= 0x064A }

// StartsArabic reports whether s begins with a basic Arabic letter
// (IsBasicLetter), as folded Arabic words do.
func StartsArabic(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsBasicLetter(r)
}

// StripArticle returns the folded word w without a leading article ال when
// at least two letters remain (الجيش → جيش), and w otherwise (الي).
func StripArticle(w string) string {
	if rest, ok := strings.CutPrefix(w, Article); ok && utf8.RuneCountInString(rest) >= keyMinRest-1 {
		return rest
	}
	return w
}

// StripProclitics removes from the folded word w a conjunction (و، ف) and
// then a determiner cluster (ال، بال، كال، لل), each only when at least
// three letters remain. Other prepositions are left to Segment: cutting ب
// or ل blindly turns common words into names (بلد → لد).
func StripProclitics(w string) string {
	w, _ = CutConjunction(w, keyMinRest)
	for _, p := range DeterminerClusters {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= keyMinRest {
			return rest
		}
	}
	return w
}

// WordKey is the key a running-text word is counted and looked up under
// without segmenting it: folded and, for an Arabic word, without a
// conjunction or determiner cluster (StripProclitics) and then without an
// article (StripArticle), so that وألمانيا and ألمانيا share one key.
// Corpus frequencies, the lexicon's match keys and the NER gazetteer agree
// through it.
func WordKey(w string) string {
	n := Fold(w)
	if StartsArabic(n) {
		return StripArticle(StripProclitics(n))
	}
	return n
}

// Words returns the words of s folded with Fold, split at every rune that
// is neither a letter nor a digit (so punctuation is dropped).
func Words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Stems returns the words of s (Words) each reduced to its stem by Segment
// and without an article: the form in which two phrases are compared word
// by word, so that "للجيش" and "الجيش الليبي" share جيش.
func Stems(s string) []string {
	words := Words(s)
	for i, w := range words {
		if _, stem, _ := Segment(w); stem != "" {
			w = stem
		}
		words[i] = StripArticle(w)
	}
	return words
}

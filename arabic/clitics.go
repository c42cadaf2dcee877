package arabic

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The Arabic clitic inventory. Every package that strips or tests clitics
// takes them from here; the tuning of each one (how much evidence a split
// needs) stays with the segmenter (segment.go). All strings are in Fold
// form. The slices are shared: callers must not modify them.

// Conjunctions are the proclitic conjunctions و (and) and ف (so, then),
// the outermost layer of a word.
var Conjunctions = []string{"و", "ف"}

// Prepositions are the proclitic prepositions ب (with, by), ل (for, to)
// and ك (like, as), which come after a conjunction.
var Prepositions = []string{"ب", "ل", "ك"}

// FuturePrefix is the future particle سـ (سيهاجم), in the place of a
// preposition and only before an imperfect verb.
const FuturePrefix = "س"

// Article is the definite article ال, the innermost proclitic.
const Article = "ال"

// LamArticle is ل + ال as written: the article's alif is dropped after the
// preposition ل (للجيش).
const LamArticle = "لل"

// DeterminerClusters are the article with or without a preposition,
// cut as one unit: بال، كال، لل، ال. No one of them begins another, so the
// order in which they are tried does not matter.
var DeterminerClusters = []string{"بال", "كال", LamArticle, Article}

// PronounSuffixes are the pronoun enclitics (ه ها هم هما هن كم كما كن نا
// ي ني ك), longest first: the order in which they are tried.
var PronounSuffixes = []string{"هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ي", "ك"}

// IsConjunction reports whether s is one of Conjunctions.
func IsConjunction(s string) bool { return slices.Contains(Conjunctions, s) }

// IsPreposition reports whether s is one of Prepositions.
func IsPreposition(s string) bool { return slices.Contains(Prepositions, s) }

// IsProclitic reports whether s is a proclitic: a conjunction, a
// preposition, the future prefix or the article (not the cluster لل).
func IsProclitic(s string) bool {
	return IsConjunction(s) || IsPreposition(s) || s == FuturePrefix || s == Article
}

// IsPronounSuffix reports whether s is one of PronounSuffixes.
func IsPronounSuffix(s string) bool { return slices.Contains(PronounSuffixes, s) }

// CutConjunction returns w without a leading conjunction (و or ف) and
// true when at least minRest letters remain, and otherwise w and false.
func CutConjunction(w string, minRest int) (rest string, ok bool) {
	for _, c := range Conjunctions {
		if rest, ok := strings.CutPrefix(w, c); ok && utf8.RuneCountInString(rest) >= minRest {
			return rest, true
		}
	}
	return w, false
}

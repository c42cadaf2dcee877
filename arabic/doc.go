// Package arabic is Marsad's Arabic text pipeline: normalisation for
// matching (with a map back to original offsets), sentence splitting,
// tokenisation and clitic segmentation.
//
// It is also the one place that declares what other packages need to know
// about Arabic words: the clitic inventory (clitics.go: Conjunctions,
// Prepositions, FuturePrefix, Article, DeterminerClusters,
// PronounSuffixes), the digit sets (digits.go: DigitValue, IsDigit,
// FoldDigits) and the normalised keys built on Fold (keys.go: WordKey,
// StripProclitics, StripArticle, Words). Other packages use these rather
// than lists of their own.
//
// Offsets are Unicode code point offsets into the original text. The
// normalised forms are for matching only; nothing here changes the text a
// user sees.
//
// What the package knows about the language beyond the rules of the
// script lives in data/: abbreviations.txt (dots that do not end a
// sentence), al_exceptions.txt (words whose ال is not the article) and
// freq.tsv (word frequencies from development corpora, rebuilt with
// go generate), all embedded at build time.
package arabic

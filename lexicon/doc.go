// Package lexicon loads Marsad's editable knowledge files (actors, agent
// words, places and event triggers under data/) and finds their entries in
// the tokens of a sentence.
//
// Knowledge lives in line-oriented TSV files an analyst can read and edit;
// this package holds none of it. Every entry word is folded with
// arabic.Fold and its definite article is dropped, and every token offers
// several keys (its folded surface, its stem, the surface without a
// conjunction, and "light" forms without a feminine, plural or accusative
// ending), so matching does not depend on clitic segmentation being
// perfect. Entries of all kinds share one trie over these token keys;
// Match walks it once per start position and keeps, per kind, the
// leftmost-longest match.
//
// Arabic verb triggers are written once per lemma (past tense, optionally
// with its present form, e.g. "أطلق/يطلق"); the lexicon expands their
// common conjugations itself (see Conjugate).
package lexicon

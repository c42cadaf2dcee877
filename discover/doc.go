// Package discover finds candidate NEW actors in a corpus: armed groups,
// organisations and people that the actor dictionary (data/) does not know
// yet, ranked for an analyst to review and add with `marsad actors add`.
//
// Dictionaries only find the actors we already know, and the actors that
// matter most in conflict news are often the new ones (a battalion that
// joins a front, the commander it loses). Discovery combines three kinds of
// evidence on every sentence:
//
//   - an agent word that introduces a group's name, followed by one to three
//     name words ("كتيبة شريخان", "حركة النهضة");
//   - a person title followed by a name ("قائدها محمد بعيو", "العميد …");
//   - a PERS or ORG entity of the NER tagger that no known actor covers.
//
// Mentions are normalised (folded, without clitics or the article on the
// agent word) and merged across the corpus; each candidate carries its
// counts, the agent words seen with it, the known actors it co-occurs with
// and examples with exact offsets. The score rewards frequency, spread over
// documents and agreement between NER and agent words, and penalises
// generic words (data/stop-freq.txt, built from corpus frequencies by
// internal/genstop), very frequent one-word names and numbers.
//
// The package names no actor, place or title itself: the head words and
// stop lists are editable files under data/ in this folder, embedded in the
// binary (see Words).
package discover

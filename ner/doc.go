// Package ner finds named entities (PERS, LOC, ORG, MISC) in Arabic token
// sequences, so that the event coder can see who acts and where even when
// the actor dictionary does not know the name yet.
//
// The model is a first-order averaged structured perceptron over BILOU
// tags (trained from BIO data, output as BIO), decoded exactly with Viterbi. We chose it over a linear-chain CRF because
// it reaches nearly the same accuracy on a corpus of ANERcorp's size (125k
// words) while training in seconds with no step sizes or regulariser to tune,
// and because decoding is the same Viterbi either way. A second-order chain
// squares the state space for little gain, so tag history is the previous
// tag only, through a transition matrix in which ill-formed moves (O → I-X,
// B-X → O, B-Y → I-X …) are forbidden. BILOU's separate labels for the last
// and the only token of an entity let the perceptron learn where names end.
//
// Features are hashed to 64-bit keys (template id mixed with the folded
// string) and kept only when seen in training, so the model is a sorted key
// list plus a small weight row per key. They cover what matters for Arabic:
// the folded form (arabic.Fold), a clitic-stripped stem (و ف ب ل ك ال and
// pronoun suffixes), prefixes and suffixes of one to three letters, word
// shape, the words and stems two to each side (which is how trigger words
// such as titles before a name are learnt from data rather than listed),
// position in the sentence, gazetteer membership and the word's classes
// at three granularities (model/clusters.tsv, exchange clustering of
// unlabelled text, built by tools/nerclusters), which carry what was
// learnt about a labelled word to unseen words used in the same contexts.
//
// The gazetteer (LexiconGazetteer) comes from the project's knowledge
// files — places, countries and demonyms, actors, agent words such as
// titles — plus a first-name list taken from the training data
// (model/first-names.txt). Training computes each fold's gazetteer
// features with a first-name list built from the other folds, so the model
// learns how far the list holds on text it was not built from.
//
// The trained model is embedded (model/anercorp.ner.gz) and loaded by
// Default. Tagging is safe for concurrent use.
package ner

// Package ner finds named entities (PERS, LOC, ORG, MISC) in Arabic token
// sequences, so that the event coder can see who acts and where even when
// the actor dictionary does not know the name yet.
//
// The model is a first-order averaged structured perceptron over BIO tags,
// decoded exactly with Viterbi. We chose it over a linear-chain CRF because
// it reaches nearly the same accuracy on a corpus of ANERcorp's size (125k
// words) while training in seconds with no step sizes or regulariser to tune,
// and because decoding is the same Viterbi either way. A second-order chain
// squares the state space (81 instead of 9 states) for little gain on BIO
// NER, so tag history is the previous tag only, through a transition matrix
// in which ill-formed moves (O → I-X, B-Y → I-X) are forbidden.
//
// Features are hashed to 64-bit keys (template id mixed with the folded
// string) and kept only when seen in training, so the model is a sorted key
// list plus a small weight row per key. They cover what matters for Arabic:
// the folded form (arabic.Fold), a clitic-stripped stem (و ف ب ل ك ال and
// pronoun suffixes), prefixes and suffixes of one to three letters, word
// shape, the words and stems two to each side (which is how trigger words
// such as titles before a name are learnt from data rather than listed),
// position in the sentence and optional gazetteer membership.
//
// The trained model is embedded (model/anercorp.ner.gz) and loaded by
// Default. Tagging is safe for concurrent use.
package ner

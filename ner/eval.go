package ner

import (
	"fmt"
	"sort"
)

// Entity is a tagged span of tokens: TokStart inclusive, TokEnd exclusive.
type Entity struct {
	Type     string `json:"type"`
	TokStart int    `json:"tok_start"`
	TokEnd   int    `json:"tok_end"`
}

// Chunks turns BIO tags into entities the way conlleval does: an I-X that
// follows O or another type starts a new entity instead of being dropped.
func Chunks(tags []string) []Entity {
	var out []Entity
	open := -1 // index in out of the entity being extended, or -1
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			open = -1
			continue
		}
		typ := t[2:]
		if t[0] == 'I' && open >= 0 && out[open].Type == typ {
			out[open].TokEnd = i + 1
			continue
		}
		out = append(out, Entity{Type: typ, TokStart: i, TokEnd: i + 1})
		open = len(out) - 1
	}
	return out
}

// Score is precision, recall and F1 (in percent) of one entity type or of
// all together.
type Score struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	if s.Predicted > 0 {
		s.Precision = 100 * float64(s.Correct) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = 100 * float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Report is an entity-level evaluation in the CoNLL convention: an entity
// counts only when its type and both boundaries match.
type Report struct {
	Tokens   int              `json:"tokens"`
	Accuracy float64          `json:"token_accuracy"`
	Overall  Score            `json:"overall"`
	Types    map[string]Score `json:"types"`
}

// TypeNames returns the entity types of the report in sorted order.
func (r *Report) TypeNames() []string {
	names := make([]string, 0, len(r.Types))
	for k := range r.Types {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Evaluate scores predicted tag sequences against gold ones, sentence by
// sentence; both must have the same shape.
func Evaluate(gold, pred [][]string) (*Report, error) {
	if len(gold) != len(pred) {
		return nil, fmt.Errorf("evaluate: %d gold sentences but %d predicted", len(gold), len(pred))
	}
	r := &Report{Types: map[string]Score{}}
	var sameTok int
	for i := range gold {
		if len(gold[i]) != len(pred[i]) {
			return nil, fmt.Errorf("evaluate: sentence %d has %d gold tags but %d predicted", i, len(gold[i]), len(pred[i]))
		}
		for j := range gold[i] {
			if gold[i][j] == pred[i][j] {
				sameTok++
			}
		}
		r.Tokens += len(gold[i])
		g, p := Chunks(gold[i]), Chunks(pred[i])
		inGold := make(map[Entity]bool, len(g))
		for _, e := range g {
			inGold[e] = true
			s := r.Types[e.Type]
			s.Gold++
			r.Types[e.Type] = s
		}
		for _, e := range p {
			s := r.Types[e.Type]
			s.Predicted++
			if inGold[e] {
				s.Correct++
			}
			r.Types[e.Type] = s
		}
	}
	for k, s := range r.Types {
		r.Overall.Gold += s.Gold
		r.Overall.Predicted += s.Predicted
		r.Overall.Correct += s.Correct
		s.finish()
		r.Types[k] = s
	}
	r.Overall.finish()
	if r.Tokens > 0 {
		r.Accuracy = 100 * float64(sameTok) / float64(r.Tokens)
	}
	return r, nil
}

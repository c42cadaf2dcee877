package coder

import (
	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/ner"
	"github.com/marsad/marsad/when"
)

// CuesFile is the cue list's file name in the knowledge folder.
const CuesFile = "cues.tsv"

// FilterDir is the folder of the event filter models in the knowledge
// folder (package data).
const FilterDir = "filter"

// Entities adapts a named-entity tagger to the coder.
func Entities(t *ner.Tagger) EntityTagger { return nerAdapter{t} }

type nerAdapter struct{ t *ner.Tagger }

func (a nerAdapter) Entities(toks []marsad.Token) []Entity {
	es := a.t.Entities(toks)
	out := make([]Entity, len(es))
	for i, e := range es {
		out[i] = Entity{Type: e.Type, TokStart: e.TokStart, TokEnd: e.TokEnd}
	}
	return out
}

// Dates adapts a date resolver to the coder.
func Dates(r *when.Resolver) DateResolver { return whenAdapter{r} }

type whenAdapter struct{ r *when.Resolver }

func (a whenAdapter) Resolve(sentence, articleDate string) []DateExpr {
	xs := a.r.Resolve(sentence, articleDate)
	out := make([]DateExpr, len(xs))
	for i, x := range xs {
		out[i] = DateExpr{Start: x.Start, End: x.End, Text: x.Text, Date: x.Date, Precision: string(x.Precision)}
	}
	return out
}

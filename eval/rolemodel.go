package eval

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/linear"
)

// RoleThreshold is the role models' decision threshold, fixed in advance
// (not tuned on the articles): a phrase fills a role when the model finds
// it likelier than not.
const RoleThreshold = 0.5

// RoleModelReport is what cross-validation of the role models measured:
// the articles coded with the rules' roles and with out-of-fold role
// models, scored as `marsad eval articles` scores them.
type RoleModelReport struct {
	Folds            int             `json:"folds"`
	SourceExamples   int             `json:"source_examples"`
	SourcePositives  int             `json:"source_positives"`
	TargetExamples   int             `json:"target_examples"`
	TargetPositives  int             `json:"target_positives"`
	Rules            *ArticlesReport `json:"rules"`
	CV               *ArticlesReport `json:"cv"`
	SourceCandidates int             `json:"source_ceiling"` // matched candidates whose gold source is among the options (or none)
	TargetCandidates int             `json:"target_ceiling"`
	Matched          int             `json:"matched_candidates"`
}

// TrainRoleModels trains the source and target role models: every phrase
// that could fill a role of a candidate in a gold happening's mention
// sentence (of its type) is an example, positive when it names the gold
// happening's actor as the scorer compares them (sameActor). It
// cross-validates by article: each article is coded by models that never
// saw it, with c's event filter, and scored whole. c must be a coder
// without role models. Folds < 2 skips the cross-validation.
func TrainRoleModels(ctx context.Context, c *coder.Coder, arts []GoldArticle, docs map[string]marsad.Document, folds int, opt linear.Options) (src, tgt *linear.Model, rep *RoleModelReport, err error) {
	rep = &RoleModelReport{Folds: folds}
	var srcEx, tgtEx [][]linear.Example // per article
	for i := range arts {
		g := &arts[i]
		doc, ok := docs[g.ID]
		if !ok {
			return nil, nil, nil, fmt.Errorf("%s: article %s is not in the corpus", g.File, g.ID)
		}
		cands, err := c.Candidates(ctx, doc)
		if err != nil {
			return nil, nil, nil, err
		}
		spans := mentionSpans(g, doc.Text)
		var se, te []linear.Example
		for _, cd := range cands {
			h := matchingHappening(g, spans, &cd.Event)
			if h == nil {
				continue
			}
			rep.Matched++
			found, foundT := false, false
			for _, o := range cd.Roles {
				a := o.Actor
				sl, tl := sameActor(h.Source, &a), sameActor(h.Target, &a)
				found, foundT = found || sl, foundT || tl
				se = append(se, linear.Example{Features: o.Features, Label: sl, Group: g.ID})
				te = append(te, linear.Example{Features: o.Features, Label: tl, Group: g.ID})
			}
			if found || h.Source == nil {
				rep.SourceCandidates++
			}
			if foundT || h.Target == nil {
				rep.TargetCandidates++
			}
		}
		srcEx, tgtEx = append(srcEx, se), append(tgtEx, te)
	}
	flat := func(per [][]linear.Example, skip func(int) bool) []linear.Example {
		var out []linear.Example
		for i, exs := range per {
			if !skip(i) {
				out = append(out, exs...)
			}
		}
		return out
	}
	none := func(int) bool { return false }
	for _, e := range flat(srcEx, none) {
		rep.SourceExamples++
		if e.Label {
			rep.SourcePositives++
		}
	}
	for _, e := range flat(tgtEx, none) {
		rep.TargetExamples++
		if e.Label {
			rep.TargetPositives++
		}
	}
	rules := c.WithRoleModels(nil, nil)
	rep.Rules = &ArticlesReport{}
	if err := scoreArticles(ctx, arts, docs, func(int) bool { return true }, rules.Code, rep.Rules); err != nil {
		return nil, nil, nil, err
	}
	rep.Rules.Finish()
	if folds >= 2 {
		rep.CV = &ArticlesReport{}
		fold := articleFolds(len(arts), folds, opt.Seed)
		for k := 0; k < folds; k++ {
			held := func(i int) bool { return fold[i] == k }
			ms := trainRole(flat(srcEx, held), opt)
			mt := trainRole(flat(tgtEx, held), opt)
			if err := scoreArticles(ctx, arts, docs, held, c.WithRoleModels(ms, mt).Code, rep.CV); err != nil {
				return nil, nil, nil, err
			}
		}
		rep.CV.Finish()
	}
	src, tgt = trainRole(flat(srcEx, none), opt), trainRole(flat(tgtEx, none), opt)
	note := fmt.Sprintf("%%s role model: %%d phrase examples from %d annotated articles; threshold %.2f fixed in advance", len(arts), RoleThreshold)
	src.Note = fmt.Sprintf(note, "source", rep.SourceExamples)
	tgt.Note = fmt.Sprintf(note, "target", rep.TargetExamples)
	return src, tgt, rep, nil
}

// articleFolds assigns each of n articles a fold in [0, k), shuffled by
// seed so that repeated runs with other seeds show the figures' spread.
func articleFolds(n, k int, seed uint64) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if seed == 0 {
		seed = 1
	}
	rng := rand.New(rand.NewPCG(seed, 0x726f6c6573))
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	fold := make([]int, n)
	for pos, i := range order {
		fold[i] = pos % k
	}
	return fold
}

func trainRole(exs []linear.Example, opt linear.Options) *linear.Model {
	m := linear.Train(exs, opt)
	m.Threshold = RoleThreshold
	return m
}

// matchingHappening is the gold happening whose mention sentences hold
// the event's trigger, of its type (the scorer's rule), or nil.
func matchingHappening(g *GoldArticle, spans [][]span, e *marsad.Event) *GoldHappening {
	p := Prediction{Events: []marsad.Event{*e}}
	for h := range g.Happenings {
		if predMatches(&g.Happenings[h], spans[h], &p) {
			return &g.Happenings[h]
		}
	}
	return nil
}

// WriteReport prints the report for people.
func (r *RoleModelReport) WriteReport(w io.Writer) {
	fmt.Fprintf(w, "role models: %d candidates in a gold happening's sentence; the gold source is none or among the phrases of %.3f, the target of %.3f\n",
		r.Matched, float64(r.SourceCandidates)/float64(max(r.Matched, 1)), float64(r.TargetCandidates)/float64(max(r.Matched, 1)))
	fmt.Fprintf(w, "  %d source examples (%d positive), %d target examples (%d positive)\n",
		r.SourceExamples, r.SourcePositives, r.TargetExamples, r.TargetPositives)
	fmt.Fprintf(w, "  %-26s %6s %6s %7s %7s\n", "", "R", "P", "source", "target")
	row := func(name string, a *ArticlesReport) {
		if a != nil {
			fmt.Fprintf(w, "  %-26s %6.3f %6.3f %7.3f %7.3f\n", name, a.Recall, a.Precision, a.Source.Rate, a.Target.Rate)
		}
	}
	row("rules", r.Rules)
	row(fmt.Sprintf("%d-fold CV by article", r.Folds), r.CV)
}

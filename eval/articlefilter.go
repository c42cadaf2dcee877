package eval

import (
	"context"
	"fmt"
	"io"
	"strings"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/linear"
)

// ArticleFilterReport is what cross-validation of the article-level filter
// measured, with `marsad eval articles`'s rule.
type ArticleFilterReport struct {
	Folds     int     `json:"folds"`
	Threshold float64 `json:"threshold"`
	Examples  int     `json:"examples"`
	Positives int     `json:"positives"`
	// RulesOnly codes with no filter; Candidates keeps every candidate
	// (the recall ceiling); CV is the filter out of fold, each article
	// coded by models that never saw it, at the chosen threshold.
	RulesOnly  *ArticlesReport `json:"rules_only"`
	Candidates *ArticlesReport `json:"candidates"`
	CV         *ArticlesReport `json:"cv"`
}

type articleCands struct {
	gold  *GoldArticle
	text  string
	cands []coder.Candidate
	exs   []int // example index of each candidate
}

// TrainArticleFilter trains the article-level event filter: every
// candidate the rules find in an annotated article is an example, positive
// when its trigger lies in a mention sentence of a gold happening of its
// type. It cross-validates by article (folds ≥ 2, averaged over cvRepeats
// fold draws), picks the threshold that maximises the out-of-fold
// article-level F1, and returns the model trained on every article with
// that threshold. c must be a coder without a filter.
func TrainArticleFilter(ctx context.Context, c *coder.Coder, arts []GoldArticle, docs map[string]marsad.Document, folds int, opt linear.Options) (*linear.Model, *ArticleFilterReport, error) {
	if opt.Average == 0 {
		opt.Average = filterAverage
	}
	rep := &ArticleFilterReport{Folds: folds}
	var exs []linear.Example
	var all []articleCands
	for i := range arts {
		g := &arts[i]
		doc, ok := docs[g.ID]
		if !ok {
			return nil, nil, fmt.Errorf("%s: article %s is not in the corpus", g.File, g.ID)
		}
		cands, err := c.Candidates(ctx, doc)
		if err != nil {
			return nil, nil, err
		}
		spans := mentionSpans(g, doc.Text)
		ac := articleCands{gold: g, text: doc.Text, cands: cands}
		for _, cd := range cands {
			label := false
			p := Prediction{Events: []marsad.Event{cd.Event}}
			for h := range g.Happenings {
				if predMatches(&g.Happenings[h], spans[h], &p) {
					label = true
				}
			}
			ac.exs = append(ac.exs, len(exs))
			exs = append(exs, linear.Example{Features: cd.Features, Label: label, Group: g.ID})
			if label {
				rep.Positives++
			}
		}
		all = append(all, ac)
	}
	rep.Examples = len(exs)
	rep.RulesOnly = scoreArticleVerdicts(all, func(cd *coder.Candidate, _ int) coder.Verdict { return coder.Decide(cd, false, 0, 0) })
	rep.Candidates = scoreArticleVerdicts(all, func(*coder.Candidate, int) coder.Verdict { return coder.Verdict{Keep: true} })
	if folds >= 2 {
		mean := meanOf(outOfFold(exs, folds, opt.Seed, func(int) bool { return true },
			func(train []linear.Example) *linear.Model { return trainArticleModel(train, opt) }))
		best := -1.0
		for thr := 0.05; thr < 0.95; thr += 0.0125 {
			cv := scoreArticleVerdicts(all, func(cd *coder.Candidate, ex int) coder.Verdict {
				return coder.DecideArticle(cd, mean[ex], thr)
			})
			if cv.F1 > best+1e-9 {
				best, rep.Threshold, rep.CV = cv.F1, round2(thr), cv
			}
		}
	} else {
		rep.Threshold = 0.5
	}
	model := trainArticleModel(exs, opt)
	model.Threshold = rep.Threshold
	model.Note = fmt.Sprintf("article-level event filter: %d candidate examples (%d positive) from %d annotated articles; threshold chosen by %d-fold cross-validation by article",
		len(exs), rep.Positives, len(all), folds)
	return model, rep, nil
}

// scoreArticleVerdicts codes every article from its candidates with the
// given verdicts and scores it.
func scoreArticleVerdicts(all []articleCands, judge func(cd *coder.Candidate, example int) coder.Verdict) *ArticlesReport {
	rep := &ArticlesReport{}
	for _, ac := range all {
		vs := make([]coder.Verdict, len(ac.cands))
		for i := range ac.cands {
			vs[i] = judge(&ac.cands[i], ac.exs[i])
		}
		rep.ScoreArticle(ac.gold, ac.text, GroupEvents(coder.Assemble(ac.cands, vs)))
	}
	rep.Finish()
	return rep
}

// WriteReport prints the report for people.
func (r *ArticleFilterReport) WriteReport(w io.Writer) {
	fmt.Fprintf(w, "article-level event filter: %d candidate examples (%d in a gold happening's sentence, of its type)\n", r.Examples, r.Positives)
	fmt.Fprintf(w, "  %-26s %7s %6s %6s %6s\n", "", "key R", "R", "P", "F1")
	row := func(name string, a *ArticlesReport) {
		if a != nil {
			fmt.Fprintf(w, "  %-26s %7.3f %6.3f %6.3f %6.3f\n", name, a.KeyRecall, a.Recall, a.Precision, a.F1)
		}
	}
	row("every candidate", r.Candidates)
	row("rules only", r.RulesOnly)
	row(fmt.Sprintf("%d-fold CV by article", r.Folds), r.CV)
	fmt.Fprintf(w, "  threshold %.3f\n", r.Threshold)
}

// trainArticleModel trains the article filter. A trigger word is evidence
// that something happened: what decides that this mention is not a new
// report is its context, not the word. So no trigger keeps a negative
// weight (the sentence filters learnt to distrust قتل and مواجهات
// themselves, and dropped reports of them).
func trainArticleModel(exs []linear.Example, opt linear.Options) *linear.Model {
	m := linear.Train(exs, opt)
	for f, w := range m.Weights {
		if w < 0 && strings.HasPrefix(f, "trig=") {
			delete(m.Weights, f)
		}
	}
	return m
}

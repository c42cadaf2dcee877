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
	// L2 and MinArticles are the hyper-parameters of the shipped model,
	// chosen with the threshold by cross-validation over every article;
	// FoldHypers are those chosen inside each outer fold's training
	// articles for the CV figures (nested: the test fold chose nothing).
	L2          float64  `json:"l2"`
	MinArticles int      `json:"min_articles"`
	FoldHypers  []string `json:"fold_hypers,omitempty"`
	Examples    int      `json:"examples"`
	Positives   int      `json:"positives"`
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
		var dup map[marsad.Span]bool
		if relabelDuplicates {
			dup = duplicateTriggers(&ac)
		}
		for _, cd := range cands {
			label := false
			p := Prediction{Events: []marsad.Event{cd.Event}}
			for h := range g.Happenings {
				if predMatches(&g.Happenings[h], spans[h], &p) {
					label = true
				}
			}
			if dup[cd.Event.Trigger] {
				label = false
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
	hp := articleHyper{L2: opt.L2, MinArticles: 1, Threshold: 0.5}
	if folds >= 2 {
		rep.CV, rep.FoldHypers = nestedArticleCV(all, exs, folds, opt)
		hp = chooseArticleHyper(all, exs, allIndices(len(all)), folds, opt, newKeepCache(all))
	}
	rep.Threshold, rep.L2, rep.MinArticles = hp.Threshold, hp.L2, hp.MinArticles
	o := opt
	o.L2 = hp.L2
	model := trainArticleModel(exs, o, hp.MinArticles)
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
	fmt.Fprintf(w, "  shipped model: threshold %.3f, L2 %g, features in ≥ %d articles (chosen by CV over all articles; the CV row chose its own inside each training fold)\n", r.Threshold, r.L2, r.MinArticles)
}

// articleHyper is what is chosen without the test articles: the L2
// strength, the fewest training articles a feature must occur in to be
// learnt (rarer lexical features are dropped), and the threshold.
type articleHyper struct {
	L2          float64
	MinArticles int
	Threshold   float64
}

func (h articleHyper) String() string {
	return fmt.Sprintf("l2=%g min=%d thr=%.3f", h.L2, h.MinArticles, h.Threshold)
}

// The grid the hyper-parameters are chosen from, and the thresholds.
var (
	articleL2s         = []float64{1e-3}
	articleMinArticles = []int{1}
)

const (
	thrLow, thrHigh, thrStep = 0.05, 0.9, 0.025
)

func allIndices(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// chooseArticleHyper picks the hyper-parameters and threshold that
// maximise article-level F1 out of fold over the given articles (indices
// into all), by folds-fold cross-validation by article among them alone.
func chooseArticleHyper(all []articleCands, exs []linear.Example, arts []int, folds int, opt linear.Options, cache *keepCache) articleHyper {
	var sub []linear.Example
	var glob []int // global example index of each of sub
	for _, a := range arts {
		for _, i := range all[a].exs {
			sub = append(sub, exs[i])
			glob = append(glob, i)
		}
	}
	parts := linear.Folds(sub, folds, opt.Seed+101)
	best, bestF1 := articleHyper{L2: articleL2s[0], MinArticles: articleMinArticles[0], Threshold: 0.5}, -1.0
	prob := make([]float64, len(exs))
	for _, l2 := range articleL2s {
		for _, minA := range articleMinArticles {
			o := opt
			o.L2 = l2
			for _, part := range parts {
				in := make([]bool, len(sub))
				for _, i := range part {
					in[i] = true
				}
				var train []linear.Example
				for i, e := range sub {
					if !in[i] {
						train = append(train, e)
					}
				}
				m := trainArticleModel(train, o, minA)
				for _, i := range part {
					prob[glob[i]] = m.Prob(sub[i].Features)
				}
			}
			for thr := thrLow; thr < thrHigh; thr += thrStep {
				f1 := cache.f1(arts, func(cd *coder.Candidate, ex int) bool {
					return coder.DecideArticle(cd, prob[ex], thr).Keep
				})
				if f1 > bestF1+1e-9 {
					bestF1 = f1
					best = articleHyper{L2: l2, MinArticles: minA, Threshold: round2(thr)}
				}
			}
		}
	}
	return best
}

// nestedArticleCV codes every article by models that never saw it, over
// cvRepeats fold draws: in each outer fold, the hyper-parameters and the
// threshold are chosen by cross-validation on the training articles
// alone, the model is trained on them and judges the test articles. An
// example is kept when its margin over its fold's threshold, averaged
// over the draws, is not negative.
func nestedArticleCV(all []articleCands, exs []linear.Example, folds int, opt linear.Options) (*ArticlesReport, []string) {
	artOf := make([]int, len(exs))
	for a := range all {
		for _, i := range all[a].exs {
			artOf[i] = a
		}
	}
	margin := make([]float64, len(exs))
	var hypers []string
	cache := newKeepCache(all)
	for r := 0; r < cvRepeats; r++ {
		for _, fold := range linear.Folds(exs, folds, opt.Seed+1+uint64(r)) {
			test := make([]bool, len(all))
			for _, i := range fold {
				test[artOf[i]] = true
			}
			var trainArts []int
			var train []linear.Example
			for a := range all {
				if !test[a] {
					trainArts = append(trainArts, a)
					for _, i := range all[a].exs {
						train = append(train, exs[i])
					}
				}
			}
			hp := chooseArticleHyper(all, exs, trainArts, folds, opt, cache)
			hypers = append(hypers, hp.String())
			o := opt
			o.L2 = hp.L2
			m := trainArticleModel(train, o, hp.MinArticles)
			for _, i := range fold {
				margin[i] += (m.Prob(exs[i].Features) - hp.Threshold) / cvRepeats
			}
		}
	}
	cv := scoreArticleVerdicts(all, func(cd *coder.Candidate, ex int) coder.Verdict {
		return coder.DecideArticle(cd, 0.5+margin[ex], 0.5)
	})
	return cv, hypers
}

// trainArticleModel trains the article filter. A trigger word is evidence
// that something happened: what decides that this mention is not a new
// report is its context, not the word. So no trigger keeps a negative
// weight (the sentence filters learnt to distrust قتل and مواجهات
// themselves, and dropped reports of them).
//
// Features seen in fewer than minArticles training articles are not
// learnt: a word met in one article says more about that article than
// about events.
func trainArticleModel(exs []linear.Example, opt linear.Options, minArticles int) *linear.Model {
	if minArticles > 1 {
		exs = pruneRare(exs, minArticles)
	}
	m := linear.Train(exs, opt)
	for f, w := range m.Weights {
		if w < 0 && strings.HasPrefix(f, "trig=") {
			delete(m.Weights, f)
		}
	}
	return m
}

// pruneRare returns the examples without the features that occur in
// fewer than minGroups groups (articles).
func pruneRare(exs []linear.Example, minGroups int) []linear.Example {
	seen := map[string]map[string]bool{}
	for _, e := range exs {
		for _, f := range e.Features {
			g := seen[f]
			if g == nil {
				g = map[string]bool{}
				seen[f] = g
			}
			g[e.Group] = true
		}
	}
	out := make([]linear.Example, len(exs))
	for i, e := range exs {
		out[i] = linear.Example{Label: e.Label, Group: e.Group}
		for _, f := range e.Features {
			if len(seen[f]) >= minGroups {
				out[i].Features = append(out[i].Features, f)
			}
		}
	}
	return out
}

// keepCache scores articles by which of their candidates are kept,
// remembering each article's counts per keep set: choosing a threshold
// codes the same article with the same keep set many times.
type keepCache struct {
	all  []articleCands
	seen []map[string][2]int // per article: keep set → matched, predicted
}

func newKeepCache(all []articleCands) *keepCache {
	return &keepCache{all: all, seen: make([]map[string][2]int, len(all))}
}

// f1 is the article-level F1 over the articles arts (indices) when keep
// decides each candidate.
func (c *keepCache) f1(arts []int, keep func(cd *coder.Candidate, example int) bool) float64 {
	var gold, matched, pred int
	for _, a := range arts {
		ac := &c.all[a]
		key := make([]byte, len(ac.cands))
		for i := range ac.cands {
			key[i] = '0'
			if keep(&ac.cands[i], ac.exs[i]) {
				key[i] = '1'
			}
		}
		if c.seen[a] == nil {
			c.seen[a] = map[string][2]int{}
		}
		n, ok := c.seen[a][string(key)]
		if !ok {
			var r ArticlesReport
			vs := make([]coder.Verdict, len(ac.cands))
			for i := range vs {
				vs[i] = coder.Verdict{Keep: key[i] == '1'}
			}
			r.ScoreArticle(ac.gold, ac.text, GroupEvents(coder.Assemble(ac.cands, vs)))
			n = [2]int{r.Matched, r.Predicted}
			c.seen[a][string(key)] = n
		}
		gold += len(ac.gold.Happenings)
		matched += n[0]
		pred += n[1]
	}
	return f1(ratio(matched, pred), ratio(matched, gold))
}

// relabelDuplicates: a candidate whose happening, with every candidate
// kept, is a duplicate of a happening another prediction found is a
// negative example (a second report the article filter should drop),
// though its sentence tells a gold happening of its type.
var relabelDuplicates = true

// duplicateTriggers codes the article keeping every candidate and returns
// the triggers of the events of its duplicate predictions (those of no
// matched prediction).
func duplicateTriggers(ac *articleCands) map[marsad.Span]bool {
	vs := make([]coder.Verdict, len(ac.cands))
	for i := range vs {
		vs[i] = coder.Verdict{Keep: true}
	}
	var r ArticlesReport
	r.ScoreArticle(ac.gold, ac.text, GroupEvents(coder.Assemble(ac.cands, vs)))
	matched := map[marsad.Span]bool{}
	for _, m := range r.Matches {
		for _, e := range m.Pred.Events {
			matched[e.Trigger] = true
		}
	}
	dup := map[marsad.Span]bool{}
	for _, a := range r.Alarms {
		if a.Duplicate {
			for _, e := range a.Pred.Events {
				if !matched[e.Trigger] {
					dup[e.Trigger] = true
				}
			}
		}
	}
	return dup
}

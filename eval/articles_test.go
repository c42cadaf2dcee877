package eval_test

import (
	"context"
	"fmt"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/eval"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/linear"
)

// A gold happening told in two sentences: a prediction in either finds it,
// a second prediction of it (not linked by coreference) is a duplicate
// false alarm, and a prediction of another type finds nothing.
func ExampleArticlesReport_ScoreArticle() {
	text := "قصف الطيران مدينة درنة. وأسفر القصف عن مقتل ثلاثة مدنيين."
	gold := eval.GoldArticle{ID: "a", Happenings: []eval.GoldHappening{{
		ID: "h1", EventType: "ASSAULT", Key: true, Modality: "asserted",
		Mentions: []eval.GoldMention{
			{Text: "قصف الطيران مدينة درنة.", Trigger: "قصف", Kind: "report"},
			{Text: "وأسفر القصف عن مقتل ثلاثة مدنيين.", Trigger: "مقتل", Kind: "repeat"},
		},
	}}}
	ev := func(id, typ string, at int) marsad.Event {
		return marsad.Event{ID: id, EventType: typ, Modality: "asserted", Trigger: marsad.Span{Start: at, End: at + 3}}
	}
	preds := eval.GroupEvents([]marsad.Event{
		ev("e1", "ASSAULT", 0),  // in the first mention
		ev("e2", "ASSAULT", 37), // in the second, a happening of its own
		ev("e3", "PROTEST", 5),  // wrong type
	})
	var r eval.ArticlesReport
	r.ScoreArticle(&gold, text, preds)
	r.Finish()
	fmt.Printf("recall %.2f, precision %.2f, key recall %.2f, duplicates %d\n", r.Recall, r.Precision, r.KeyRecall, dups(r.Alarms))
	// Output: recall 1.00, precision 0.33, key recall 1.00, duplicates 1
}

func dups(as []eval.Alarm) int {
	n := 0
	for _, a := range as {
		if a.Duplicate {
			n++
		}
	}
	return n
}

// articleSet reads the committed article set and its texts.
func articleSet(t *testing.T, dir string) ([]eval.GoldArticle, map[string]marsad.Document) {
	t.Helper()
	arts, err := eval.ReadGoldArticles(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := eval.ArticleTexts(shared.Path(t, "corpus/ant-politics-2000.jsonl"), arts)
	if err != nil {
		t.Fatal(err)
	}
	return arts, docs
}

// Every annotation is valid: known types and modalities, and every mention
// a verbatim sentence of its article's text.
func TestArticleSetIsValid(t *testing.T) {
	for dir, want := range map[string]int{"testdata/articles/primary": 120, "testdata/articles/second": 20} {
		arts, docs := articleSet(t, dir)
		if len(arts) != want {
			t.Errorf("%s: %d articles, want %d", dir, len(arts), want)
		}
		for _, a := range arts {
			doc, ok := docs[a.ID]
			if !ok {
				t.Errorf("%s: %s is not in the corpus", a.File, a.ID)
				continue
			}
			if errs, _ := a.Check(doc.Text); len(errs) > 0 {
				t.Errorf("%s: %v", a.File, errs)
			}
		}
	}
}

// The article filter's cross-validated figures are the coder's accuracy
// on whole articles. The CV is nested (the threshold and L2 are chosen
// inside each outer fold's training articles), which is honest but lower
// than the old threshold chosen over every article's out-of-fold scores
// (precision 0.579 then, 0.544 nested with the same model). Floors sit a
// little below the figures of this commit (key recall 0.798, recall 0.658,
// precision 0.564).
func TestArticleFilterCrossValidatedDoesNotRegress(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the article filter with cross-validation")
	}
	arts, docs := articleSet(t, "testdata/articles/primary")
	c, err := knowledge.Builtin().Coder(false)
	if err != nil {
		t.Fatal(err)
	}
	_, rep, err := eval.TrainArticleFilter(context.Background(), c, arts, docs, 5, linear.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	cv := rep.CV
	t.Logf("CV: key recall %.3f, recall %.3f, precision %.3f, F1 %.3f", cv.KeyRecall, cv.Recall, cv.Precision, cv.F1)
	if cv.KeyRecall < 0.80 || cv.Recall < 0.65 || cv.Precision < 0.58 {
		t.Errorf("CV key recall %.3f (floor 0.80), recall %.3f (0.65), precision %.3f (0.58)", cv.KeyRecall, cv.Recall, cv.Precision)
	}
}

// The role models, cross-validated by article, name the doer and the one
// acted on more often than the rules alone do (the figures of
// docs/accuracy.md; floors just under them).
func TestRoleModelsCrossValidatedBeatTheRules(t *testing.T) {
	if testing.Short() {
		t.Skip("codes the article set six times")
	}
	arts, docs := articleSet(t, "testdata/articles/primary")
	c, err := knowledge.Builtin().Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	_, _, rep, err := eval.TrainRoleModels(context.Background(), c.WithRoleModels(nil, nil), arts, docs, 5, linear.Options{Epochs: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("source right: rules %.3f, CV %.3f; target right: rules %.3f, CV %.3f", rep.Rules.Source.Rate, rep.CV.Source.Rate, rep.Rules.Target.Rate, rep.CV.Target.Rate)
	if rep.CV.Source.Rate < rep.Rules.Source.Rate+0.08 || rep.CV.Source.Rate < 0.53 {
		t.Errorf("CV source right %.3f, want at least 0.53 and 0.08 over the rules' %.3f", rep.CV.Source.Rate, rep.Rules.Source.Rate)
	}
	if rep.CV.Target.Rate < rep.Rules.Target.Rate || rep.CV.Target.Rate < 0.34 {
		t.Errorf("CV target right %.3f, want at least 0.34 and the rules' %.3f", rep.CV.Target.Rate, rep.Rules.Target.Rate)
	}
	if rep.CV.Recall != rep.Rules.Recall || rep.CV.Precision != rep.Rules.Precision {
		t.Errorf("role models changed detection: R %.3f→%.3f, P %.3f→%.3f (they must only change roles)", rep.Rules.Recall, rep.CV.Recall, rep.Rules.Precision, rep.CV.Precision)
	}
}

package eval_test

import (
	"context"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/eval"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/knowledge"
)

// placeGold reads the place gold and its articles' texts.
func placeGold(t *testing.T) ([]eval.GoldPlaceArticle, map[string]marsad.Document) {
	t.Helper()
	arts, err := eval.ReadGoldPlaces("testdata/places")
	if err != nil {
		t.Fatal(err)
	}
	var ids []eval.GoldArticle
	for _, a := range arts {
		ids = append(ids, eval.GoldArticle{ID: a.ID})
	}
	docs, err := eval.ArticleTexts(shared.Path(t, "corpus/ant-politics-2000.jsonl"), ids)
	if err != nil {
		t.Fatal(err)
	}
	return arts, docs
}

// Every place mention of the gold is found in its article's text, and
// the set holds at least 300 mentions (issue: place gold).
func TestPlaceGoldIsValid(t *testing.T) {
	arts, docs := placeGold(t)
	n := 0
	for i := range arts {
		doc, ok := docs[arts[i].ID]
		if !ok {
			t.Fatalf("%s is not in the corpus", arts[i].ID)
		}
		if err := arts[i].Locate(doc.Text); err != nil {
			t.Error(err)
		}
		n += len(arts[i].Places)
	}
	if len(arts) != 60 || n < 300 {
		t.Errorf("%d articles, %d mentions; want 60 articles and 300 mentions or more", len(arts), n)
	}
}

// Floors a little below the figures of docs/accuracy.md, on the held-out
// part (articles 81-110), to catch regressions.
func TestGeoDoesNotRegress(t *testing.T) {
	arts, docs := placeGold(t)
	var held []eval.GoldPlaceArticle
	for _, a := range arts {
		if a.Pos >= 81 {
			held = append(held, a)
		}
	}
	c, err := knowledge.Builtin().Coder(false)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Geo(context.Background(), held, docs, c.Places)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("held out: recall %.3f, precision %.3f, country %.3f, place %.3f", rep.Recall, rep.Precision, rep.CountryShare, rep.PlaceShare)
	if rep.Recall < 0.74 || rep.Precision < 0.90 || rep.CountryShare < 0.97 || rep.PlaceShare < 0.95 {
		t.Errorf("held out: recall %.3f (floor 0.74), precision %.3f (0.90), country %.3f (0.97), place %.3f (0.95)",
			rep.Recall, rep.Precision, rep.CountryShare, rep.PlaceShare)
	}
}

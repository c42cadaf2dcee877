package eval

import (
	"os"
	"testing"

	"github.com/marsad/marsad/internal/shared"
)

// The clitic scorer on the Farasa WikiNews gold. The figure is reported, not
// asserted tightly: the floor only catches a broken segmenter.
func TestScoreSegmentationWikiNews(t *testing.T) {
	f, err := os.Open(shared.Path(t, "gold/segmentation/kdarwish_Farasa_WikiNews.pos.ref"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := ScoreSegmentation(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("words %d, word accuracy %.4f, clitic words %.4f, boundary P %.4f R %.4f F1 %.4f",
		rep.Words, rep.WordAccuracy, rep.CliticAcc, rep.Precision, rep.Recall, rep.F1)
	if rep.Words < 16000 || rep.WordAccuracy < 0.95 {
		t.Errorf("word accuracy %.4f on %d words: the segmenter regressed", rep.WordAccuracy, rep.Words)
	}
}

func TestParseGoldSeg(t *testing.T) {
	cases := []struct{ tok, tags, want, surface string }{
		{"و+ال+تلفزيون", "CONJ+DET+NOUN", "و+ال+تلفزيون", "والتلفزيون"},
		{"ترشيح+ات+ها", "NOUN+NSUFF+PRON", "ترشيحات+ها", "ترشيحاتها"},
		{"أعلن+ت", "V+PRON", "اعلنت", "اعلنت"},
		{"ل+ال+مؤتمر", "PREP+DET+NOUN", "ل+ال+مؤتمر", "للمؤتمر"},
		{"ل+ه", "PREP+PRON", "ل+ه", "له"},
		{"و+هو", "CONJ+PRON", "و+هو", "وهو"},
	}
	for _, c := range cases {
		g, ok := ParseGoldSeg(c.tok, c.tags)
		if !ok || joinSeg(g.Prefixes, g.Stem, g.Suffixes) != c.want || g.Surface != c.surface {
			t.Errorf("ParseGoldSeg(%s) = %+v, want %s (%s)", c.tok, g, c.want, c.surface)
		}
	}
	if _, ok := ParseGoldSeg("،", "PUNC"); ok {
		t.Error("punctuation line was scored")
	}
}

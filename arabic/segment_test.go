package arabic

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/shared"
)

func TestSegment(t *testing.T) {
	cases := []struct{ word, want string }{
		{"والتلفزيون", "و+ال+تلفزيون"},
		{"للحكومة", "ل+ال+حكومه"},
		{"بالجيش", "ب+ال+جيش"},
		{"وقال", "و+قال"},
		{"ستكون", "س+تكون"},
		{"وسيتم", "و+س+يتم"},
		{"قواتها", "قوات+ها"},
		{"عليه", "علي+ه"},
		{"له", "ل+ه"},
		{"ومنه", "و+من+ه"},
		{"بمصراتة", "ب+مصراته"},
		// Names and words that only look segmentable.
		{"ليبيا", "ليبيا"},
		{"بعيو", "بعيو"},
		{"لبنان", "لبنان"},
		{"وزارة", "وزاره"},
		{"سياسة", "سياسه"},
		{"هناك", "هناك"},
		{"كما", "كما"},
		{"ليبي", "ليبي"},
		{"مدينة", "مدينه"},
		// ال that is no article.
		{"الله", "الله"},
		{"الذي", "الذي"},
		{"التي", "التي"},
		{"إلا", "الا"},
		{"إلى", "الي"},
		{"وإلى", "و+الي"},
		{"الخطة", "ال+خطه"},
	}
	for _, c := range cases {
		pre, stem, suf := Segment(Fold(c.word))
		if got := joinSeg(pre, stem, suf); got != c.want {
			t.Errorf("Segment(%s) = %s, want %s", c.word, got, c.want)
		}
	}
}

// Tokenize knows the surface: a final ة is never a pronoun.
func TestTokenizeSegments(t *testing.T) {
	toks := Tokenize(sentence("وبعد تقدم الجيش الليبي في عدة مواقع", 0))
	var got []string
	for _, x := range toks {
		got = append(got, joinSeg(x.Prefixes, x.Stem, x.Suffixes))
	}
	want := "و+بعد تقدم ال+جيش ال+ليبي في عده مواقع"
	if strings.Join(got, " ") != want {
		t.Errorf("segmentation = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestSegmentOddInput(t *testing.T) {
	for _, w := range []string{"", "و", "2019", "abc", "ال", "لل", "وال", "\uFFFD"} {
		pre, stem, suf := Segment(w)
		if strings.Join(pre, "")+stem+strings.Join(suf, "") != w && w != "لل" {
			t.Errorf("Segment(%q) = %v %q %v loses letters", w, pre, stem, suf)
		}
	}
}

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

func ExampleSegment() {
	fmt.Println(Segment(Fold("وبالمجموعات")))
	fmt.Println(Segment(Fold("قواتها")))
	fmt.Println(Segment(Fold("ليبيا")))
	// Output:
	// [و ب ال] مجموعات []
	// [] قوات [ها]
	// [] ليبيا []
}

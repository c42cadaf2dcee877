package arabic

import (
	"fmt"
	"strings"
	"testing"
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

func ExampleSegment() {
	fmt.Println(Segment(Fold("وبالمجموعات")))
	fmt.Println(Segment(Fold("قواتها")))
	fmt.Println(Segment(Fold("ليبيا")))
	// Output:
	// [و ب ال] مجموعات []
	// [] قوات [ها]
	// [] ليبيا []
}

// joinSeg writes a segmentation as the tests expect it: و+ال+خطه.
func joinSeg(prefixes []string, stem string, suffixes []string) string {
	return strings.Join(append(append(append([]string{}, prefixes...), stem), suffixes...), "+")
}

package arabic

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/shared"
)

func texts(ss []marsad.Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSplitRules(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"question and stop", "كيف سيؤثر انسحابها؟ قال مراقبون إنه بداية.", []string{"كيف سيؤثر انسحابها؟", "قال مراقبون إنه بداية."}},
		{"comma and semicolon do not split", "سحبت ميليشياتها، وقال؛ ثم عادت.", []string{"سحبت ميليشياتها، وقال؛ ثم عادت."}},
		{"decimal", "بلغ النمو 3.5 في المئة. وتراجع", []string{"بلغ النمو 3.5 في المئة.", "وتراجع"}},
		{"initial", "قال د. محمد الرعيش إن الخطة فشلت.", []string{"قال د. محمد الرعيش إن الخطة فشلت."}},
		{"U.S.", "The U.S. Army left. Then it came back.", []string{"The U.S. Army left.", "Then it came back."}},
		{"dotted name", "في تصريح للعربية.نت، إن القرار اتخذ.", []string{"في تصريح للعربية.نت، إن القرار اتخذ."}},
		{"year with م", "وقع الهجوم عام 2019م. ثم انسحبوا", []string{"وقع الهجوم عام 2019م.", "ثم انسحبوا"}},
		{"closing quote stays", "قال: \"سننسحب.\" وغادر", []string{"قال: \"سننسحب.\"", "وغادر"}},
		{"guillemets", "قال «انتهى الأمر!» ثم صمت.", []string{"قال «انتهى الأمر!»", "ثم صمت."}},
		{"newline", "العنوان\nالفقرة الأولى", []string{"العنوان", "الفقرة الأولى"}},
		{"ellipsis", "الوفاق.. كيف؟", []string{"الوفاق..", "كيف؟"}},
		{"joiner .,", "داخل العاصمة., ومنذ انطلاق", []string{"داخل العاصمة.", "ومنذ انطلاق"}},
		{"joiner after Arabic comma", "وحكومة الوفاق، ,سيكون له انعكاس", []string{"وحكومة الوفاق،", "سيكون له انعكاس"}},
		{"leading comma", ",سيكون له انعكاس", []string{"سيكون له انعكاس"}},
		{"real comma", "Tripoli, Misrata and Sirte.", []string{"Tripoli, Misrata and Sirte."}},
		{"bare punctuation is no sentence", "... !", nil},
	}
	for _, c := range cases {
		got := texts(Split(c.in))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: Split(%q) =\n  %q\nwant\n  %q", c.name, c.in, got, c.want)
		}
	}
}

func TestSplitLongRun(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString("كلمة ")
		if i%150 == 149 {
			b.WriteString("وأخرى، ")
		}
	}
	ss := Split(b.String())
	if len(ss) < 3 {
		t.Fatalf("1000 words without a stop gave %d sentences", len(ss))
	}
	for _, s := range ss {
		if n := len(strings.Fields(s.Text)); n > maxSentenceWords {
			t.Errorf("sentence %d has %d words", s.Index, n)
		}
	}
	checkSentences(t, b.String(), ss)
}

// checkSentences asserts the span invariants of Split.
func checkSentences(t *testing.T, text string, ss []marsad.Sentence) {
	t.Helper()
	rs := []rune(text)
	prev := 0
	for i, s := range ss {
		if s.Index != i || s.Start < prev || s.End <= s.Start || s.End > len(rs) {
			t.Fatalf("sentence %d: bad span [%d,%d) after %d (len %d)", i, s.Start, s.End, prev, len(rs))
		}
		if got := string(rs[s.Start:s.End]); got != s.Text {
			t.Fatalf("sentence %d: text %q but span holds %q", i, s.Text, got)
		}
		if strings.TrimSpace(s.Text) != s.Text {
			t.Errorf("sentence %d is not trimmed: %q", i, s.Text)
		}
		prev = s.End
	}
}

func TestSplitSeedArticle(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed/000_a763ce97bed870a3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	ss := Split(text)
	checkSentences(t, text, ss)
	// Token offsets round-trip into the document too.
	rs := []rune(text)
	for _, s := range ss {
		for _, tok := range Tokenize(s) {
			if string(rs[tok.Start:tok.End]) != tok.Text {
				t.Fatalf("token %q at [%d,%d) holds %q", tok.Text, tok.Start, tok.End, string(rs[tok.Start:tok.End]))
			}
		}
	}
	if len(ss) != 12 {
		t.Errorf("seed article: %d sentences, want 12:\n%s", len(ss), strings.Join(texts(ss), "\n"))
	}
	var manoeuvre, dotNet int
	for i, s := range ss {
		if strings.HasPrefix(s.Text, ",") || strings.HasSuffix(s.Text, ",") {
			t.Errorf("sentence %d keeps the joiner comma: %q", i, s.Text)
		}
		if strings.Contains(s.Text, "هذه الخطّة قد تكون مناورة") {
			manoeuvre++
			if !strings.HasSuffix(s.Text, "مناورة.") || strings.Contains(s.Text, "وأوضح") {
				t.Errorf("the manoeuvre sentence runs into the next paragraph: %q", s.Text)
			}
			if !strings.HasPrefix(s.Text, "وفي هذا السياق") {
				t.Errorf("the manoeuvre sentence does not start its paragraph: %q", s.Text)
			}
		}
		if strings.Contains(s.Text, "للعربية.نت") {
			dotNet++
		}
	}
	if manoeuvre != 1 || dotNet != 1 {
		t.Errorf("manoeuvre sentence found %d times, العربية.نت %d times; want 1 each", manoeuvre, dotNet)
	}
	if ss[3].Text != "سيكون له انعكاس على مستقبل ومسار العمليات العسكرية داخل العاصمة." {
		t.Errorf("sentence 3 = %q", ss[3].Text)
	}
}

func ExampleSplit() {
	for _, s := range Split("قال العميد خالد المحجوب في تصريح للعربية.نت: إن القرار اتخذ., وأوضح محجوب أن هذا الانسحاب جاء بناء على معطيات ميدانية.") {
		fmt.Println(s.Start, s.End, s.Text)
	}
	// Output:
	// 0 60 قال العميد خالد المحجوب في تصريح للعربية.نت: إن القرار اتخذ.
	// 62 118 وأوضح محجوب أن هذا الانسحاب جاء بناء على معطيات ميدانية.
}

// Dots glued to words ("كلمة...كلمة...", common in social-media text) end
// sentences like any other full stop. (The look-back before a dot is
// bounded, so this input is linear: see BenchmarkSplitGluedDots.)
func TestSplitGluedDots(t *testing.T) {
	text := strings.Repeat("كلمة...", 2000)
	sents := Split(text)
	if len(sents) < 1000 {
		t.Fatalf("%d sentences from 2000 glued ellipses", len(sents))
	}
	r := []rune(text)
	for _, s := range sents {
		if string(r[s.Start:s.End]) != s.Text {
			t.Fatalf("offsets of %+v do not round-trip", s)
		}
	}
}

func BenchmarkSplitGluedDots(b *testing.B) {
	text := strings.Repeat("كلمة...", 20000)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Split(text)
	}
}

package when

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/internal/shared"
)

// builtin is the resolver over the built-in date words.
var builtin = func() *Resolver {
	r, err := Load(data.FS)
	if err != nil {
		panic(err)
	}
	return r
}()

// Resolve resolves with the built-in date words.
func Resolve(text, articleDate string) []Expr { return builtin.Resolve(text, articleDate) }

// show renders expressions as "text=date/precision" (with "<" when past).
func show(es []Expr) string {
	var parts []string
	for _, e := range es {
		past := ""
		if e.Past {
			past = "<"
		}
		parts = append(parts, fmt.Sprintf("%s=%s/%s%s", e.Text, e.Date, e.Precision, past))
	}
	return strings.Join(parts, " | ")
}

func check(t *testing.T, text, article, want string) {
	t.Helper()
	if got := show(Resolve(text, article)); got != want {
		t.Errorf("Resolve(%q, %s)\n got  %s\n want %s", text, article, got, want)
	}
}

// The seed article is dated Friday 2019-10-25.
func TestSeedPhrases(t *testing.T) {
	check(t, "ومنذ انطلاق عملية تحرير العاصمة طرابلس في الرابع من أبريل الماضي، دفعت مدينة مصراتة بتعزيزات",
		"2019-10-25", "الرابع من أبريل الماضي=2019-04-04/day<")
	check(t, "وبعد تقدم الجيش الليبي في عدة مواقع خلال الأيام الماضية، بدأ مقاتلو مصراتة الجمعة، في الانسحاب من محاور القتال",
		"2019-10-25", "الجمعة=2019-10-25/day")
}

func TestSeedFile(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed/000_a763ce97bed870a3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	es := Resolve(text, "2019-10-25")
	if len(es) == 0 {
		t.Fatal("no dates in the seed article")
	}
	runes := []rune(text)
	for _, e := range es {
		if string(runes[e.Start:e.End]) != e.Text {
			t.Errorf("offsets %d-%d hold %q, not %q", e.Start, e.End, string(runes[e.Start:e.End]), e.Text)
		}
	}
	if es[0].Text != "الرابع من أبريل الماضي" || es[0].Date != "2019-04-04" {
		t.Errorf("first date %+v", es[0])
	}
}

func TestAbsoluteDates(t *testing.T) {
	check(t, "اغتيلت بوتو في 27 ديسمبر 2007 في روالبندي", "2019-10-25", "27 ديسمبر 2007=2007-12-27/day<")
	check(t, "بيان صادر بتاريخ 2019/10/25", "2019-10-25", "2019/10/25=2019-10-25/day")
	check(t, "بتاريخ ٢٥/١٠/٢٠١٩ و10-3-2018", "", "٢٥/١٠/٢٠١٩=2019-10-25/day | 10-3-2018=2018-03-10/day")
	check(t, "في 12 أيار/مايو 2018 وفي 18 شباط/فبراير", "2019-10-25",
		"12 أيار/مايو 2018=2018-05-12/day< | 18 شباط/فبراير=2019-02-18/day<")
	check(t, "في الحادي والثلاثين من ديسمبر/كانون الأول 2018", "2019-10-25",
		"الحادي والثلاثين من ديسمبر/كانون الأول 2018=2018-12-31/day<")
	check(t, "في الأول من تشرين الثاني المقبل", "2019-10-25", "الأول من تشرين الثاني المقبل=2019-11-01/day")
	check(t, "آذار/مارس 2015 وعام 2016م", "2019-10-25", "آذار/مارس 2015=2015-03-01/month< | عام 2016م=2016-01-01/year<")
	check(t, "في أيار الماضي وشهر آب", "2019-10-25", "أيار الماضي=2019-05-01/month< | شهر آب=2019-08-01/month<")
	// Nearest year, but the past preferred: March before October is that year's.
	check(t, "on 5 March and March 5, 2019", "2019-10-25", "on 5 March=2019-03-05/day< | March 5, 2019=2019-03-05/day<")
	check(t, "في 2 نوفمبر", "2019-10-25", "2 نوفمبر=2019-11-02/day")
}

func TestRelativeDates(t *testing.T) {
	check(t, "أمس وأول أمس واليوم", "2019-10-25",
		"أمس=2019-10-24/day< | أول أمس=2019-10-23/day< | اليوم=2019-10-25/day")
	check(t, "ويوم الخميس الماضي ومساء السبت والجمعة الماضية", "2019-10-25",
		"يوم الخميس الماضي=2019-10-24/day< | مساء السبت=2019-10-19/day< | الجمعة الماضية=2019-10-18/day<")
	check(t, "منذ ثلاثة أيام وقبل يومين ومنذ عام وبالأمس", "2019-10-25",
		"منذ ثلاثة أيام=2019-10-22/day< | قبل يومين=2019-10-23/day< | منذ عام=2018-01-01/year< | الأمس=2019-10-24/day<")
	check(t, "الأسبوع الماضي والشهر الماضي والعام المقبل", "2019-10-25",
		"الأسبوع الماضي=2019-10-18/week< | الشهر الماضي=2019-09-01/month< | العام المقبل=2020-01-01/year")
	// Plurals without a number ("a few days ago") are too vague to date.
	check(t, "منذ أيام وقبل أسابيع", "2019-10-25", "")
	check(t, "yesterday, on Friday, last week, three days ago, last Friday", "2019-10-25",
		"yesterday=2019-10-24/day< | on Friday=2019-10-25/day | last week=2019-10-18/week< | three days ago=2019-10-22/day< | last Friday=2019-10-18/day<")
}

func TestWithoutArticleDate(t *testing.T) {
	check(t, "أمس وفي 27 ديسمبر 2007", "", "أمس=/day | 27 ديسمبر 2007=2007-12-27/day")
	check(t, "أمس", "not a date", "أمس=/day")
}

func TestNotDates(t *testing.T) {
	check(t, "المسؤول الأول عن الملف وحزب مارس", "2019-10-25", "")
	check(t, "في 30 فبراير", "2019-10-25", "")
	check(t, "قتل 27 شخصا في عام واحد", "2019-10-25", "")
}

func TestCorpusPhrases(t *testing.T) {
	// From ANT corpus articles (Al Arabiya, 2018-02-28 and others).
	check(t, "وقبل بضعة أيام على مغادرته عام 2016، كتب", "2018-02-28", "عام 2016=2016-01-01/year<")
	check(t, "وأعلن الجيش مساء الأربعاء أن", "2018-02-28", "مساء الأربعاء=2018-02-28/day")
}

func TestCorpusOffsets(t *testing.T) {
	path := shared.Path(t, "corpus/ant-politics-2000.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range bytes.Split(b, []byte("\n"))[:300] {
		text := string(line)
		runes := []rune(text)
		for _, e := range Resolve(text, "2018-06-15") {
			n++
			if e.Start < 0 || e.End > len(runes) || string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("bad span %+v", e)
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d date expressions in 300 articles", n)
	}
}

func TestLoad(t *testing.T) {
	r, err := Load(fstest.MapFS{"dates.tsv": {Data: []byte("# test\nrel\tsometime\t-3d\nweekday\tfriday\t5\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(r.Resolve("sometime, not yesterday", "2019-10-25")); got != "sometime=2019-10-22/day<" {
		t.Errorf("custom vocabulary: %s", got)
	}
	for _, bad := range []string{"rel\tx", "month\tx\t13", "colour\tred", "unit\tx\tq", "rel\tx\t-1q", "past\tx\t1", "ago\tx\tnow", "a\tb\tc\td"} {
		if _, err := Parse([]byte(bad), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
			t.Errorf("Parse(%q) error = %v", bad, err)
		}
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("Load without dates.tsv succeeded")
	}
	dir := t.TempDir()
	os.WriteFile(dir+"/dates.tsv", []byte("rel\tsometime\t-3d\n"), 0o644)
	k, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r, err = Load(k); err != nil || show(r.Resolve("sometime yesterday", "2019-10-25")) != "sometime=2019-10-22/day<" {
		t.Errorf("the data folder's copy is not used: %v", err)
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("في الرابع من أبريل الماضي، بدأ مقاتلو مصراتة الجمعة", "2019-10-25")
	f.Add("27 ديسمبر 2007 و2019/10/25 ومنذ ثلاثة أيام", "")
	f.Add("on 5 March, last week \xff", "2000-02-29")
	if root := shared.Root(); root != "" { // the founding example, sentence by sentence
		if b, err := os.ReadFile(filepath.Join(root, "seed", "000_a763ce97bed870a3.txt")); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if len(line) > 0 && len(line) < 1200 {
					f.Add(line, "2019-10-25")
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		runes := []rune(text)
		last := 0
		for _, e := range Resolve(text, date) {
			if e.Start < last || e.End <= e.Start || e.End > len(runes) || string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("bad span %+v in %q", e, text)
			}
			if e.Date != "" && !utf8.ValidString(e.Date) || e.Date != "" && len(e.Date) != 10 {
				t.Fatalf("bad date %+v", e)
			}
			last = e.End
		}
	})
}

func BenchmarkResolveSeed(b *testing.B) {
	text, err := os.ReadFile(shared.Path(b, "seed/000_a763ce97bed870a3.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Resolve(string(text), "2019-10-25")
	}
}

// A named event's day is that event's date; "that same day" is no date;
// a day of a month after "من شهر" is that day.
func TestNamedEventsSameDayAndMonthWord(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"منذ هجمات 11 سبتمبر", "2001-09-11"},
		{"في ذكرى ثورة 17 فبراير", "2011-02-17"},
		{"في 11 سبتمبر", "2019-09-11"}, // a plain day stays this year's
		{"في 8 من شهر يوليو", "2019-07-08"},
		{"في اليوم ذاته", ""},
		{"في ذلك اليوم", ""},
		{"قتل اليوم", "2019-10-25"},
	} {
		got := ""
		if xs := Resolve(c.text, "2019-10-25"); len(xs) > 0 {
			got = xs[0].Date
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

package coder_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/reader"
)

func code(t *testing.T, text, date string) []marsad.Event {
	t.Helper()
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := c.Code(context.Background(), marsad.Document{ID: "t", Text: text, Date: date})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func seed(t *testing.T) []marsad.Event {
	b, err := os.ReadFile(shared.Path(t, "seed/000_a763ce97bed870a3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return code(t, string(b), "2019-10-25")
}

func find(evs []marsad.Event, typ string, ok func(*marsad.Event) bool) *marsad.Event {
	for i := range evs {
		if evs[i].EventType == typ && ok(&evs[i]) {
			return &evs[i]
		}
	}
	return nil
}

func TestSeedRetreatOfMisrataGroupsFromTripoli(t *testing.T) {
	evs := seed(t)
	e := find(evs, "RETREAT", func(e *marsad.Event) bool {
		return e.Source != nil && strings.Contains(e.Source.Text, "مصراتة") && e.Counts()
	})
	if e == nil {
		t.Fatalf("no asserted RETREAT by the Misrata armed groups; events: %s", summary(evs))
	}
	if e.Source.ActorID == "" {
		t.Errorf("source %q is not resolved to a dictionary actor", e.Source.Text)
	}
	if e.Location == nil || !strings.Contains(e.Location.Text, "طرابلس") || e.Location.Country != "LBY" {
		t.Errorf("location = %+v, want Tripoli, Libya", e.Location)
	}
}

func TestSeedKillingOfBaiouInClashesWithTheArmy(t *testing.T) {
	evs := seed(t)
	e := find(evs, "ASSAULT", func(e *marsad.Event) bool {
		return e.Target != nil && strings.Contains(e.Target.Text, "محمد بعيو")
	})
	if e == nil {
		t.Fatalf("no ASSAULT with محمد بعيو as target; events: %s", summary(evs))
	}
	if e.Source == nil || !strings.Contains(e.Source.Text, "الجيش") {
		t.Errorf("source = %+v, want the army", e.Source)
	}
	if e.Location == nil || e.Location.Country != "LBY" {
		t.Errorf("location = %+v, want Tripoli, Libya", e.Location)
	}
}

func TestSeedHypotheticalsAreNotAsserted(t *testing.T) {
	for _, e := range seed(t) {
		if !e.Counts() {
			continue
		}
		if strings.Contains(e.Sentence, "قد تكون مناورة") && strings.Contains(e.Trigger.Text, "مناورة") {
			t.Errorf("the possible manoeuvre is coded as asserted: %+v", e.Trigger)
		}
		if strings.Contains(e.Sentence, "إذا توصلت إلى تسويات") && strings.Contains(e.Trigger.Text, "عودة") {
			t.Errorf("the possible return of the Misrata groups is coded as asserted: %+v", e.Trigger)
		}
	}
}

func TestSeedOffsetsRoundTrip(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed/000_a763ce97bed870a3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	evs := seed(t)
	if len(evs) == 0 {
		t.Fatal("no events on the seed")
	}
	checkOffsets(t, []rune(string(b)), evs)
}

// checkOffsets asserts that every span's text is exactly the document's
// code points between its offsets.
func checkOffsets(t *testing.T, doc []rune, evs []marsad.Event) {
	t.Helper()
	at := func(what string, text string, s, e int) {
		if s < 0 || e > len(doc) || s > e || string(doc[s:e]) != text {
			t.Errorf("%s: text %q does not match document[%d:%d]", what, text, s, e)
		}
	}
	for _, e := range evs {
		at("sentence", e.Sentence, e.SentenceStart, e.SentenceEnd)
		at("trigger", e.Trigger.Text, e.Trigger.Start, e.Trigger.End)
		if e.Source != nil {
			at("source", e.Source.Text, e.Source.Start, e.Source.End)
		}
		if e.Target != nil {
			at("target", e.Target.Text, e.Target.Start, e.Target.End)
		}
		if e.Location != nil {
			at("location", e.Location.Text, e.Location.Start, e.Location.End)
		}
		if e.ClaimedBy != nil {
			at("claimed_by", e.ClaimedBy.Text, e.ClaimedBy.Start, e.ClaimedBy.End)
		}
	}
}

func summary(evs []marsad.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString("\n  " + e.EventType + "/" + e.Modality + " " + e.Trigger.Text)
		if e.Source != nil {
			b.WriteString(" src=" + e.Source.Text)
		}
		if e.Target != nil {
			b.WriteString(" tgt=" + e.Target.Text)
		}
	}
	return b.String()
}

func TestCorpusOffsetsAndNoPanics(t *testing.T) {
	docs := corpus(t, 0)
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		evs, err := c.Code(context.Background(), d)
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		checkOffsets(t, []rune(d.Text), evs)
		n += len(evs)
	}
	if n < len(docs) {
		t.Errorf("only %d events on %d corpus articles", n, len(docs))
	}
}

func TestCodingIsDeterministic(t *testing.T) {
	docs := corpus(t, 50)
	c, _ := builtin.Coder(true)
	for _, d := range docs {
		a, _ := c.Code(context.Background(), d)
		b, _ := c.Code(context.Background(), d)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Fatalf("%s: two runs differ", d.ID)
		}
	}
}

// corpus reads the first n articles of the development corpus (all for 0).
func corpus(tb testing.TB, n int) []marsad.Document {
	tb.Helper()
	it, err := reader.Open(shared.Path(tb, "corpus/ant-politics-2000.jsonl"), reader.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var docs []marsad.Document
	for item := range it.All() {
		if item.Err != nil {
			tb.Fatal(item.Err)
		}
		docs = append(docs, item.Doc)
		if n > 0 && len(docs) == n {
			break
		}
	}
	return docs
}

func BenchmarkCodeCorpus(b *testing.B) {
	docs := corpus(b, 500)
	c, err := builtin.Coder(true)
	if err != nil {
		b.Fatal(err)
	}
	bytes, sents := 0, 0
	for _, d := range docs {
		bytes += len(d.Text)
		sents += strings.Count(d.Text, "\n") + 1
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := c.Code(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// builtin is the knowledge the tests code with, loaded once.
var builtin = knowledge.Builtin()

// A sentence that names no place takes the place the article named before
// it (or, before the first place, the first one): the report's span points
// to where the text names it.
func TestPlaceFromTheArticle(t *testing.T) {
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	doc := marsad.Document{ID: "p", Date: "2019-10-25", Text: "اشتبكت قوات الجيش الليبي مع قوات الوفاق في طرابلس أمس. وقال مصدر إن الاشتباكات أسفرت عن مقتل خمسة مقاتلين."}
	evs, err := c.Code(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if find(evs, "ASSAULT", func(e *marsad.Event) bool { return e.SentenceIndex == 1 }) == nil {
		t.Fatalf("the second sentence's killing is not coded: %s", summary(evs))
	}
	for _, e := range evs {
		if e.Location == nil || e.Location.Text != "طرابلس" {
			t.Errorf("%s %q: location %+v, want طرابلس", e.EventType, e.Trigger.Text, e.Location)
		}
	}
}

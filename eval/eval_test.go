package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
)

// keywordCoder is the plain keyword baseline: an ASSAULT wherever a word
// starts with one of the keywords. Good enough to exercise the scorer.
func keywordCoder(words ...string) CodeFunc {
	return func(_ context.Context, doc marsad.Document) ([]marsad.Event, error) {
		var evs []marsad.Event
		runes := []rune(doc.Text)
		for _, w := range words {
			if i := indexRunes(runes, []rune(w), 0); i >= 0 {
				e := marsad.Event{EventType: "ASSAULT", Modality: marsad.Asserted,
					Trigger: marsad.Span{Text: w, Start: i, End: i + len([]rune(w))}}
				// the word after the trigger plays the source
				if j := i + len([]rune(w)) + 1; j < len(runes) {
					k := j
					for k < len(runes) && runes[k] != ' ' {
						k++
					}
					e.Source = &marsad.ActorRef{Text: string(runes[j:k]), Start: j, End: k, Sector: "REB"}
				}
				evs = append(evs, e)
			}
		}
		return evs, nil
	}
}

func TestEventsCountsAndDifficultNo(t *testing.T) {
	f, err := os.Open("testdata/mini_detection.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadDetectionCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Events(context.Background(), gold, keywordCoder("هاجم", "بالهجوم"))
	if err != nil {
		t.Fatal(err)
	}
	// d1 found (TP), d4 missed (FN), d3 is a difficult no the keyword trips on (FP), d5 left out.
	if rep.N != 4 || rep.TP != 1 || rep.FP != 1 || rep.FN != 1 || rep.TN != 1 || rep.Ambiguous != 1 {
		t.Fatalf("counts = %+v", rep.Metrics)
	}
	if rep.Precision != 0.5 || rep.Recall != 0.5 || rep.DifficultNoAlarmRate != 1 {
		t.Errorf("scores = P %.2f R %.2f difficult-no alarms %.2f", rep.Precision, rep.Recall, rep.DifficultNoAlarmRate)
	}
	var b strings.Builder
	rep.WriteErrors(&b)
	if !strings.Contains(b.String(), "FP\td3-1") || !strings.Contains(b.String(), "FN\td4-1") {
		t.Errorf("error listing misses a case:\n%s", b.String())
	}
}

func TestNegatedEventsDoNotCount(t *testing.T) {
	gold := []GoldSentence{{ID: "x", EventType: "ASSAULT", Label: "easy no", Text: "لم يهاجم أحد"}}
	code := func(context.Context, marsad.Document) ([]marsad.Event, error) {
		return []marsad.Event{{EventType: "ASSAULT", Modality: marsad.Negated}}, nil
	}
	rep, _ := Events(context.Background(), gold, code)
	if rep.FP != 0 || rep.TN != 1 {
		t.Errorf("a negated event counted as a prediction: %+v", rep.Metrics)
	}
}

func TestSpansMatchOnHeadToken(t *testing.T) {
	f, err := os.Open("testdata/mini_spans.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadSpans(f)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Spans(context.Background(), gold, keywordCoder("هاجم"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Source.Gold != 1 || rep.Source.Matched != 1 || rep.Source.SectorRight != 1 || rep.Source.CountryRight != 1 {
		t.Errorf("source = %+v", rep.Source)
	}
	if rep.Target.Gold != 1 || rep.Target.Matched != 0 {
		t.Errorf("target = %+v (the baseline gives no target)", rep.Target)
	}
}

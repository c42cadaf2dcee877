package eval_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/marsad/marsad/eval"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/linear"
)

func TestReadGoldKeepsAnnotatorCounts(t *testing.T) {
	csv := `id,event_type,label,accept,reject,total,text
AAW_ARB_20071026.0026-2,ASSAULT,difficult no,1,2,3,"وقال الضابط في الشرطة المحلية خالد منصور، ان الاعتداء وقع في اطراف منغورا"
AAW_ARB_20070906.0027-2,ASSAULT,easy no,0,3,3,من جهة اخرى، قالت الشرطة انها أغلقت 20 محل حلاقة للرجال في طهران
`
	rows, err := eval.ReadGold(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	if r := rows[0]; r.Label != "difficult no" || r.Accept != 1 || r.Total != 3 || !strings.HasPrefix(r.Text, "وقال الضابط") {
		t.Errorf("row 0 = %+v", r)
	}
}

func TestReadGoldWithoutCountsAndWithBadCounts(t *testing.T) {
	rows, err := eval.ReadGold(strings.NewReader("id,event_type,label,text\na-1,PROTEST,yes,تظاهر المئات أمام السفارة\n"))
	if err != nil || len(rows) != 1 || rows[0].Total != 0 {
		t.Fatalf("rows %+v, err %v; want one row with no counts", rows, err)
	}
	_, err = eval.ReadGold(strings.NewReader("id,event_type,label,accept,total,text\na-1,PROTEST,yes,4,3,تظاهر المئات\n"))
	if err == nil || !strings.Contains(err.Error(), "a-1") {
		t.Errorf("accept 4 of 3: err = %v, want an error naming a-1", err)
	}
}

// The cross-validated detection figures are the project's accuracy: a
// change to the rules, cues or features that loses more than a few points
// on them is a regression. Floors sit a little below the figures in
// docs/accuracy.md (ASSAULT ≈ 0.66, PROTEST ≈ 0.54 at seed 1).
func TestCrossValidatedDetectionDoesNotRegress(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the filter with cross-validation")
	}
	c, err := knowledge.Builtin().Coder(false) // TrainFilter takes candidates from the rules alone
	if err != nil {
		t.Fatal(err)
	}
	for file, floor := range map[string]float64{
		"gold/events/assault_detection_dev.csv": 0.62,
		"gold/events/protest_detection_dev.csv": 0.48,
	} {
		f, err := os.Open(shared.Path(t, file))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := eval.ReadGold(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, rep, err := eval.TrainFilter(context.Background(), c, rows, 5, linear.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if rep.CV.F1 < floor || rep.CVDifficultNoAlarmRate > 0.20 {
			t.Errorf("%s: CV F1 %.3f (floor %.2f), difficult-no alarms %.1f%% (at most 20%%)", rep.EventType, rep.CV.F1, floor, 100*rep.CVDifficultNoAlarmRate)
		}
	}
}

package linear

import (
	"bytes"
	"math"
	"testing"
)

// A toy task: an event word after "condemned" is a topic, not a report.
func toy() []Example {
	var exs []Example
	for i := 0; i < 40; i++ {
		exs = append(exs,
			Example{Features: []string{"trig=attack", "verb"}, Label: true, Group: "a"},
			Example{Features: []string{"trig=attack", "cue=condemn"}, Label: false, Group: "b"},
			Example{Features: []string{"trig=protest", "verb", "source"}, Label: true, Group: "c"},
			Example{Features: []string{"trig=protest", "cue=call"}, Label: false, Group: "d"},
		)
	}
	return exs
}

func TestTrainSeparatesReportsFromTopics(t *testing.T) {
	m := Train(toy(), Options{})
	if !m.Accept([]string{"trig=attack", "verb"}) {
		t.Error("a reported attack is rejected")
	}
	if m.Accept([]string{"trig=attack", "cue=condemn"}) {
		t.Error("a condemned attack is accepted")
	}
}

func TestTrainingIsReproducibleAndRoundTrips(t *testing.T) {
	var a, b bytes.Buffer
	if err := Train(toy(), Options{Seed: 7}).Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(toy(), Options{Seed: 7}).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same data and seed gave different model files")
	}
	m, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	m.Write(&c)
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("model changed through Write/Read")
	}
}

func TestFoldsKeepGroupsTogether(t *testing.T) {
	exs := toy()
	folds := Folds(exs, 2, 1)
	seen := map[string]int{}
	for k, f := range folds {
		for _, i := range f {
			if prev, ok := seen[exs[i].Group]; ok && prev != k {
				t.Fatalf("group %s split across folds", exs[i].Group)
			}
			seen[exs[i].Group] = k
		}
	}
}

func TestAverageOfShufflesIsReproducibleAndStillSeparates(t *testing.T) {
	var a, b bytes.Buffer
	m := Train(toy(), Options{Average: 3})
	m.Write(&a)
	Train(toy(), Options{Average: 3}).Write(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("averaged training is not reproducible")
	}
	if !m.Accept([]string{"trig=protest", "verb", "source"}) || m.Accept([]string{"trig=protest", "cue=call"}) {
		t.Error("the averaged model does not separate reports from calls")
	}
}

// Platt scaling recovers a known miscalibration: probabilities twice as
// sure as the labels warrant (in log-odds) come back to the labels' rate.
func TestFitPlattRecoversTheLabelsRate(t *testing.T) {
	var ps []float64
	var ys []bool
	for i := 0; i < 2000; i++ {
		z := float64(i%41-20) / 5 // true log-odds -4 … 4
		p := 1 / (1 + math.Exp(-2*z))
		pos := 1 / (1 + math.Exp(-z))
		// deterministic labels at the true rate: the first pos·50 of each 50
		ps, ys = append(ps, p), append(ys, float64(i/41%50) < pos*50)
	}
	ab := FitPlatt(ps, ys)
	if math.Abs(ab[0]-0.5) > 0.1 || math.Abs(ab[1]) > 0.2 {
		t.Errorf("calibration %v, want about [0.5 0]", ab)
	}
	m := &Model{Calibration: ab}
	if got := m.Calibrated(1 / (1 + math.Exp(-4))); math.Abs(got-1/(1+math.Exp(-2))) > 0.05 {
		t.Errorf("Calibrated(σ(4)) = %.3f, want about σ(2) = 0.881", got)
	}
	if got := (&Model{}).Calibrated(0.3); got != 0.3 {
		t.Errorf("without calibration Calibrated(0.3) = %v, want 0.3", got)
	}
}

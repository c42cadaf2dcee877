package linear

import (
	"bytes"
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

package ner

import "testing"

func TestParseClustersPacksEveryLevel(t *testing.T) {
	m := parseClusters("# comment\nبغداد\t3\t17\t200\nدمشق\t3\t17\nsplit\tx\t1\t2\n")
	got, ok := m[hashString("بغداد")]
	if !ok {
		t.Fatal("بغداد missing")
	}
	for l, want := range []uint64{4, 18, 201} { // class plus one
		if c := clusterOf(got, l); c != want {
			t.Errorf("level %d: class %d, want %d", l, c, want)
		}
	}
	if len(m) != 1 {
		t.Errorf("malformed lines kept: %d entries, want 1", len(m))
	}
}

func TestEmbeddedClustersCoverCommonWords(t *testing.T) {
	for _, w := range []string{"في", "لبنان", "الرئيس"} {
		if builtinClasses()[hashString(w)] == 0 {
			t.Errorf("%s has no class", w)
		}
	}
}

package eval

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestClusterGoldRoundTrip(t *testing.T) {
	pairs := []ClusterPair{{ID: "p1", Part: "dev", Stratum: "copy", Label: Same, Reason: "one strike",
		A: ReportRef{Doc: "d1", Type: "ASSAULT", Trigger: "غارة", Sentence: "غارة على\tدوما"},
		B: ReportRef{Doc: "d2", Type: "ASSAULT", Trigger: "قصف", Sentence: "قصف دوما"}}}
	var buf bytes.Buffer
	if err := WriteClusterGold(&buf, pairs); err != nil {
		t.Fatal(err)
	}
	back, err := ReadClusterGold(&buf)
	if err != nil || len(back) != 1 || back[0].A.Sentence != "غارة على دوما" || back[0].B.Type != "ASSAULT" {
		t.Fatalf("read back %+v, %v", back, err)
	}
	bad := strings.Replace(buf.String(), "\tsame\t", "\tmaybe\t", 1)
	if _, err := ReadClusterGold(strings.NewReader(bad)); err == nil {
		t.Error("a label other than same or different should be refused")
	}
}

func TestScoreClusters(t *testing.T) {
	ref := func(doc string) ReportRef { return ReportRef{Doc: doc, Type: "ASSAULT"} }
	pairs := []ClusterPair{
		{ID: "p1", Part: "dev", Label: Same, A: ref("a"), B: ref("b")},      // merged: TP
		{ID: "p2", Part: "dev", Label: Same, A: ref("b"), B: ref("c")},      // not merged: FN
		{ID: "p3", Part: "dev", Label: Different, A: ref("a"), B: ref("d")}, // merged: FP
		{ID: "p4", Part: "dev", Label: Different, A: ref("c"), B: ref("e")}, // apart: right
		{ID: "p5", Part: "dev", Label: Same, A: ref("f"), B: ref("zz")},     // zz missing
		{ID: "p6", Part: "heldout", Label: Same, A: ref("a"), B: ref("b")},
	}
	clusters := map[string]string{"a": "1", "b": "1", "c": "2", "d": "1", "e": "3", "f": "4"}
	r := ScoreClusters(pairs, "dev", func(r ReportRef) (string, bool) { c, ok := clusters[r.Doc]; return c, ok })
	if r.Pairs != 5 || r.Found != 4 || r.TP != 1 || r.FP != 1 || r.FN != 1 || len(r.Missing) != 1 {
		t.Errorf("report %+v", r)
	}
	if r.Precision != 0.5 || r.Recall != 0.5 {
		t.Errorf("precision %.2f recall %.2f, want 0.5 and 0.5", r.Precision, r.Recall)
	}
	// a, b, c are one gold happening split over clusters 1 and 2; d and e stand alone.
	if r.GoldHappenings != 3 || r.Whole != 2 {
		t.Errorf("gold happenings %d, whole %d; want 3 and 2", r.GoldHappenings, r.Whole)
	}
}

func TestFigures(t *testing.T) {
	f := Figures([]ClusterMember{
		{Cluster: "x", Doc: "1", Day: "2018-04-07", Report: true},
		{Cluster: "x", Doc: "2", Day: "2018-04-12", Report: true},
		{Cluster: "y", Doc: "3", Day: "2018-04-07", Report: true},
		{Cluster: "y", Doc: "3", Day: "2018-04-07"},
	}, 2)
	if f.Clusters != 2 || f.MultiDoc != 1 || f.Merged != 2 || f.MaxSpan != 5 || f.OverWindow != 1 || f.Reports != 3 {
		t.Errorf("figures %+v", f)
	}
}

func TestClusterGoldFile(t *testing.T) {
	f, err := os.Open("testdata/clusters/gold.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := ReadClusterGold(f)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, p := range pairs {
		if p.Label == "" || p.Reason == "" {
			t.Errorf("%s is not judged", p.ID)
		}
		n[p.Part]++
	}
	if len(pairs) < 300 || n["dev"] == 0 || n["heldout"] == 0 {
		t.Errorf("%d pairs (%v); the gold has at least 300 in both parts", len(pairs), n)
	}
}

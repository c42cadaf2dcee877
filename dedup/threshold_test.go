package dedup_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/marsad/marsad/dedup"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/prep"
)

// TestThresholdOnCorpus is the evidence for dedup.Threshold: on the ANT corpus
// the pairs above it are the same story published twice, and a pair of
// separate articles on one event (two outlets reporting the same French
// trial) stays below it.
func TestThresholdOnCorpus(t *testing.T) {
	f, err := os.Open(shared.Path(t, "corpus/ant-politics-2000.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type doc struct{ ID, Title, Text string }
	var docs []doc
	var sigs []dedup.Signature
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		sigs = append(sigs, prep.MinHash(d.Text))
	}
	byTitle := func(prefix string) int {
		for i, d := range docs {
			if strings.HasPrefix(d.Title, prefix) {
				return i
			}
		}
		t.Fatalf("no article titled %q…", prefix)
		return -1
	}
	pairs := []struct {
		a, b string
		near bool
	}{
		{"اعتقال أميركي حاول", "اعتقال أميركي \"حاول\"", true}, // Al Arabiya and Sky News, one wire story
		{"المقاومة اليمنية تسيطر على مطار الحديدة", "المقاومة تسيطر على مطار الحديدة", true},
		{"جان إيف لودريان: الفرنسية المتهمة", "لوردريان يؤكد على", false}, // France 24 and Sky News, own articles
	}
	for _, p := range pairs {
		sim := dedup.Similarity(sigs[byTitle(p.a)], sigs[byTitle(p.b)])
		if (sim >= dedup.Threshold) != p.near {
			t.Errorf("%q / %q: similarity %.2f, want near = %v", p.a, p.b, sim, p.near)
		}
	}
	near := 0
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			if dedup.Near(sigs[i], sigs[j]) {
				near++
			}
		}
	}
	t.Logf("%d of %d articles signed; %d near-duplicate pairs at threshold %.2f", countSigned(sigs), len(sigs), near, dedup.Threshold)
	if near == 0 || near > 40 {
		t.Errorf("%d near-duplicate pairs; the corpus has about twenty", near)
	}
}

func countSigned(sigs []dedup.Signature) int {
	n := 0
	for _, s := range sigs {
		if s != nil {
			n++
		}
	}
	return n
}

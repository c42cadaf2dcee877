package lexicon

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/internal/shared"
)

// BenchmarkLoad measures loading every embedded knowledge file and
// building the trie (the target is well under 150 ms).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(data.FS); err != nil {
			b.Fatal(err)
		}
	}
}

// corpusSentences tokenises the first n articles of the news corpus.
func corpusSentences(tb testing.TB, n int) [][]marsad.Token {
	f, err := os.Open(shared.Path(tb, "corpus/ant-politics-2000.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out [][]marsad.Token
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			tb.Fatal(err)
		}
		for _, s := range arabic.Split(doc.Text) {
			out = append(out, arabic.Tokenize(s))
		}
	}
	return out
}

// BenchmarkMatch reports matching speed in tokens per second on real
// news sentences tokenised by the arabic package.
func BenchmarkMatch(b *testing.B) {
	l := embedded(b)
	sents := corpusSentences(b, 200)
	ntok := 0
	for _, s := range sents {
		ntok += len(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			l.Match(s)
		}
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestMatchCorpusWithRealTokens runs the matcher over tokens from the
// arabic package, so the lexicon keeps working with real segmentation.
func TestMatchCorpusWithRealTokens(t *testing.T) {
	l := embedded(t)
	kinds := map[Kind]int{}
	for _, s := range corpusSentences(t, 50) {
		for _, m := range l.Match(s) {
			if m.TokStart < 0 || m.TokEnd > len(s) || m.TokStart >= m.TokEnd {
				t.Fatalf("bad span %d-%d of %d tokens", m.TokStart, m.TokEnd, len(s))
			}
			kinds[m.Kind]++
		}
	}
	for k := KindActor; k <= KindTrigger; k++ {
		if kinds[k] == 0 {
			t.Errorf("no %s found in 50 news articles", k)
		}
	}
}

package arabic

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/shared"
)

// benchTexts returns the texts of the first 500 articles of the ANT corpus
// and their total size in bytes.
func benchTexts(b *testing.B) ([]string, int64) {
	b.Helper()
	f, err := os.Open(shared.Path(b, "corpus/ant-politics-2000.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var texts []string
	var n int64
	for sc.Scan() && len(texts) < 500 {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			b.Fatalf("corpus line %d: %v", len(texts)+1, err)
		}
		texts = append(texts, doc.Text)
		n += int64(len(doc.Text))
	}
	return texts, n
}

// benchEach runs fn over the corpus texts, reporting MB/s of input text.
func benchEach(b *testing.B, fn func(string)) {
	texts, n := benchTexts(b)
	Segment("والتلفزيون") // load the frequency list outside the timer
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			fn(t)
		}
	}
}

func BenchmarkNormalize(b *testing.B) { benchEach(b, func(t string) { Normalize(t) }) }
func BenchmarkFold(b *testing.B)      { benchEach(b, func(t string) { Fold(t) }) }
func BenchmarkSplit(b *testing.B)     { benchEach(b, func(t string) { Split(t) }) }
func BenchmarkAnalyze(b *testing.B)   { benchEach(b, func(t string) { Analyze(t) }) }

// BenchmarkTokenize times Tokenize alone on pre-split sentences (MB/s of
// the articles' text).
func BenchmarkTokenize(b *testing.B) {
	texts, n := benchTexts(b)
	var sents []marsad.Sentence
	for _, t := range texts {
		sents = append(sents, Split(t)...)
	}
	Segment("والتلفزيون")
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			Tokenize(s)
		}
	}
}

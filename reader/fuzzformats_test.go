package reader

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/shared"
)

// The per-format targets below fuzz one reader each, seeded from real
// inputs, so that each gets a whole fuzzing run to itself; FuzzRead mixes
// them all.

func FuzzReadText(f *testing.F)  { fuzzFormat(f, "txt", "article.txt", "tags.txt", "bom.txt") }
func FuzzReadJSONL(f *testing.F) { fuzzFormat(f, "jsonl", "records.jsonl") }
func FuzzReadCSV(f *testing.F)   { fuzzFormat(f, "csv", "articles.csv", "nocolumn.csv") }
func FuzzReadHTML(f *testing.F)  { fuzzFormat(f, "html", "page.html", "win1256.html") }
func FuzzReadFeed(f *testing.F)  { fuzzFormat(f, "feed", "feed.rss", "feed.atom", "broken.rss") }

// fuzzFormat reads arbitrary bytes as format: no panic, and every Document
// has a hash, an id and text within the limit.
func fuzzFormat(f *testing.F, format string, seeds ...string) {
	for _, name := range seeds {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	if format == "jsonl" || format == "txt" {
		for _, line := range corpusLines(3) {
			f.Add([]byte(line))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := Options{Format: format, MaxText: 1 << 14, MaxFetch: 1 << 16, MaxItems: 50}
		it, err := Read(strings.NewReader(string(data)), "fuzz", opts)
		if err != nil {
			t.Fatal(err)
		}
		for item := range it.All() {
			if item.Err != nil {
				continue
			}
			d := item.Doc
			if d.Hash == "" || d.ID == "" || strings.TrimSpace(d.Text) == "" || len(d.Text) > opts.MaxText {
				t.Fatalf("document without hash, id or text, or over the limit: %+v", d)
			}
		}
	})
}

// corpusLines are the first n lines of the development corpus, when it is
// beside the clone.
func corpusLines(n int) []string {
	root := shared.Root()
	if root == "" {
		return nil
	}
	f, err := os.Open(filepath.Join(root, "corpus", "ant-politics-2000.jsonl"))
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for len(out) < n && sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

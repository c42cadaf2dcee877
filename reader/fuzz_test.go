package reader

import (
	"os"
	"strings"
	"testing"
)

// FuzzRead feeds arbitrary bytes to every format: readers must never panic
// and every Document must carry a hash and non-empty text.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"records.jsonl", "array.json", "articles.csv", "feed.rss", "page.html", "tags.txt"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
	}
	f.Add([]byte("{\"text\":\"\\u0000\"}\n\xff"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		opts := Options{MaxText: 4096, MaxFetch: 1 << 16}
		name := "x"
		if i := int(format) % (len(Formats) + 1); i < len(Formats) {
			opts.Format = Formats[i]
		}
		it, err := Read(strings.NewReader(string(data)), name, opts)
		if err != nil {
			t.Fatal(err)
		}
		for item := range it.All() {
			if item.Err == nil && (item.Doc.Hash == "" || strings.TrimSpace(item.Doc.Text) == "" || item.Doc.ID == "") {
				t.Fatalf("document without hash, id or text: %+v", item.Doc)
			}
		}
	})
}

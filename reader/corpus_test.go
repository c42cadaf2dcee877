package reader

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/shared"
)

func TestCorpusReadsWithoutRejects(t *testing.T) {
	path := shared.Path(t, "corpus/ant-politics-2000.jsonl")
	docs, rejects := collect(t, path, Options{})
	if len(rejects) != 0 {
		t.Fatalf("%d rejects, first: %v", len(rejects), rejects[0])
	}
	if len(docs) != 2000 {
		t.Fatalf("got %d documents, want 2000", len(docs))
	}
	day := regexp.MustCompile(`^20\d\d-\d\d-\d\d$`)
	ids := map[string]bool{}
	for _, d := range docs {
		if !day.MatchString(d.Date) || d.ID == "" || ids[d.ID] || d.Hash == "" || d.Meta["html_stripped"] != nil {
			t.Fatalf("document %+v", d)
		}
		ids[d.ID] = true
	}
	first := docs[0]
	if first.ID != "AL-internationalNews-258-20180228" || first.Date != "2018-02-28" ||
		first.Title != "اعتقال أميركي حاول الانضمام إلى داعش في ليبيا" || first.Meta["category"] != "internationalNews" {
		t.Errorf("first document: %+v", first)
	}
}

func TestSeedArticle(t *testing.T) {
	path := shared.Path(t, "seed/000_a763ce97bed870a3.txt")
	docs, rejects := collect(t, path, Options{Date: "2019-10-25"})
	if len(docs) != 1 || len(rejects) != 0 {
		t.Fatalf("docs %d rejects %q", len(docs), reasons(rejects))
	}
	raw, _ := os.ReadFile(path)
	d := docs[0]
	if d.Text != string(raw) || d.Date != "2019-10-25" || !strings.HasPrefix(d.Title, "ميليشيا مصراتة تلوي ذراع الوفاق") {
		t.Errorf("seed: title %q date %q", d.Title, d.Date)
	}
	if d.Hash != "d45edfbe173f893c62d4cdca1833daedc606933f2e2221ee3a8bb1cccabdc7e2" {
		t.Errorf("hash %s", d.Hash)
	}
}

func BenchmarkCorpus(b *testing.B) {
	path := shared.Path(b, "corpus/ant-politics-2000.jsonl")
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		n := 0
		Walk([]string{path}, Options{}, func(it Item) error { n++; return nil })
		if n != 2000 {
			b.Fatalf("%d items", n)
		}
	}
}

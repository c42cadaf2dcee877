package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlstore"
)

// Records one store could hold and the other not (PostgreSQL refuses NULs
// in text, btree keys over ~2.7 KB and tsvectors over 1 MB) are made
// storable by the same rules on both, or rejected with the reason; the
// rest of their batch is saved, and saving the batch again goes on.
func testUnstorable(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc := func(id, text string) store.Item {
		return store.Item{Doc: marsad.Document{ID: id, Date: "2019-10-25", Source: "Libya Observer", Text: text}}
	}
	nulTitle := doc("nul\x00id", "اشتباكات في طرابلس بين قوات الوفاق وقوات الجيش الليبي")
	nulTitle.Doc.Title, nulTitle.Doc.URL, nulTitle.Doc.Source = "عنوان\x00", "https://example.org/\x00", "Al\x00 Wasat"
	longKeys := doc(strings.Repeat("id", 2000), "قصف مدفعي على مطار معيتيقة في العاصمة")
	longKeys.Doc.Source = strings.Repeat("مصدر ", 600)
	bigIndex := doc("big-index", "نص قصير يحمل فهرسا كبيرا")
	nulText := doc("nul-text", "نص فيه\x00بايت صفري")
	batch := []store.Item{seedItem(), nulTitle, longKeys, bigIndex, nulText}
	prep.Items(batch)
	// More than 1 MB of distinct index terms.
	var words strings.Builder
	for i := 0; words.Len() < 1500<<10; i++ {
		fmt.Fprintf(&words, "w%d ", i)
	}
	batch[3].Keys.IndexText = words.String()

	res, err := s.SaveBatch(ctx, batch)
	if err != nil {
		t.Fatalf("one unstorable record failed the batch: %v", err)
	}
	if res.Saved != 4 || res.Rejected != 1 || !strings.Contains(res.Items[4].Rejected, "NUL") {
		t.Fatalf("saved %d, rejected %d (last: %q), want 4 saved and the NUL text rejected", res.Saved, res.Rejected, res.Items[4].Rejected)
	}
	if got := res.Items[1].DocID; got != "nulid" {
		t.Errorf("id with a NUL stored as %q, want it without the NUL", got)
	}
	if got := res.Items[2].DocID; len(got) > sqlstore.MaxKey || !strings.HasPrefix(got, "idid") {
		t.Errorf("a 4,000-byte id was stored as %d bytes %.20q…, want at most %d", len(got), got, 512)
	}
	d, err := s.Document(ctx, res.Items[1].DocID)
	if err != nil || d.Title != "عنوان" || d.Source != "Al Wasat" {
		t.Errorf("NUL title read back as %q, source %q (%v)", d.Title, d.Source, err)
	}
	if hits, err := s.Search(ctx, []string{"w7"}, 10); err != nil || len(hits) != 1 || hits[0].ID != "big-index" {
		t.Errorf("search in the capped index: %+v, %v", hits, err)
	}
	// A re-run goes on: everything stored is a duplicate, the reject again a reject.
	again, err := s.SaveBatch(ctx, batch)
	if err != nil || again.Duplicates != 4 || again.Rejected != 1 {
		t.Errorf("saving the batch again: %+v, %v; want 4 duplicates and 1 reject", again, err)
	}
}

package ingest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/open"
)

// writeJSONL writes one JSON object a line and returns the file.
func writeJSONL(t *testing.T, records ...map[string]string) string {
	t.Helper()
	var b strings.Builder
	for _, r := range records {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// counting counts the documents it is asked to code.
type counting struct {
	ingest.Coder
	n atomic.Int64
}

func (c *counting) Code(ctx context.Context, d marsad.Document) ([]marsad.Event, error) {
	c.n.Add(1)
	return c.Coder.Code(ctx, d)
}

const clash = "قتل ثلاثة جنود في هجوم على حاجز عسكري قرب مدينة درنة يوم الجمعة."

// Copies of one article (a feed polled many times) are recognised by their
// text's hash before any analysis: only the first copy is coded.
func TestDuplicatesAreNotCoded(t *testing.T) {
	ctx := context.Background()
	real, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	c := &counting{Coder: real}
	var recs []map[string]string
	for i := 0; i < 50; i++ {
		recs = append(recs, map[string]string{"id": fmt.Sprintf("copy-%d", i), "text": clash})
	}
	recs = append(recs, map[string]string{"id": "other", "text": "تظاهر مئات في بنغازي احتجاجا على انقطاع الكهرباء."})
	st, err := open.Open(ctx, tempDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := ingest.Run(ctx, st, c, []string{writeJSONL(t, recs...)}, ingest.Options{Workers: 4, BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.n.Load(); got != 2 {
		t.Errorf("coded %d documents, want 2 (one copy and the other article)", got)
	}
	if sum.New != 2 || sum.Duplicate != 49 {
		t.Errorf("summary %+v, want 2 new and 49 duplicates", sum)
	}
	doc, err := st.Document(ctx, "copy-0")
	if err != nil || doc.Text != clash {
		t.Errorf("the first copy in input order should be stored: %v", err)
	}
}

// A million bad lines must not keep a million messages: the first ones are
// kept, the rest counted by reason.
func TestRejectMessagesAreCountedNotKept(t *testing.T) {
	ctx := context.Background()
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(path, []byte(strings.Repeat("{not json\n", 130)), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := open.Open(ctx, tempDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := ingest.Run(ctx, st, c, []string{path}, ingest.Options{MaxRejects: 20})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected != 130 || len(sum.Rejects) != 20 || sum.RejectsNotListed != 110 || sum.Reasons["invalid JSON"] != 130 {
		t.Errorf("rejected %d, kept %d messages, %d not listed, reasons %v; want 130, 20, 110, all invalid JSON",
			sum.Rejected, len(sum.Rejects), sum.RejectsNotListed, sum.Reasons)
	}
}

// stalling codes "stall" documents until its context ends, as a coder
// stuck on a hostile input would.
type stalling struct{ ingest.Coder }

func (s stalling) Code(ctx context.Context, d marsad.Document) ([]marsad.Event, error) {
	if d.ID == "stall" {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Minute):
			return nil, nil
		}
	}
	return s.Coder.Code(ctx, d)
}

// A document over its time budget is rejected with that reason and the run
// goes on with the next one.
func TestDocumentTimeBudget(t *testing.T) {
	ctx := context.Background()
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	st, err := open.Open(ctx, tempDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := writeJSONL(t, map[string]string{"id": "stall", "text": "نص لا ينتهي تحليله"}, map[string]string{"id": "next", "text": clash})
	sum, err := ingest.Run(ctx, st, stalling{c}, []string{in}, ingest.Options{DocTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || sum.Rejected != 1 || !strings.Contains(strings.Join(sum.Rejects, ""), "time budget") {
		t.Errorf("summary %+v, want the stalled document rejected for its time budget and the next one saved", sum)
	}
}

// refusing is a store that cannot hold the document "refused", as
// PostgreSQL cannot hold some values.
type refusing struct{ store.Store }

func (r refusing) SaveBatch(ctx context.Context, items []store.Item) (store.BatchResult, error) {
	var keep []store.Item
	for _, it := range items {
		if it.Doc.ID != "refused" {
			keep = append(keep, it)
		}
	}
	res, err := r.Store.SaveBatch(ctx, keep)
	if len(keep) < len(items) {
		res.Rejected++
		res.Items = append(res.Items, store.ItemResult{DocID: "refused", Rejected: "value too long"})
	}
	return res, err
}

// A document the store rejects is a reject of the run, with the store's
// reason, and the rest of its batch is saved.
func TestStoreRejectsAreRejects(t *testing.T) {
	ctx := context.Background()
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	st, err := open.Open(ctx, tempDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := writeJSONL(t, map[string]string{"id": "refused", "text": "نص يرفضه المخزن"}, map[string]string{"id": "kept", "text": clash})
	sum, err := ingest.Run(ctx, refusing{st}, c, []string{in}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || sum.Documents != 1 || sum.Rejected != 1 || sum.Reasons["not storable"] != 1 ||
		!strings.Contains(strings.Join(sum.Rejects, ""), "refused: not stored: value too long") {
		t.Errorf("summary %+v", sum)
	}
}

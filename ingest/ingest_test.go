package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store/open"
)

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "marsad.db") }

func TestIngestIsIdempotentAndListsRejects(t *testing.T) {
	ctx := context.Background()
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	db := tempDB(t)
	st, err := open.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	first, err := ingest.Run(ctx, st, c, []string{"testdata/inbox"}, ingest.Options{Workers: 2, BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if first.New != 2 || first.Rejected != 3 || first.Events == 0 {
		t.Fatalf("first run: %+v", first)
	}
	for _, want := range []string{"empty", "invalid UTF-8", "binary"} {
		if !strings.Contains(strings.Join(first.Rejects, "\n"), want) {
			t.Errorf("no reject mentions %q: %v", want, first.Rejects)
		}
	}

	again, err := ingest.Run(ctx, st, c, []string{"testdata/inbox"}, ingest.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.Duplicate != 2 || again.Events != 0 {
		t.Errorf("second run added something: %+v", again)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 2 || stats.Events != first.Events {
		t.Errorf("store has %d documents and %d events, want 2 and %d", stats.Documents, stats.Events, first.Events)
	}
}

// stopAfter cancels the run after n documents, like Ctrl-C.
type stopAfter struct {
	c      ingest.Coder
	n      int
	cancel func()
}

func (s *stopAfter) Code(ctx context.Context, d marsad.Document) ([]marsad.Event, error) {
	s.n--
	if s.n < 0 {
		s.cancel()
		return nil, ctx.Err()
	}
	return s.c.Code(ctx, d)
}

func TestInterruptedIngestResumes(t *testing.T) {
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	db := tempDB(t)
	st, err := open.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	_, err = ingest.Run(ctx, st, &stopAfter{c: c, n: 1, cancel: cancel}, []string{"testdata/inbox"}, ingest.Options{Workers: 1, BatchSize: 1})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run returned %v", err)
	}
	mid, _ := st.Stats(context.Background())
	if mid.Documents > 1 {
		t.Fatalf("interrupted run saved %d documents", mid.Documents)
	}
	rest, err := ingest.Run(context.Background(), st, c, []string{"testdata/inbox"}, ingest.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rest.New+mid.Documents != 2 {
		t.Errorf("after resuming: %d saved before, %d now, want 2 in all", mid.Documents, rest.New)
	}
}

func TestCodeOrderedKeepsInputOrder(t *testing.T) {
	c, err := builtin.Coder(true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = ingest.CodeOrdered(context.Background(), c, []string{"testdata/inbox"}, reader.Options{}, 4, nil, func(r ingest.Result) error {
		if r.Reject == nil {
			got = append(got, r.Doc.Title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "هجوم على قافلة|مظاهرة في بنغازي" {
		t.Errorf("documents out of order: %v", got)
	}
}

// builtin is the knowledge the tests code with, loaded once.
var builtin = knowledge.Builtin()

package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// KillBatchSize and KillEvents are the shape of KillBatch.
const (
	KillBatchSize = 20
	KillEvents    = 5
)

// KillBatch is batch b of the endless ingest that a kill test runs in a
// child process and kills (SIGKILL) in the middle of a transaction.
func KillBatch(b int) []store.Item {
	var items []store.Item
	for d := 0; d < KillBatchSize; d++ {
		id := fmt.Sprintf("b%d-d%d", b, d)
		it := store.Item{Doc: marsad.Document{ID: id, Date: "2019-10-25", Text: "خبر رقم " + id}}
		for e := 0; e < KillEvents; e++ {
			it.Events = append(it.Events, marsad.Event{EventType: "ASSAULT", Modality: marsad.Asserted, SentenceIndex: e})
		}
		items = append(items, it)
	}
	prep.Items(items)
	return items
}

// IngestForever saves KillBatch(0), KillBatch(1) … until the process is
// killed.
func IngestForever(t *testing.T, s store.Store) {
	for b := 0; ; b++ {
		if _, err := s.SaveBatch(context.Background(), KillBatch(b)); err != nil {
			t.Fatal(err)
		}
	}
}

// CheckAfterKill checks a store whose ingest was killed: whole batches
// only, every document with all its events, and re-running the ingest
// skips what is stored and saves the next batch. It returns the documents
// that survived the kill.
func CheckAfterKill(t *testing.T, s store.Store) int {
	t.Helper()
	ctx := context.Background()
	docs, err := s.Documents(ctx, 1_000_000, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 || len(docs)%KillBatchSize != 0 {
		t.Fatalf("%d documents after the kill: want whole batches of %d, and at least one", len(docs), KillBatchSize)
	}
	for _, d := range docs {
		if d.Events != KillEvents {
			t.Fatalf("document %s has %d events, want %d: a half-written document", d.ID, d.Events, KillEvents)
		}
	}
	batches := len(docs)/KillBatchSize + 1
	saved, dup := 0, 0
	for b := 0; b < batches; b++ {
		res, err := s.SaveBatch(ctx, KillBatch(b))
		if err != nil {
			t.Fatal(err)
		}
		saved, dup = saved+res.Saved, dup+res.Duplicates
	}
	if dup != len(docs) || saved != KillBatchSize {
		t.Errorf("resume: %d duplicates and %d saved, want %d and %d", dup, saved, len(docs), KillBatchSize)
	}
	return len(docs)
}

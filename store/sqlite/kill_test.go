package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlite"
)

const eventsPerDoc = 5

// killItems is batch b of the endless ingest the child process runs.
func killItems(b int) []store.Item {
	var items []store.Item
	for d := 0; d < 20; d++ {
		id := fmt.Sprintf("b%d-d%d", b, d)
		it := store.Item{Doc: marsad.Document{ID: id, Date: "2019-10-25", Text: "خبر رقم " + id}}
		for e := 0; e < eventsPerDoc; e++ {
			it.Events = append(it.Events, marsad.Event{EventType: "ASSAULT", Modality: marsad.Asserted, SentenceIndex: e})
		}
		items = append(items, it)
	}
	prep.Items(items)
	return items
}

// TestKillDuringIngest kills (SIGKILL) a process in the middle of saving
// batches and checks that the store holds whole documents only, and that
// re-running the ingest adds exactly what is missing.
func TestKillDuringIngest(t *testing.T) {
	ctx := context.Background()
	if path := os.Getenv("MARSAD_KILL_CHILD_DB"); path != "" {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		for b := 0; ; b++ {
			if _, err := s.SaveBatch(ctx, killItems(b)); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringIngest$")
	cmd.Env = append(os.Environ(), "MARSAD_KILL_CHILD_DB="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Let it write a few batches, then kill it without warning. Creating
	// the schema alone writes about 230 kB of WAL: wait for well past that.
	deadline := time.Now().Add(20 * time.Second)
	for {
		time.Sleep(200 * time.Millisecond)
		if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 600_000 || time.Now().After(deadline) {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()

	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	docs, err := s.Documents(ctx, 1_000_000, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 || len(docs)%20 != 0 {
		t.Fatalf("%d documents after the kill: want whole batches of 20, and at least one", len(docs))
	}
	for _, d := range docs {
		if d.Events != eventsPerDoc {
			t.Fatalf("document %s has %d events, want %d: a half-written document", d.ID, d.Events, eventsPerDoc)
		}
	}
	// Re-running the ingest skips what is stored and completes the rest.
	batches := len(docs)/20 + 1
	saved, dup := 0, 0
	for b := 0; b < batches; b++ {
		res, err := s.SaveBatch(ctx, killItems(b))
		if err != nil {
			t.Fatal(err)
		}
		saved, dup = saved+res.Saved, dup+res.Duplicates
	}
	if dup != len(docs) || saved != 20 {
		t.Errorf("resume: %d duplicates and %d saved, want %d and 20", dup, saved, len(docs))
	}
	t.Logf("killed after %d documents; resume skipped them and saved the next batch", len(docs))
}

package sqlite_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad/marsad/store/sqlite"
	"github.com/marsad/marsad/store/storetest"
)

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
		storetest.IngestForever(t, s)
	}
	path := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringIngest$")
	cmd.Env = append(os.Environ(), "MARSAD_KILL_CHILD_DB="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Let it commit a few batches (however loaded the machine), then kill
	// it without warning, most likely in the middle of the next one.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		if committed(ctx, path) >= 60 {
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
	n := storetest.CheckAfterKill(t, s)
	t.Logf("killed after %d documents; resume skipped them and saved the next batch", n)
}

// committed counts the documents another process has committed to the
// store at path (0 while it cannot be read yet).
func committed(ctx context.Context, path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return 0
	}
	defer s.Close()
	docs, err := s.Documents(ctx, 1_000_000, 0)
	if err != nil {
		return 0
	}
	return len(docs)
}

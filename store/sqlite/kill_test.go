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
	// Let it write a few batches, then kill it without warning.
	deadline := time.Now().Add(20 * time.Second)
	for {
		time.Sleep(200 * time.Millisecond)
		if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 200_000 || time.Now().After(deadline) {
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

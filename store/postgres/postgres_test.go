package postgres_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/postgres"
	"github.com/marsad/marsad/store/sqlstore"
	"github.com/marsad/marsad/store/storetest"
)

// testDSN returns the server to test against: MARSAD_TEST_POSTGRES, which
// scripts/postgres.sh start prints. Without it the tests skip, except
// under CI, which must never skip PostgreSQL.
func testDSN(t testing.TB) string {
	dsn := os.Getenv("MARSAD_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("MARSAD_TEST_POSTGRES is not set: CI must test the PostgreSQL store (eval \"$(scripts/postgres.sh start)\")")
		}
		t.Skip("skipping PostgreSQL tests: set MARSAD_TEST_POSTGRES, e.g. eval \"$(scripts/postgres.sh start)\"")
	}
	return dsn
}

var schemaSeq atomic.Int64

// freshSchema gives each test its own empty schema in the test database,
// dropped at the end, so tests never see each other's rows.
func freshSchema(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	base := testDSN(t)
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect %s: %v", base, err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("marsad_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+name+" CASCADE; CREATE SCHEMA "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err == nil {
			c.Exec(ctx, "DROP SCHEMA "+name+" CASCADE")
			c.Close(ctx)
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + name
}

func TestConformance(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := postgres.Open(context.Background(), freshSchema(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestMigrations(t *testing.T) {
	dsn := freshSchema(t)
	storetest.RunMigrations(t, func(version int) (*sqlstore.Store, error) {
		return postgres.OpenVersion(context.Background(), dsn, version)
	})
}

func TestOpenBadServer(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil {
		t.Fatal("Open on a closed port succeeded")
	}
}

// Two ingests of the same documents at once, and processes opening a
// fresh database at once (with the same schema: a fresh search_path).
func TestConcurrent(t *testing.T) {
	testDSN(t)
	storetest.RunConcurrent(t, func(t *testing.T) func() (store.Store, error) {
		dsn := freshSchema(t)
		return func() (store.Store, error) { return postgres.Open(context.Background(), dsn) }
	})
}

// TestKillDuringIngest kills (SIGKILL) a process in the middle of saving
// batches to PostgreSQL and checks that the store holds whole documents
// only, and that re-running the ingest adds exactly what is missing.
func TestKillDuringIngest(t *testing.T) {
	ctx := context.Background()
	if dsn := os.Getenv("MARSAD_KILL_CHILD_DSN"); dsn != "" {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		storetest.IngestForever(t, s)
	}
	dsn := freshSchema(t)
	s, err := postgres.Open(ctx, dsn) // migrated before the child starts writing
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringIngest$")
	cmd.Env = append(os.Environ(), "MARSAD_KILL_CHILD_DSN="+dsn)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Let it write a few batches, then kill it without warning.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		if st, err := s.Stats(ctx); err == nil && st.Documents >= 3*storetest.KillBatchSize {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	n := storetest.CheckAfterKill(t, s)
	t.Logf("killed after %d documents; resume skipped them and saved the next batch", n)
}

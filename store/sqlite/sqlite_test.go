package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlite"
	"github.com/marsad/marsad/store/sqlstore"
	"github.com/marsad/marsad/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	storetest.RunMigrations(t, func(version int) (*sqlstore.Store, error) {
		return sqlite.OpenVersion(context.Background(), path, version)
	})
}

func TestConcurrent(t *testing.T) {
	storetest.RunConcurrent(t, func(t *testing.T) func() (store.Store, error) {
		path := filepath.Join(t.TempDir(), "shared.db")
		return func() (store.Store, error) { return sqlite.Open(context.Background(), path) }
	})
}

// Read commands (events, stats, export) open the store while an ingest
// holds the write lock for a long batch: opening an up-to-date store must
// only read, so they never wait for that lock.
func TestReadersDoNotNeedTheWriteLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	writer, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	conn, err := writer.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	if _, err := conn.ExecContext(ctx, `INSERT INTO sources (name, first_seen) VALUES ('a writer', '2019-10-25')`); err != nil {
		t.Fatal(err)
	}

	r, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("opening for reading while a writer holds the lock: %v", err)
	}
	defer r.Close()
	if st, err := r.Stats(ctx); err != nil || st.SchemaVersion != sqlstore.SchemaVersion() {
		t.Errorf("Stats while a writer holds the lock: %+v, %v", st, err)
	}
	if _, err := r.Events(ctx, store.Filter{Types: []string{"ASSAULT"}}); err != nil {
		t.Errorf("Events while a writer holds the lock: %v", err)
	}
}

package sqlite_test

import (
	"context"
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

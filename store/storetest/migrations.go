package storetest

import (
	"context"
	"testing"

	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlstore"
)

// RunMigrations checks schema upgrades on one database: open(version)
// opens it migrated up to version (0: latest). A store built at version 1
// keeps its data when upgraded, and opening an up-to-date store again
// changes nothing.
func RunMigrations(t *testing.T, open func(version int) (*sqlstore.Store, error)) {
	ctx := context.Background()
	latest := sqlstore.SchemaVersion()
	if latest < 2 {
		t.Fatalf("SchemaVersion() = %d: the upgrade path needs at least two versions", latest)
	}
	reopen := func(version, want int) *sqlstore.Store {
		t.Helper()
		s, err := open(version)
		if err != nil {
			t.Fatalf("open at version %d: %v", version, err)
		}
		if v, err := s.Version(ctx); err != nil || v != want {
			t.Fatalf("schema version = %d, %v; want %d", v, err, want)
		}
		return s
	}
	old := reopen(1, 1)
	save(t, old, filterItems()...)
	old.Close()

	s := reopen(0, latest)
	before := stats(t, s)
	if before.Documents != 3 || before.Events != 3 || before.SchemaVersion != latest {
		t.Errorf("after upgrade: %+v", before)
	}
	if got := ids(events(t, s, store.Filter{Types: []string{"ASSAULT"}, Country: "LBY"})); got != "trp2,seed-e1" {
		t.Errorf("query after upgrade = %q", got)
	}
	s.Close()

	s = reopen(0, latest) // a second open is a no-op
	defer s.Close()
	if after := stats(t, s); after.Documents != before.Documents || after.SchemaVersion != latest {
		t.Errorf("reopening changed the store: %+v, was %+v", after, before)
	}
}

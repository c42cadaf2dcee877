package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/store/sqlite"
	"github.com/marsad/marsad/store/sqlstore"
	"github.com/marsad/marsad/store/storetest"
)

// benchStore opens a synthetic store of MARSAD_BENCH_EVENTS events
// (default 1,000,000), generated on first use and kept in the temp folder
// so that later runs start at once.
func benchStore(b *testing.B) *sqlstore.Store {
	ctx := context.Background()
	n := storetest.BenchEvents()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("marsad-bench-%d-v%d.db", n, sqlstore.SchemaVersion()))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".part"
		os.Remove(tmp)
		s, err := sqlite.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		storetest.Fill(b, s, n)
		s.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkEventsQuery times the filtered events query on the synthetic store.
func BenchmarkEventsQuery(b *testing.B) {
	storetest.BenchmarkEvents(b, benchStore(b))
}

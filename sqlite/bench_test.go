package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/marsad/marsad/sqlite"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlstore"
	"github.com/marsad/marsad/store/storetest"
)

// benchStore opens a synthetic store of MARSAD_BENCH_EVENTS events
// (default 1,000,000), generated on first use and kept in the temp folder
// so that later runs start at once.
func benchStore(b *testing.B) *sqlstore.Store {
	ctx := context.Background()
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("MARSAD_BENCH_EVENTS")); err == nil && v > 0 {
		n = v
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("marsad-bench-%d-v%d.db", n, sqlstore.SchemaVersion()))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".part"
		os.Remove(tmp)
		s, err := sqlite.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if err := storetest.Synthetic(ctx, s, n, 1); err != nil {
			b.Fatal(err)
		}
		s.Close()
		b.Logf("generated %d events in %s (%.0f events/s)", n, time.Since(t0).Round(time.Second), float64(n)/time.Since(t0).Seconds())
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

// BenchmarkEventsQuery is the dashboard's query: one type, one country, a
// four-month range, the newest 100.
func BenchmarkEventsQuery(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		f    store.Filter
	}{
		{"type+country+range", store.Filter{Types: []string{"ASSAULT"}, Country: "LBY", From: "2019-03-01", To: "2019-06-30", Limit: 100}},
		{"rare-type+country+range", store.Filter{Types: []string{"RETREAT"}, Country: "MLI", From: "2019-03-01", To: "2019-06-30", Limit: 100}},
		{"actor", store.Filter{Actor: "LBYACT2", Limit: 100}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(ctx, bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

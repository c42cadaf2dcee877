package storetest

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// BenchEvents is the number of synthetic events benchmarks use:
// MARSAD_BENCH_EVENTS, default 1,000,000.
func BenchEvents() int {
	if v, err := strconv.Atoi(os.Getenv("MARSAD_BENCH_EVENTS")); err == nil && v > 0 {
		return v
	}
	return 1_000_000
}

// BenchmarkEvents times the dashboard's queries on s, a store filled by
// Synthetic: one type, one country, a four-month range, the newest 100;
// the same for a rare type; and all events of one actor.
func BenchmarkEvents(b *testing.B, s store.Store) {
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		f    store.Filter
	}{
		{"type+country+range", store.Filter{Types: []string{"ASSAULT"}, Country: "LBY", From: "2019-03-01", To: "2019-06-30", Limit: 100}},
		{"rare-type+country+range", store.Filter{Types: []string{"RETREAT"}, Country: "MLI", From: "2019-03-01", To: "2019-06-30", Limit: 100}},
		{"actor", store.Filter{Actor: "LBYACT2", Limit: 100}},
	} {
		prep.Filter(&bc.f)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(ctx, bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Fill fills s with n synthetic events (seed 1) and logs the ingest rate.
func Fill(tb testing.TB, s store.Store, n int) {
	t0 := time.Now()
	if err := Synthetic(context.Background(), s, n, 1); err != nil {
		tb.Fatal(err)
	}
	d := time.Since(t0)
	tb.Logf("generated %d events in %s (%.0f events/s)", n, d.Round(time.Second), float64(n)/d.Seconds())
}

package storetest

import (
	"context"
	"os"
	"strconv"
	"testing"

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
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Events(ctx, bc.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

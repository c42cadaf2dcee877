package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

func testViews(t *testing.T, s store.Store) {
	ctx := context.Background()
	save(t, s, filterItems()...)

	e, err := s.Event(ctx, "seed-e1")
	if err != nil {
		t.Fatalf("Event(seed-e1): %v", err)
	}
	if want := events(t, s, store.Filter{DocID: "seed"}); len(want) != 1 || !reflect.DeepEqual(e, want[0]) {
		t.Errorf("Event(seed-e1) = %+v, want what Events returns: %+v", e, want)
	}
	if _, err := s.Event(ctx, "no-such-event"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(no-such-event) error = %v, want ErrNotFound", err)
	}

	for sort, want := range map[string]string{
		store.SortNewest: "trp2,bgd,seed-e1", store.SortOldest: "seed-e1,bgd,trp2", store.SortConfidence: "seed-e1,trp2,bgd",
	} {
		if got := ids(events(t, s, store.Filter{Sort: sort})); got != want {
			t.Errorf("Events(Sort %q) = %s, want %s", sort, got, want)
		}
	}
	if _, err := s.Events(ctx, store.Filter{Sort: "sideways"}); err == nil {
		t.Error("Events(Sort sideways) did not fail")
	}

	timeline := func(f store.Filter) []store.DayCount {
		t.Helper()
		prep.Filter(&f)
		out, err := s.Timeline(ctx, f)
		if err != nil {
			t.Fatalf("Timeline(%+v): %v", f, err)
		}
		return out
	}
	all := []store.DayCount{{Day: "2019-10-25", Type: "ASSAULT", Count: 1}, {Day: "2019-10-28", Type: "PROTEST", Count: 1}, {Day: "2019-11-01", Type: "ASSAULT", Count: 1}}
	if got := timeline(store.Filter{}); !reflect.DeepEqual(got, all) {
		t.Errorf("Timeline() = %v, want %v", got, all)
	}
	if got := timeline(store.Filter{Text: "الفساد"}); !reflect.DeepEqual(got, all[1:2]) {
		t.Errorf("Timeline(text الفساد) = %v, want %v", got, all[1:2])
	}
	if got := timeline(store.Filter{Country: "SYR"}); len(got) != 0 {
		t.Errorf("Timeline(SYR) = %v, want nothing", got)
	}

	places, err := s.Places(ctx, store.Filter{})
	wantPlaces := []store.PlaceCount{{Key: "geonames:2210247", Name: "Tripoli", Text: "طرابلس", Country: "LBY", Lat: 32.8872, Lon: 13.1913, Count: 1}}
	if err != nil || !reflect.DeepEqual(places, wantPlaces) {
		t.Errorf("Places() = %v, %v; want %v (places without coordinates are left out)", places, err, wantPlaces)
	}

	f := store.Filter{Types: []string{"ASSAULT"}}
	pairs, err := s.Pairs(ctx, f)
	wantPairs := []store.PairCount{
		{Source: "LBYMIL", SourceName: "Libyan National Army", SourceSide: "LNA", Target: prep.NormText("ميليشيات طرابلس"),
			TargetName: "ميليشيات طرابلس", Type: "ASSAULT", Count: 1},
		{Source: prep.NormText("قوات الوفاق"), SourceName: "قوات الوفاق", Target: "LBYMIL", TargetName: "الجيش الليبي", Type: "ASSAULT", Count: 1},
	}
	if err != nil || !reflect.DeepEqual(pairs, wantPairs) {
		t.Errorf("Pairs(ASSAULT) = %+v, %v\nwant %+v", pairs, err, wantPairs)
	}
	if pairs, err := s.Pairs(ctx, store.Filter{Types: []string{"PROTEST"}}); err != nil || len(pairs) != 0 {
		t.Errorf("Pairs(PROTEST) = %v, %v; want nothing (the protest has no target)", pairs, err)
	}
}

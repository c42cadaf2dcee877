package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// RunConcurrent checks that processes sharing one database do not make
// each other fail: several opening a fresh database at once (each runs
// the migrations), and two ingesting the same documents at once (each
// document is stored once, and the other ingest counts it a duplicate).
// fresh returns an opener of a new, empty database; every call of the
// opener opens that same database, as another process would.
func RunConcurrent(t *testing.T, fresh func(t *testing.T) func() (store.Store, error)) {
	t.Run("FirstOpen", func(t *testing.T) {
		for round := 0; round < 5; round++ {
			stores := openAtOnce(t, fresh(t), 4)
			for _, s := range stores {
				s.Close()
			}
		}
	})
	t.Run("OneHappening", func(t *testing.T) {
		for round := 0; round < 3; round++ {
			stores := openAtOnce(t, fresh(t), 4)
			reportAtOnce(t, stores)
			for _, s := range stores {
				s.Close()
			}
		}
	})
	t.Run("SameDocuments", func(t *testing.T) {
		for round := 0; round < 2; round++ {
			stores := openAtOnce(t, fresh(t), 2)
			ingestAtOnce(t, stores)
			for _, s := range stores {
				s.Close()
			}
		}
	})
}

// openAtOnce opens n stores of one database at the same moment.
func openAtOnce(t *testing.T, open func() (store.Store, error), n int) []store.Store {
	t.Helper()
	stores := make([]store.Store, n)
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range stores {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			stores[i], errs[i] = open()
		}()
	}
	start.Done()
	done.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("opener %d of %d: %v", i+1, n, err)
		}
	}
	return stores
}

// ingestAtOnce saves the same 100 documents through every store at once,
// in batches of 20.
func ingestAtOnce(t *testing.T, stores []store.Store) {
	t.Helper()
	var items []store.Item
	for d := 0; d < 100; d++ {
		it := store.Item{Doc: marsad.Document{ID: fmt.Sprintf("doc-%d", d), Date: "2019-10-25", Source: "Libya Observer",
			Text: fmt.Sprintf("اشتباكات في طرابلس، الخبر رقم %d", d)},
			Sentences: []marsad.Sentence{{Index: 0, End: 10, Text: "اشتباكات في"}}}
		for e := 0; e < 2; e++ {
			it.Events = append(it.Events, marsad.Event{ID: fmt.Sprintf("doc-%d-e%d", d, e), EventType: "ASSAULT",
				Modality: marsad.Asserted, Source: &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "LBYMIL"},
				Location: &marsad.PlaceRef{Text: "طرابلس", GazetteerID: "geonames:2210247"}, Date: "2019-10-25"})
		}
		items = append(items, it)
	}
	prep.Items(items)
	results := make([]store.BatchResult, len(stores))
	errs := make([]error, len(stores))
	var start, done sync.WaitGroup
	start.Add(1)
	for i, s := range stores {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			for b := 0; b < len(items) && errs[i] == nil; b += 20 {
				var r store.BatchResult
				r, errs[i] = s.SaveBatch(context.Background(), items[b:b+20])
				results[i].Saved += r.Saved
				results[i].Duplicates += r.Duplicates
			}
		}()
	}
	start.Done()
	done.Wait()
	saved, dups := 0, 0
	for i, err := range errs {
		if err != nil {
			t.Fatalf("ingest %d of %d: %v", i+1, len(stores), err)
		}
		saved += results[i].Saved
		dups += results[i].Duplicates
	}
	n := len(items)
	if saved != n || dups != n*(len(stores)-1) {
		t.Errorf("%d ingests of %d documents: %d saved, %d duplicates; want %d and %d", len(stores), n, saved, dups, n, n*(len(stores)-1))
	}
	if st := stats(t, stores[0]); st.Documents != n || st.Events != 2*n || st.Sentences != n {
		t.Errorf("after concurrent ingests: %+v", st)
	}
}

// reportAtOnce has every store save, at once and one document per
// transaction, other articles reporting one happening: all their events
// must get one cluster id, whichever transaction commits first.
func reportAtOnce(t *testing.T, stores []store.Store) {
	t.Helper()
	errs := make([]error, len(stores))
	var start, done sync.WaitGroup
	start.Add(1)
	for i, s := range stores {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			for d := 0; d < 10 && errs[i] == nil; d++ {
				id := fmt.Sprintf("writer-%d-doc-%d", i, d)
				batch := []store.Item{{Doc: marsad.Document{ID: id, Date: "2019-10-25",
					Text: fmt.Sprintf("قصف على طرابلس، رواية الكاتب %d رقم %d", i, d)},
					// One sentence copied by every outlet: a report the
					// clusterer always merges (dedup.Compare).
					Events: []marsad.Event{{ID: id + "-e", EventType: "ASSAULT", Modality: marsad.Asserted,
						Sentence: "قصف الجيش الليبي مواقع في العاصمة طرابلس فجر الجمعة",
						Source:   &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "LBYMIL"},
						Location: &marsad.PlaceRef{Text: "طرابلس", Country: "LBY", GazetteerID: "geonames:2210247"}, Date: "2019-10-25"}}}}
				// Other news after it keeps the transaction open a while,
				// as a real batch does.
				for o := 0; o < 20; o++ {
					oid := fmt.Sprintf("%s-other-%d", id, o)
					batch = append(batch, store.Item{Doc: marsad.Document{ID: oid, Date: "2019-10-25",
						Text: fmt.Sprintf("خبر آخر %d من الكاتب %d رقم %d", o, i, d)},
						Events: []marsad.Event{{ID: oid + "-e", EventType: "PROTEST", Modality: marsad.Asserted,
							Source: &marsad.ActorRef{Text: fmt.Sprintf("متظاهرون %d %d %d", i, d, o)}, Date: "2019-10-25"}}})
				}
				prep.Items(batch)
				_, errs[i] = s.SaveBatch(context.Background(), batch)
			}
		}()
	}
	start.Done()
	done.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("writer %d of %d: %v", i+1, len(stores), err)
		}
	}
	es, err := stores[0].Events(context.Background(), store.Filter{Types: []string{"ASSAULT"}, Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	clusters := map[string]int{}
	for _, e := range es {
		clusters[e.ClusterID]++
	}
	if len(es) != 10*len(stores) || len(clusters) != 1 {
		t.Errorf("%d writers reporting one happening: %d events in clusters %v, want %d in one", len(stores), len(es), clusters, 10*len(stores))
	}
}

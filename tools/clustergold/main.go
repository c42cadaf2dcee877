// Command clustergold samples the pairs of event reports that the cluster
// gold judges (docs/annotation-clusters.md), from a store holding the coded
// corpus:
//
//	go run ./cmd/marsad ingest --db corpus.db ../shared/corpus/ant-politics-2000.jsonl
//	go run ./tools/clustergold -db corpus.db > eval/testdata/clusters/pairs.tsv
//
// The rule, deterministic for a given store:
//
//  1. Reports: one event per happening of an article (the report mention),
//     asserted or past, with a type and a day.
//  2. Candidate pairs: two reports of the same type from different
//     articles whose days are at most 2 apart (the clustering window).
//  3. Each candidate falls in the first stratum it fits, by what the two
//     share: "copy" (sentence word-bigram Jaccard ≥ 0.6), "text" (≥ 0.25),
//     "actor+place" (an actor, by dictionary id or normalised text, and a
//     place, by gazetteer id or governorate), "one" (only one of the two),
//     "country" (nothing but the event's country, days at most 1 apart).
//     The first three hold most twins, the last two the hard non-twins.
//  4. Within a stratum candidates are ordered by an FNV hash of their two
//     event ids and taken in that order up to the stratum's quota, skipping
//     a pair whose report is already in two chosen pairs.
//  5. Part: "heldout" when the FNV hash of the type and the earlier day is
//     odd, else "dev", so that pairs about one day's news of a type share
//     a part.
//
// Labels and reasons are left empty for the annotator.
package main

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/eval"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/open"
)

// quotas are the strata in order, with how many pairs each gives.
var quotas = []struct {
	name string
	n    int
}{{"copy", 50}, {"text", 80}, {"actor+place", 80}, {"one", 80}, {"country", 40}}

func main() {
	db := flag.String("db", "marsad.db", "the store holding the coded corpus")
	flag.Parse()
	if err := run(*db); err != nil {
		slog.Error("clustergold", "err", err)
		os.Exit(1)
	}
}

type report struct {
	store.StoredEvent
	day     time.Time
	bigrams map[string]bool
	actors  []string
	places  []string
}

func run(db string) error {
	ctx := context.Background()
	s, err := open.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	evs, err := s.Events(ctx, store.Filter{Happenings: true, Limit: -1, Sort: store.SortOldest})
	if err != nil {
		return err
	}
	var reps []*report
	for _, e := range evs {
		day, err := time.Parse(time.DateOnly, e.Day)
		if err != nil || e.EventType == "" || !e.Counts() {
			continue
		}
		reps = append(reps, &report{StoredEvent: e, day: day, bigrams: bigrams(e.Sentence), actors: actorKeys(&e), places: placeKeys(&e)})
	}
	byType := map[string][]*report{}
	for _, r := range reps {
		byType[r.EventType] = append(byType[r.EventType], r)
	}
	type cand struct {
		a, b    *report
		stratum string
		order   uint64
	}
	var cands []cand
	for _, rs := range byType {
		for i, a := range rs {
			for _, b := range rs[i+1:] {
				days := b.day.Sub(a.day).Hours() / 24
				if a.DocID == b.DocID || days > 2 || days < -2 {
					continue
				}
				if st := stratum(a, b, days); st != "" {
					x, y := a, b
					if x.ID > y.ID {
						x, y = y, x
					}
					cands = append(cands, cand{x, y, st, hash(x.ID + "|" + y.ID)})
				}
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].order < cands[j].order })
	uses := map[string]int{}
	var pairs []eval.ClusterPair
	for _, q := range quotas {
		n := 0
		for _, c := range cands {
			if c.stratum != q.name || n == q.n || uses[c.a.ID] >= 2 || uses[c.b.ID] >= 2 {
				continue
			}
			uses[c.a.ID]++
			uses[c.b.ID]++
			n++
			first := min(c.a.Day, c.b.Day)
			part := "dev"
			if hash(c.a.EventType+"|"+first)%2 == 1 {
				part = "heldout"
			}
			pairs = append(pairs, eval.ClusterPair{
				ID: fmt.Sprintf("p%03d", len(pairs)+1), Part: part, Stratum: q.name,
				A:     eval.ReportRef{Doc: c.a.DocID, Type: c.a.EventType, Trigger: c.a.Trigger.Text, Sentence: c.a.Sentence},
				B:     eval.ReportRef{Doc: c.b.DocID, Type: c.b.EventType, Trigger: c.b.Trigger.Text, Sentence: c.b.Sentence},
				DateA: c.a.DocDate, DateB: c.b.DocDate, OutletA: c.a.DocSource, OutletB: c.b.DocSource,
				TitleA: c.a.DocTitle, TitleB: c.b.DocTitle,
			})
		}
		slog.Info("stratum", "name", q.name, "pairs", n)
	}
	return eval.WriteClusterGold(os.Stdout, pairs)
}

// stratum is the first stratum the pair fits, or "".
func stratum(a, b *report, days float64) string {
	j := jaccard(a.bigrams, b.bigrams)
	actor, place := overlap(a.actors, b.actors), overlap(a.places, b.places)
	switch {
	case j >= 0.6:
		return "copy"
	case j >= 0.25:
		return "text"
	case actor && place:
		return "actor+place"
	case actor || place:
		return "one"
	case a.Country != "" && a.Country == b.Country && days <= 1 && days >= -1:
		return "country"
	}
	return ""
}

func bigrams(s string) map[string]bool {
	w := strings.Fields(prep.NormText(s))
	out := map[string]bool{}
	for i := 0; i+1 < len(w); i++ {
		out[w[i]+" "+w[i+1]] = true
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	if u := len(a) + len(b) - inter; u > 0 {
		return float64(inter) / float64(u)
	}
	return 0
}

func actorKeys(e *store.StoredEvent) []string {
	var out []string
	for _, r := range []*marsad.ActorRef{e.Source, e.Target} {
		if r == nil {
			continue
		}
		if r.ActorID != "" {
			out = append(out, string(r.ActorID))
		} else if t := prep.NormText(r.Text); t != "" {
			out = append(out, "~"+t)
		}
	}
	return out
}

func placeKeys(e *store.StoredEvent) []string {
	l := e.Location
	if l == nil {
		return nil
	}
	var out []string
	if l.GazetteerID != "" {
		out = append(out, string(l.GazetteerID))
	} else if t := prep.NormText(l.Text); t != "" {
		out = append(out, "~"+t)
	}
	if l.Admin1 != "" {
		out = append(out, "admin1:"+string(l.Country)+":"+string(l.Admin1))
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

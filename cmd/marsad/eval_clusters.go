package main

import (
	"context"
	"flag"

	"github.com/marsad/marsad/dedup"
	"github.com/marsad/marsad/eval"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

func init() {
	var db *string
	var gold string
	var asJSON, errors, recluster bool
	register(&command{
		Name:    "eval clusters",
		Summary: "score the store's event clusters (happenings) against the cluster gold",
		Usage:   "[--gold FILE] [--db STORE] [--recluster] [--json] [--errors]",
		Example: `marsad ingest --db corpus.db ../shared/corpus/ant-politics-2000.jsonl
marsad eval clusters --db corpus.db
marsad eval clusters --db corpus.db --errors | grep WRONG

The gold (docs/annotation-clusters.md) is pairs of reports from two articles
judged same happening or different. Each report is found in the store by its
document, event type, trigger and sentence; a pair is merged when both are in
one cluster. Precision is the share of merged pairs the gold calls same,
recall the share of same pairs merged; a report the store lacks is listed as
MISSING and its pair left out. "dev" is the tuning part, "heldout" the part
reported; gold happenings are the groups the same pairs join, whole when
one cluster holds all their reports. The store line describes every cluster.
--recluster scores today's clustering rule on a store ingested before it: the
stored events are clustered again in memory, oldest first.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			fs.StringVar(&gold, "gold", "eval/testdata/clusters/gold.tsv", "the cluster gold `file`")
			fs.BoolVar(&asJSON, "json", false, "also print one JSON object with the figures on the last line")
			fs.BoolVar(&errors, "errors", false, "list MISSING reports, WRONG merges and MISSes before the table")
			fs.BoolVar(&recluster, "recluster", false, "cluster the stored events again with the current rule instead of reading their cluster ids")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			pairs, err := readGold(gold, eval.ReadClusterGold)
			if err != nil {
				return err
			}
			var evs []store.StoredEvent
			err = withStore(ctx, *db, func(s store.Store) (err error) {
				evs, err = s.Events(ctx, store.Filter{Limit: -1, Sort: store.SortOldest})
				return err
			})
			if err != nil {
				return err
			}
			if recluster {
				reclusterEvents(evs, &dedup.Clusterer{})
			}
			rep := scoreClusters(pairs, evs, dedup.DefaultWindowDays)
			return printReport(env.Stdout, rep, errors, asJSON)
		},
	})
}

// scoreClusters scores the clusters of evs against the gold pairs.
func scoreClusters(pairs []eval.ClusterPair, evs []store.StoredEvent, window int) *eval.ClusterEval {
	byDoc := map[string][]*store.StoredEvent{}
	members := make([]eval.ClusterMember, len(evs))
	for i := range evs {
		e := &evs[i]
		byDoc[e.DocID] = append(byDoc[e.DocID], e)
		members[i] = eval.ClusterMember{Cluster: e.ClusterID, Doc: e.DocID, Day: e.Day,
			Report: e.Mention == "" || e.Mention == "report"}
	}
	cluster := func(r eval.ReportRef) (string, bool) {
		for _, e := range byDoc[r.Doc] {
			if e.EventType == r.Type && eval.SameText(e.Trigger.Text, r.Trigger) && eval.SameText(e.Sentence, r.Sentence) {
				return e.ClusterID, true
			}
		}
		return "", false
	}
	rep := &eval.ClusterEval{Window: window, Store: eval.Figures(members, window)}
	for _, part := range []string{"dev", "heldout", ""} {
		r := eval.ScoreClusters(pairs, part, cluster)
		if part == "" { // the parts list them already
			r.Missing, r.Errors = nil, nil
		}
		rep.Parts = append(rep.Parts, r)
	}
	return rep
}

// reclusterEvents sets the cluster ids of evs (oldest first) as c assigns
// them; the other mentions of a happening follow its report, as in the
// stores.
func reclusterEvents(evs []store.StoredEvent, c *dedup.Clusterer) {
	type happening struct{ doc, id string }
	clusterOf := map[happening]string{}
	for _, reports := range []bool{true, false} {
		for i := range evs {
			e := &evs[i]
			if isReport := e.Mention == "" || e.Mention == "report"; isReport != reports {
				continue
			}
			h := happening{e.DocID, string(e.HappeningID)}
			if c, ok := clusterOf[h]; ok && h.id != "" {
				e.ClusterID = c
				continue
			}
			var r *dedup.Report
			if reports {
				if r = prep.Report(&e.Event); r != nil {
					r.Day = e.Day
				}
			}
			e.ClusterID = c.Assign(e.ID, r)
			if reports && h.id != "" {
				clusterOf[h] = e.ClusterID
			}
		}
	}
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad/marsad/export"
	"github.com/marsad/marsad/store"
)

func init() {
	var db, types *string
	var f store.Filter
	var asJSON bool
	register(&command{
		Name:    "events",
		Summary: "query stored events (filters by type, actor, country, place, dates, source, modality, text)",
		Usage:   "[flags]",
		Example: `marsad events --type ASSAULT --country LBY --from 2018-01-01 --to 2018-03-31
marsad events --actor lby-lna --modality asserted --limit 20
marsad events --text مصراتة --json
marsad events --cluster eade03e4d454fb38 --happenings

--cluster ID lists the reports of one happening across articles, with each
report's outlet and death toll, and says where the outlets differ.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			types = new(string)
			filterFlags(fs, &f, types, store.DefaultLimit)
			fs.IntVar(&f.Offset, "offset", 0, "skip this many events (paging)")
			fs.BoolVar(&f.Happenings, "happenings", false, "one event per happening of an article (its report, with the merged roles), not every mention")
			fs.BoolVar(&asJSON, "json", false, "one JSON event per line instead of a table")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			evs, err := queryEvents(ctx, *db, f, *types)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(env.Stdout)
				for i := range evs {
					if err := enc.Encode(&evs[i]); err != nil {
						return err
					}
				}
				return nil
			}
			if f.Cluster != "" {
				return writeHappening(env.Stdout, f.Cluster, evs)
			}
			return writeEventTable(env.Stdout, evs)
		},
	})
	var actorsDB *string
	var actorsJSON bool
	var top int
	register(&command{
		Name:    "actors",
		Summary: "list the actors of stored events with how often they act and are acted upon",
		Usage:   "[flags]",
		Example: `marsad actors --top 30
marsad actors --json > actors.jsonl`,
		Flags: func(fs *flag.FlagSet) {
			actorsDB = dbFlag(fs)
			fs.IntVar(&top, "top", 50, "how many actors to list (0: all)")
			fs.BoolVar(&actorsJSON, "json", false, "one JSON object per actor instead of a table")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			var as []store.ActorCount
			err := withStore(ctx, *actorsDB, func(s store.Store) (err error) {
				as, err = s.Actors(ctx)
				return err
			})
			if err != nil {
				return err
			}
			if top > 0 && len(as) > top {
				as = as[:top]
			}
			if actorsJSON {
				enc := json.NewEncoder(env.Stdout)
				for _, a := range as {
					enc.Encode(a)
				}
				return nil
			}
			rows := make([][]string, len(as))
			for i, a := range as {
				rows[i] = []string{cut(a.Key, 40), cut(a.Name, 40), a.Country, a.Sector, a.Side, strconv.Itoa(a.AsSource), strconv.Itoa(a.AsTarget)}
			}
			return writeTable(env.Stdout, []string{"ACTOR", "NAME", "COUNTRY", "SECTOR", "SIDE", "SOURCE", "TARGET"}, rows)
		},
	})
}

// writeEventTable prints events one per line for people (writeTable).
func writeEventTable(w io.Writer, evs []store.StoredEvent) error {
	rows := make([][]string, 0, len(evs))
	for _, e := range evs {
		src, tgt, place := "", "", ""
		if e.Source != nil {
			src = e.Source.Text
		}
		if e.Target != nil {
			tgt = e.Target.Text
		}
		if e.Location != nil {
			place = e.Location.Text
			if e.Location.Country != "" {
				place += " (" + string(e.Location.Country) + ")"
			}
		}
		rows = append(rows, []string{e.Day, e.EventType, e.Modality, cut(src, 30), cut(tgt, 30), cut(place, 24),
			cut(e.Trigger.Text, 20), cut(e.DocID, 40)})
	}
	if err := writeTable(w, []string{"DATE", "TYPE", "MODALITY", "SOURCE", "TARGET", "PLACE", "TRIGGER", "DOCUMENT"}, rows); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d events\n", len(evs))
	return err
}

// writeHappening prints the reports of one event cluster: the outlets that
// report it and, when they differ, their death tolls.
func writeHappening(w io.Writer, cluster string, evs []store.StoredEvent) error {
	ptrs := make([]*store.StoredEvent, len(evs))
	for i := range evs {
		ptrs[i] = &evs[i]
	}
	head := &store.StoredEvent{}
	head.ClusterID = cluster
	export.Happenings([]*store.StoredEvent{head}, ptrs)
	fmt.Fprintf(w, "happening %s: %d reports from %d outlets (%s)\n", cluster, len(evs), len(head.Sources), strings.Join(head.Sources, ", "))
	if len(head.Tolls) > 1 {
		t := make([]string, len(head.Tolls))
		for i, n := range head.Tolls {
			t[i] = strconv.Itoa(n)
		}
		fmt.Fprintf(w, "the outlets differ on the death toll: %s\n", strings.Join(t, ", "))
	}
	rows := make([][]string, 0, len(evs))
	for _, e := range evs {
		toll := ""
		if e.Fatalities != nil {
			toll = strconv.Itoa(*e.Fatalities)
		}
		rows = append(rows, []string{e.Day, cut(e.DocSource, 24), e.EventType, e.Modality, toll, cut(e.Sentence, 60), cut(e.DocID, 30)})
	}
	return writeTable(w, []string{"DATE", "OUTLET", "TYPE", "MODALITY", "DEATHS", "SENTENCE", "DOCUMENT"}, rows)
}

package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/export"
	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/open"
)

// dbFlag declares --db with MARSAD_DB as its default.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("MARSAD_DB")
	if def == "" {
		def = "marsad.db"
	}
	return fs.String("db", def, "store: a SQLite file, or a postgres:// URL")
}

// filterFlags declares the event filter flags on fs.
func filterFlags(fs *flag.FlagSet, f *store.Filter, types *string) {
	fs.StringVar(types, "type", "", "PLOVER event types, comma-separated (ASSAULT,PROTEST)")
	fs.StringVar(&f.Actor, "actor", "", "actor id or text, as source or target")
	fs.StringVar(&f.Country, "country", "", "ISO3 country of the event (LBY)")
	fs.StringVar(&f.Place, "place", "", "gazetteer id or place text")
	fs.StringVar(&f.From, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "last day, YYYY-MM-DD")
	fs.StringVar(&f.Source, "source", "", "document source")
	fs.StringVar(&f.Modality, "modality", "", "asserted, negated, hypothetical, future or historical")
	fs.StringVar(&f.Text, "text", "", "full-text query over the articles")
	fs.StringVar(&f.Cluster, "cluster", "", "event cluster id: every report of one happening")
	fs.StringVar(&f.DocID, "doc", "", "document id")
	fs.IntVar(&f.Limit, "limit", 100000, "most events to return")
}

func init() {
	var (
		db, types *string
		format    *string
		f         store.Filter
		mentions  bool
	)
	register(&command{
		Name:    "export",
		Summary: "write stored events as PLOVER JSONL, ACLED CSV, GeoJSON, GraphML or CSV",
		Usage:   "[flags]",
		Example: `marsad export --format acled --country LBY --from 2019-04-01 > libya.csv
marsad export --format graphml --type ASSAULT > actors.graphml

Exports write one row per happening of an article: its report, which carries
the roles, place, date and toll merged from every sentence that tells it
(--mentions writes every mention instead).`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			format = fs.String("format", "plover", "output format: "+strings.Join(export.Formats, ", "))
			types = new(string)
			filterFlags(fs, &f, types)
			fs.BoolVar(&mentions, "mentions", false, "write every mention of a happening, not one row per happening")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			f.Happenings = !mentions
			evs, err := queryEvents(ctx, *db, f, *types)
			if err != nil {
				return err
			}
			env.Log.Debug("export", "events", len(evs), "format", *format)
			return export.Write(env.Stdout, *format, evs, export.Options{})
		},
	})
	var statsDB *string
	register(&command{
		Name:    "stats",
		Summary: "summarise a store: documents, events, clusters, types",
		Usage:   "[flags]",
		Example: "marsad stats --db marsad.db",
		Flags:   func(fs *flag.FlagSet) { statsDB = dbFlag(fs) },
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			var st store.Stats
			err := withStore(ctx, *statsDB, func(s store.Store) (err error) {
				st, err = s.Stats(ctx)
				return err
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%s\n%d sentences, %d dictionary actors, %d places, schema version %d\n",
				st.Collapse(), st.Sentences, st.Actors, st.Places, st.SchemaVersion)
			for _, t := range sortedTypes(st.ByType) {
				fmt.Fprintf(env.Stdout, "  %-10s %d\n", t, st.ByType[t])
			}
			return nil
		},
	})
}

// queryEvents opens the store and returns the events f selects; types is
// the comma-separated --type flag.
func queryEvents(ctx context.Context, db string, f store.Filter, types string) ([]store.StoredEvent, error) {
	if types != "" {
		f.Types = strings.Split(types, ",")
	}
	// A mistyped filter would silently match nothing: say so instead.
	for i, t := range f.Types {
		f.Types[i] = strings.ToUpper(strings.TrimSpace(t))
		if !lexicon.IsEventType(f.Types[i]) {
			return nil, fmt.Errorf("--type %q is not a PLOVER event type (AGREE, CONSULT, …, ASSAULT)", t)
		}
	}
	for name, d := range map[string]string{"--from": f.From, "--to": f.To} {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			return nil, fmt.Errorf("%s %q is not a date (YYYY-MM-DD)", name, d)
		}
	}
	switch f.Modality {
	case "", marsad.Asserted, marsad.Negated, marsad.Hypothetical, marsad.Future, marsad.Historical:
	default:
		return nil, fmt.Errorf("--modality %q: use asserted, negated, hypothetical, future or historical", f.Modality)
	}
	prep.Filter(&f)
	var evs []store.StoredEvent
	err := withStore(ctx, db, func(s store.Store) (err error) {
		evs, err = s.Events(ctx, f)
		return err
	})
	return evs, err
}

// withStore opens the store named by db, runs fn and closes it.
func withStore(ctx context.Context, db string, fn func(store.Store) error) error {
	s, err := open.Open(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

func sortedTypes(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

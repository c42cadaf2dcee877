package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
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

// filterFlags declares the event filter flags on fs; limit is the default
// of --limit (0: all).
func filterFlags(fs *flag.FlagSet, f *store.Filter, types *string, limit int) {
	fs.StringVar(types, "type", "", "PLOVER event types, comma-separated (ASSAULT,PROTEST)")
	fs.StringVar(&f.Actor, "actor", "", "actor, as source or target: its id (lby-haftar), any of its names or aliases in Arabic or English (Haftar, حفتر), or the text of a mention")
	fs.StringVar(&f.Country, "country", "", "ISO3 country of the event, any case (LBY, lby)")
	fs.StringVar(&f.Place, "place", "", "place: its gazetteer id, its Arabic or English name or an alias (Tripoli, طرابلس), or the text of a mention")
	fs.StringVar(&f.From, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "last day, YYYY-MM-DD")
	fs.StringVar(&f.Source, "source", "", "document source, any case: the outlet's name, its start or its short name (Sky, BBC)")
	fs.StringVar(&f.Modality, "modality", "", "asserted, negated, hypothetical, future or historical")
	fs.StringVar(&f.Text, "text", "", "full-text query over the articles")
	fs.StringVar(&f.Cluster, "cluster", "", "event cluster id: every report of one happening")
	fs.StringVar(&f.DocID, "doc", "", "document id")
	fs.IntVar(&f.Limit, "limit", limit, "most events to return (0: all)")
}

func init() {
	var (
		db, types *string
		format    *string
		f         store.Filter
		opts      export.Options
		bom       bool
		codedAt   string
	)
	register(&command{
		Name:    "export",
		Summary: "write stored events as PLOVER JSONL, ACLED CSV, GeoJSON, GraphML or CSV",
		Usage:   "[flags]",
		Example: `marsad export --format acled --country LBY --from 2019-04-01 > libya.csv
marsad export --format graphml --type ASSAULT > actors.graphml

Exports write one row per happening of an article: its report, which carries
the roles, place, date and toll merged from every sentence that tells it
(--mentions writes every mention instead). The ACLED and GeoJSON exports
also write one row per event cluster (the reports of one happening across
articles) and leave out historical background, events dated over a year
before their article and events the text does not assert
(--all-modalities keeps them); every event they leave out is counted, with
the reason, in a summary line on stderr. Each actor has one country, sector
and side in every format: the dictionary's, or the majority of its mentions.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			format = fs.String("format", "plover", "output format: "+strings.Join(export.Formats, ", "))
			types = new(string)
			filterFlags(fs, &f, types, 0)
			fs.BoolVar(&opts.Mentions, "mentions", false, "write every mention of a happening, not one row per happening")
			fs.BoolVar(&opts.AllModalities, "all-modalities", false, "acled, geojson: keep historical, old, negated, hypothetical and future events (ACLED tags say which)")
			fs.BoolVar(&bom, "bom", false, "csv, acled: start with a UTF-8 byte-order mark, so that Excel reads the Arabic right")
			fs.StringVar(&codedAt, "coded-at", "", "stamp `TIME` (RFC 3339, or YYYY-MM-DD) as the coding time instead of now, for exports that compare byte for byte")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			if !slices.Contains(export.Formats, strings.ToLower(*format)) && !strings.EqualFold(*format, "jsonl") {
				return usageErr("--format %q: use one of %s", *format, strings.Join(export.Formats, ", "))
			}
			if bom && !strings.EqualFold(*format, "csv") && !strings.EqualFold(*format, "acled") {
				return usageErr("--bom is for the CSV formats (csv, acled), not %s", *format)
			}
			if codedAt != "" {
				t, err := time.Parse(time.RFC3339, codedAt)
				if err != nil {
					if t, err = time.Parse(time.DateOnly, codedAt); err != nil {
						return usageErr("--coded-at %q is not a time (2019-10-25T08:00:00Z) or a date (2019-10-25)", codedAt)
					}
				}
				opts.CodedAt = t.UTC()
			}
			f.Happenings = !opts.Mentions
			evs, err := queryEvents(ctx, *db, f, *types)
			if err != nil {
				return err
			}
			if bom {
				if _, err := io.WriteString(env.Stdout, "\uFEFF"); err != nil {
					return err
				}
			}
			var sum export.Summary
			opts.Summary = &sum
			if err := export.Write(env.Stdout, *format, evs, opts); err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "marsad export: %s\n", sum.String())
			return nil
		},
	})
	var statsDB *string
	var statsJSON bool
	register(&command{
		Name:    "stats",
		Summary: "summarise a store: documents, events, clusters, types, the queue",
		Usage:   "[flags]",
		Example: "marsad stats --db marsad.db\nmarsad stats --json --db postgres://marsad@127.0.0.1/marsad",
		Flags: func(fs *flag.FlagSet) {
			statsDB = dbFlag(fs)
			fs.BoolVar(&statsJSON, "json", false, "print one JSON object (with the queue's pending, leased, done and failed counts)")
		},
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
			if statsJSON {
				return printJSON(env, st)
			}
			fmt.Fprintf(env.Stdout, "%s\n%d sentences, %d dictionary actors, %d places, schema version %d\n",
				st.Collapse(), st.Sentences, st.Actors, st.Places, st.SchemaVersion)
			if n := st.Queue; n != (store.QueueCounts{}) {
				fmt.Fprintf(env.Stdout, "queue: %d pending, %d leased, %d done, %d failed\n", n.Pending, n.Leased, n.Done, n.Failed)
			}
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
			return nil, usageErr("--type %q is not a PLOVER event type (AGREE, CONSULT, …, ASSAULT)", t)
		}
	}
	for name, d := range map[string]string{"--from": f.From, "--to": f.To} {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			return nil, usageErr("%s %q is not a date (YYYY-MM-DD)", name, d)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return nil, usageErr("--from %s is after --to %s: no day is in between", f.From, f.To)
	}
	if f.Limit < 0 {
		return nil, usageErr("--limit %d: give a number of events, or 0 for all", f.Limit)
	}
	if f.Limit == 0 {
		f.Limit = -1 // the store's "no limit"
	}
	switch f.Modality {
	case "", marsad.Asserted, marsad.Negated, marsad.Hypothetical, marsad.Future, marsad.Historical:
	default:
		return nil, usageErr("--modality %q: use asserted, negated, hypothetical, future or historical", f.Modality)
	}
	f.Country = strings.ToUpper(f.Country)
	prep.Filter(&f)
	if f.Actor != "" || f.Place != "" {
		k, err := openKnowledge()
		if err != nil {
			return nil, err
		}
		lex, err := k.Lexicon()
		if err != nil {
			return nil, err
		}
		prep.FilterNames(&f, lex.Actors(), lex.Places())
	}
	// A text of no letters or digits ("%", "-") would match every event
	// without that role: say so instead.
	if f.Actor != "" && f.Keys.Actor == "" && len(f.Keys.ActorIDs) == 0 {
		return nil, usageErr("--actor %q has no letter or digit to match", f.Actor)
	}
	if f.Place != "" && f.Keys.Place == "" && len(f.Keys.PlaceIDs) == 0 {
		return nil, usageErr("--place %q has no letter or digit to match", f.Place)
	}
	var evs []store.StoredEvent
	err := withStore(ctx, db, func(s store.Store) (err error) {
		evs, err = s.Events(ctx, f)
		return err
	})
	return evs, err
}

// withStore opens the existing store named by db, runs fn and closes it.
func withStore(ctx context.Context, db string, fn func(store.Store) error) error {
	s, err := openStore(ctx, db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// openStore opens the store named by db: a postgres:// URL or a SQLite
// file, which only ingest may create (create true); a read command on a
// file that does not exist would otherwise make an empty store and report
// "0 events". Other URL schemes (mysql://) are refused, not taken for a
// file name.
func openStore(ctx context.Context, db string, create bool) (store.Store, error) {
	if !open.IsPostgres(db) {
		if scheme, _, ok := strings.Cut(db, "://"); ok && !strings.ContainsAny(scheme, `/\.`) {
			return nil, usageErr("--db %s: %s:// is not a store Marsad can use: give a SQLite file or a postgres:// URL", db, scheme)
		}
		if _, err := os.Stat(db); !create && errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s: ingest articles first (marsad ingest --db %s FILE), or name the store with --db or MARSAD_DB", db, db)
		}
	}
	return open.Open(ctx, db)
}

func sortedTypes(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

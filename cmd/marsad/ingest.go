package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"runtime"
	"time"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store"
)

func init() {
	var db *string
	var format, date, columns string
	var workers, batch, maxRejects, maxText, maxItems int
	var docTimeout time.Duration
	var allowPrivate, asJSON, quiet, enqueue bool
	register(&command{
		Name:    "ingest",
		Summary: "code articles and save documents, sentences and events to the store (idempotent, resumable)",
		Usage:   "[flags] PATH...",
		Example: `marsad ingest ../shared/corpus/ant-politics-2000.jsonl
marsad ingest --db postgres://marsad@127.0.0.1/marsad feeds/ articles.csv --columns text=body,date=published
marsad ingest https://example.org/rss.xml
cat article.txt | marsad ingest --date 2019-10-25 -

PATH is a file, a folder (read recursively), an RSS/Atom feed URL, or "-" for
stdin. Formats: .txt, .jsonl, .json, .csv/.tsv (--columns maps names), feeds,
.html. Each document is identified by the SHA-256 of its text: re-running an
ingest adds nothing that is already stored, and after Ctrl-C or a crash it
picks up where it stopped (each batch is one transaction, so no document is
ever half-written). Copies of a text already read in the run are counted as
duplicates before any analysis. Inputs that cannot be read, coded within the
time budget or held by the store are rejected with the reason and never stop
the run; the first --max-rejects are listed, all are counted by reason.
Limits and their defaults are in docs/reliability.md.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			fs.StringVar(&format, "input", "", "force the input format: txt, jsonl, json, csv, tsv, feed or html")
			fs.StringVar(&date, "date", "", "publication date `YYYY-MM-DD` for inputs that have none")
			fs.StringVar(&columns, "columns", "", "CSV/TSV column names, e.g. `text=body,date=published,title=headline`")
			fs.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
			fs.IntVar(&batch, "batch", 200, "documents per transaction")
			fs.IntVar(&maxText, "max-text", reader.DefaultMaxText, "reject records with more `bytes` of text (checked while reading)")
			fs.IntVar(&maxItems, "max-items", reader.DefaultMaxItems, "items read from one feed; the rest are one reject")
			fs.DurationVar(&docTimeout, "doc-timeout", ingest.DefaultDocTimeout, "time budget of one document; one coded longer is rejected (negative: none)")
			fs.IntVar(&maxRejects, "max-rejects", ingest.DefaultMaxRejects, "reject messages listed; the rest are only counted")
			allowPrivateFlag(fs, &allowPrivate)
			fs.BoolVar(&asJSON, "json", false, "print the summary as one JSON object on the last line")
			fs.BoolVar(&quiet, "quiet", false, "no progress output")
			fs.BoolVar(&enqueue, "enqueue", false, "only queue the documents as pending, for marsad worker to code (docs/scaling.md)")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				return errUsage
			}
			ropt := reader.Options{Format: format, Date: date, Stdin: env.Stdin, MaxText: maxText, MaxItems: maxItems, AllowPrivate: allowPrivate}
			if columns != "" {
				cols, err := reader.ParseColumns(columns)
				if err != nil {
					return err
				}
				ropt.Columns = cols
			}
			st, err := openStore(ctx, *db, true)
			if err != nil {
				return err
			}
			defer st.Close()

			// The store keeps the dictionaries next to the events, so that
			// exports and the dashboard can name actors and places.
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			if lex, err := k.Lexicon(); err == nil {
				if err := st.UpsertActors(ctx, derefAll(lex.Actors())); err != nil {
					return err
				}
				if err := st.UpsertPlaces(ctx, derefAll(lex.Places())); err != nil {
					return err
				}
			}
			if enqueue {
				return enqueueRun(ctx, env, st, args, ropt, asJSON)
			}
			c, err := runCoder()
			if err != nil {
				return err
			}
			version, err := k.Version()
			if err != nil {
				return err
			}
			opt := ingest.Options{Reader: ropt, Workers: workers, BatchSize: batch, DocTimeout: docTimeout, MaxRejects: maxRejects, Knowledge: version}
			if !quiet {
				pp := newProgress(env.Stderr, countRecords(args))
				opt.Progress = func(p ingest.Progress) {
					pp.update(p.Seen, fmt.Sprintf("%d new, %d duplicate, %d rejected, %d events", p.New, p.Duplicate, p.Rejected, p.Events), p.Elapsed, p.Done)
				}
			}
			sum, err := ingest.Run(ctx, st, c, args, opt)
			for _, r := range sum.Rejects {
				fmt.Fprintf(env.Stderr, "rejected %s\n", r)
			}
			sum.WriteSummary(env.Stdout)
			if s, serr := st.Stats(ctx); serr == nil {
				fmt.Fprintf(env.Stdout, "store %s: %s\n", redactDSN(*db), s.Collapse())
			}
			if asJSON {
				json.NewEncoder(env.Stdout).Encode(sum)
			}
			if err == nil && sum.Documents == 0 && sum.Rejected > 0 {
				err = fmt.Errorf("no document could be read (%d rejected, reasons above)", sum.Rejected)
			}
			return err
		},
	})
}

// enqueueRun is ingest --enqueue: read and queue, code nothing.
func enqueueRun(ctx context.Context, env *cliEnv, st store.Store, args []string, ropt reader.Options, asJSON bool) error {
	q, ok := st.(store.Queue)
	if !ok {
		return fmt.Errorf("this store has no queue")
	}
	sum, err := ingest.Enqueue(ctx, q, args, ropt, 0)
	for _, r := range sum.Rejects {
		fmt.Fprintf(env.Stderr, "rejected %s\n", r)
	}
	fmt.Fprintf(env.Stdout, "queued in %.1f s: %d documents added, %d already stored, %d already queued; %d rejected\n",
		sum.Seconds, sum.Added, sum.Stored, sum.Queued, sum.Rejected)
	if asJSON {
		printJSON(env, sum)
	}
	return err
}

// redactDSN hides the password of a PostgreSQL URL before it is printed.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

func derefAll[T any](xs []*T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = *x
	}
	return out
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"time"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/store"
)

func init() {
	var db *string
	var workers, batch int
	var lease, idle, docTimeout time.Duration
	var drain, quiet bool
	register(&command{
		Name:    "worker",
		Summary: "code the documents queued in the store (marsad ingest --enqueue), alongside other workers",
		Usage:   "[flags]",
		Example: `marsad worker --db postgres://marsad@db.example/marsad
marsad worker --db postgres://marsad@127.0.0.1/marsad --drain

A worker claims a batch of queued documents for a lease (FOR UPDATE SKIP
LOCKED on PostgreSQL, so workers on many machines never take the same
ones), renews the lease while it codes them, and commits their documents,
events and completion in one transaction. A worker that dies leaves its
lease to run out; another worker then takes the batch. Batches commit in
queue order, so the store ends as one ingest of the same input would
leave it. A document whose coding fails is retried, and parked as failed
with its error after 3 attempts (marsad stats --json counts them). When
knowledge published with marsad knowledge publish changes, the worker
reloads it before its next claim. See docs/scaling.md.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			fs.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
			fs.IntVar(&batch, "batch", 50, "documents per claim (and per transaction)")
			fs.DurationVar(&lease, "lease", time.Minute, "lease of a claim; renewed every third of it while coding")
			fs.DurationVar(&idle, "idle", 2*time.Second, "pause before asking again when nothing is queued")
			fs.DurationVar(&docTimeout, "doc-timeout", ingest.DefaultDocTimeout, "time budget of one document (negative: none)")
			fs.BoolVar(&drain, "drain", false, "exit when no document is pending or leased, instead of waiting for more")
			fs.BoolVar(&quiet, "quiet", false, "no progress output")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			st, err := openStore(ctx, *db, false)
			if err != nil {
				return err
			}
			defer st.Close()
			q, ok := st.(store.Queue)
			if !ok {
				return fmt.Errorf("store %s has no queue", redactDSN(*db))
			}
			opt := ingest.WorkOptions{Workers: workers, BatchSize: batch, Lease: lease, Idle: idle, DocTimeout: docTimeout,
				Drain: drain, Coder: liveCoder(st), Log: env.Log}
			if !quiet {
				opt.Progress = func(p ingest.WorkProgress) {
					fmt.Fprintf(env.Stderr, "\rworker: %d documents coded, %d already stored, %d failed, %d events, %.1f documents/s ",
						p.Documents, p.Duplicates, p.Failed, p.Events, float64(p.Documents)/p.Elapsed.Seconds())
				}
			}
			p, err := ingest.Work(ctx, q, opt)
			fmt.Fprintf(env.Stdout, "worker: %d documents coded, %d already stored, %d failed, %d events in %.1f s\n",
				p.Documents, p.Duplicates, p.Failed, p.Events, p.Elapsed.Seconds())
			return err
		},
	})
}

// printJSON writes v as one line of JSON.
func printJSON(env *cliEnv, v any) error { return json.NewEncoder(env.Stdout).Encode(v) }

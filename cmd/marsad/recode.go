package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/store"
)

func init() {
	var db *string
	var since string
	var where store.RecodeWhere
	var workers, batch int
	var quiet bool
	register(&command{
		Name:    "recode",
		Summary: "code stored documents again with the current knowledge, replacing their events (resumable)",
		Usage:   "[flags]",
		Example: `marsad recode --db marsad.db
marsad recode --since 2019-04-01 --db postgres://marsad@127.0.0.1/marsad
marsad recode --where source=sky --where id=SK- --db marsad.db

The current knowledge is the one published in the store (marsad knowledge
publish), else MARSAD_DATA over the built-in files. Each document coded
with another knowledge version is coded again and its events replaced, one
transaction per batch: an event that comes out unchanged keeps its id and
its cluster. Interrupted (Ctrl-C, a crash), it resumes where it stopped when
run again, since recoded documents carry the new version.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			fs.StringVar(&since, "since", "", "only documents dated since `YYYY-MM-DD`")
			where = store.RecodeWhere{} // flags are parsed again for every run
			fs.Func("where", "only documents whose `source=PREFIX` (any case) or id=PREFIX; repeat for both", func(v string) error {
				key, val, ok := strings.Cut(v, "=")
				switch {
				case ok && key == "source" && val != "":
					where.SourcePrefix = val
				case ok && key == "id" && val != "":
					where.IDPrefix = val
				default:
					return fmt.Errorf("want source=PREFIX or id=PREFIX, got %q", v)
				}
				return nil
			})
			fs.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "documents coded in parallel")
			fs.IntVar(&batch, "batch", 200, "documents per transaction")
			fs.BoolVar(&quiet, "quiet", false, "no progress output")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			if _, err := time.Parse(time.DateOnly, since); since != "" && err != nil {
				return usageErr("--since %q is not a date (YYYY-MM-DD)", since)
			}
			st, err := openStore(ctx, *db, false)
			if err != nil {
				return err
			}
			defer st.Close()
			r, ok := st.(store.Recoder)
			if !ok {
				return fmt.Errorf("store %s cannot recode", redactDSN(*db))
			}
			c, version, err := liveCoder(st)(ctx)
			if err != nil {
				return err
			}
			where.Since = since
			opt := ingest.RecodeOptions{Where: where, Workers: workers, BatchSize: batch}
			if !quiet {
				opt.Progress = func(p ingest.RecodeProgress) {
					fmt.Fprintf(env.Stderr, "\rrecode: %d documents, %d failed, %d events, %.1f s ", p.Documents, p.Failed, p.Events, p.Elapsed.Seconds())
				}
			}
			p, err := ingest.Recode(ctx, r, c, version, opt)
			fmt.Fprintf(env.Stdout, "recoded %d documents with knowledge %s in %.1f s: %d events; %d failed and kept their events\n",
				p.Documents, version, p.Elapsed.Seconds(), p.Events, p.Failed)
			return err
		},
	})
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/reader"
)

func init() {
	var format, date string
	var workers int
	var allowPrivate bool
	register(&command{
		Name:    "code",
		Summary: "code articles into PLOVER events (one JSON event per line on stdout)",
		Usage:   "[flags] [FILE|FOLDER|URL|-]...",
		Example: `marsad code ../shared/seed/000_a763ce97bed870a3.txt --date 2019-10-25
marsad code ../shared/corpus/ant-politics-2000.jsonl > events.jsonl
echo "قتل ثلاثة جنود في هجوم انتحاري استهدف دورية للجيش العراقي في بغداد أمس" | marsad code --date 2019-10-25 -

Input formats are detected by extension: .txt (first line is the title),
.jsonl (fields id, title, date, source, url, text; other fields are kept as
metadata), .json, .csv/.tsv, RSS/Atom feeds, .html; "-" reads stdin (plain
text unless --input says otherwise). Inputs that cannot be read (invalid
UTF-8, binary, empty, HTML given as text that has no text) are skipped with
the reason on stderr, and so is a document not coded within the time budget
(ingest.DefaultDocTimeout, 30 s). URLs are fetched from public addresses
only unless --allow-private.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&format, "input", "", "force the input format: txt, jsonl, json, csv, tsv, feed or html")
			fs.StringVar(&date, "date", "", "publication date `YYYY-MM-DD` for inputs that have none (relative dates resolve against it)")
			fs.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "documents coded in parallel (output order stays the input order)")
			allowPrivateFlag(fs, &allowPrivate)
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			c, err := runCoder()
			if err != nil {
				return err
			}
			opts := reader.Options{Format: format, Date: date, Stdin: env.Stdin, AllowPrivate: allowPrivate}
			w := bufio.NewWriterSize(env.Stdout, 1<<16)
			start := time.Now()
			var docs, events, rejects int
			var seen atomic.Int64
			stop := tick(env.Stderr, countRecords(args), "docs", func() int { return int(seen.Load()) }, func() string { return "coded" })
			err = ingest.CodeOrdered(ctx, c, args, opts, workers, nil, func(r ingest.Result) error {
				seen.Add(1)
				if r.Reject != nil {
					rejects++
					fmt.Fprintf(env.Stderr, "skipped %s\n", termSafe(fmt.Sprint(r.Reject)))
					return nil
				}
				docs++
				for i := range r.Events {
					b, err := json.Marshal(&r.Events[i])
					if err != nil {
						return err
					}
					b = append(b, '\n')
					if _, err := w.Write(b); err != nil {
						return fmt.Errorf("writing events: %w", err)
					}
					events++
				}
				return nil
			})
			stop()
			if ferr := w.Flush(); err == nil && ferr != nil {
				err = fmt.Errorf("writing events: %w", ferr)
			}
			if err != nil {
				return err
			}
			env.Log.Info("coded", "documents", docs, "events", events, "skipped", rejects, "seconds", fmt.Sprintf("%.2f", time.Since(start).Seconds()))
			if docs == 0 && rejects > 0 {
				return fmt.Errorf("no document could be read (%d skipped, reasons above)", rejects)
			}
			return nil
		},
	})
}

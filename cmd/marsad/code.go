package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/reader"
)

func init() {
	var format, date string
	var workers int
	register(&command{
		Name:    "code",
		Summary: "code articles into PLOVER events (one JSON event per line on stdout)",
		Usage:   "[flags] [FILE|FOLDER|URL|-]...",
		Example: `marsad code ../shared/seed/000_a763ce97bed870a3.txt --date 2019-10-25
marsad code ../shared/corpus/ant-politics-2000.jsonl > events.jsonl
echo "هاجم مسلحون قافلة للجيش أمس" | marsad code --date 2019-10-25 -

Input formats are detected by extension: .txt (first line is the title),
.jsonl (fields id, title, date, source, url, text; other fields are kept as
metadata), .json, .csv/.tsv, RSS/Atom feeds, .html; "-" reads stdin (plain
text unless --input says otherwise). Inputs that cannot be read (invalid
UTF-8, binary, empty, HTML given as text that has no text) are skipped with
the reason on stderr.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&format, "input", "", "force the input format: txt, jsonl, json, csv, tsv, feed or html")
			fs.StringVar(&date, "date", "", "publication date `YYYY-MM-DD` for inputs that have none (relative dates resolve against it)")
			fs.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "documents coded in parallel (output order stays the input order)")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			c, err := coder.Default()
			if err != nil {
				return err
			}
			opts := reader.Options{Format: format, Date: date, Stdin: env.Stdin}
			w := bufio.NewWriterSize(env.Stdout, 1<<16)
			defer w.Flush()
			start := time.Now()
			var docs, events, rejects int
			err = codeAll(ctx, c, args, opts, workers, func(r codeResult) error {
				if r.reject != nil {
					rejects++
					fmt.Fprintf(env.Stderr, "skipped %v\n", r.reject)
					return nil
				}
				docs++
				for i := range r.events {
					b, err := json.Marshal(&r.events[i])
					if err != nil {
						return err
					}
					w.Write(b)
					w.WriteByte('\n')
					events++
				}
				return nil
			})
			if err != nil {
				return err
			}
			env.Log.Info("coded", "documents", docs, "events", events, "skipped", rejects, "seconds", fmt.Sprintf("%.2f", time.Since(start).Seconds()))
			return nil
		},
	})
}

type codeResult struct {
	doc    marsad.Document
	events []marsad.Event
	reject error
}

// codeAll reads the inputs, codes documents on several workers and hands
// the results to emit in input order, so output is deterministic.
func codeAll(ctx context.Context, c *coder.Coder, paths []string, opts reader.Options, workers int, emit func(codeResult) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		seq int
		res codeResult
	}
	jobs := make(chan job, workers*4)
	done := make(chan job, workers*4)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.res.reject == nil {
					evs, err := c.Code(ctx, j.res.doc)
					if err != nil {
						j.res.reject = fmt.Errorf("%s: %w", j.res.doc.ID, err)
					}
					j.res.events = evs
				}
				done <- j
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		seq := 0
		err := reader.Walk(paths, opts, func(it reader.Item) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			jobs <- job{seq: seq, res: codeResult{doc: it.Doc, reject: it.Err}}
			seq++
			return nil
		})
		close(jobs)
		readErr <- err
	}()
	go func() { wg.Wait(); close(done) }()

	pending := map[int]codeResult{}
	next := 0
	var emitErr error
	for j := range done {
		pending[j.seq] = j.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if emitErr == nil {
				emitErr = emit(r)
			}
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

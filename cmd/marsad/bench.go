package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/reader"
)

// stageResult is the speed of one pipeline stage over the whole input.
type stageResult struct {
	Stage        string  `json:"stage"`
	Seconds      float64 `json:"seconds"`
	DocsPerSec   float64 `json:"docs_per_s"`
	SentsPerSec  float64 `json:"sentences_per_s"`
	MBPerSec     float64 `json:"mb_per_s"`
	AllocsPerDoc float64 `json:"allocs_per_doc"`
	BytesPerDoc  float64 `json:"alloc_bytes_per_doc"`
}

func init() {
	var workers int
	var asJSON bool
	register(&command{
		Name:    "bench",
		Summary: "measure each pipeline stage and the whole coder on a corpus (docs/s, sentences/s, MB/s, allocations)",
		Usage:   "[flags] FILE...",
		Example: `marsad bench ../shared/corpus/ant-politics-2000.jsonl
marsad bench --workers 1 --json ../shared/corpus/ant-politics-2000.jsonl

Stages run one after the other on one core (split, tokenise, dictionary match,
named entities, the whole coder), then the whole coder on --workers cores as
marsad code runs it. Figures depend on the machine and on what else runs; the
Go benchmarks (go test -bench . ./arabic ./lexicon ./ner ./coder) measure the
same stages.`,
		Flags: func(fs *flag.FlagSet) {
			fs.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "cores for the parallel whole-pipeline run")
			fs.BoolVar(&asJSON, "json", false, "print one JSON array of results")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				return errUsage
			}
			var docs []marsad.Document
			err := reader.Walk(args, reader.Options{}, func(it reader.Item) error {
				if it.Err == nil {
					docs = append(docs, it.Doc)
				}
				return nil
			})
			if err != nil {
				return err
			}
			c, err := runCoder()
			if err != nil {
				return err
			}
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			lex, err := k.Lexicon()
			if err != nil {
				return err
			}
			tagger, err := k.Tagger()
			if err != nil {
				return err
			}
			size := 0
			for _, d := range docs {
				size += len(d.Text)
			}
			analysed := make([][]arabic.Analyzed, len(docs))
			sents := 0
			for i, d := range docs {
				analysed[i] = arabic.Analyze(d.Text)
				sents += len(analysed[i])
			}
			var results []stageResult
			measure := func(stage string, fn func() error) error {
				runtime.GC()
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				t0 := time.Now()
				if err := fn(); err != nil {
					return err
				}
				el := time.Since(t0).Seconds()
				runtime.ReadMemStats(&m1)
				n := float64(len(docs))
				results = append(results, stageResult{Stage: stage, Seconds: el, DocsPerSec: n / el, SentsPerSec: float64(sents) / el,
					MBPerSec: float64(size) / 1e6 / el, AllocsPerDoc: float64(m1.Mallocs-m0.Mallocs) / n, BytesPerDoc: float64(m1.TotalAlloc-m0.TotalAlloc) / n})
				return nil
			}
			steps := []struct {
				name string
				fn   func() error
			}{
				{"split", func() error {
					for _, d := range docs {
						arabic.Split(d.Text)
					}
					return nil
				}},
				{"split+tokenise", func() error {
					for _, d := range docs {
						arabic.Analyze(d.Text)
					}
					return nil
				}},
				{"dictionary match", func() error {
					for _, as := range analysed {
						for _, a := range as {
							lex.Match(a.Tokens)
						}
					}
					return nil
				}},
				{"named entities", func() error {
					for _, as := range analysed {
						for _, a := range as {
							tagger.Entities(a.Tokens)
						}
					}
					return nil
				}},
				{"whole coder, 1 core", func() error {
					for _, d := range docs {
						if _, err := c.Code(ctx, d); err != nil {
							return err
						}
					}
					return nil
				}},
				{fmt.Sprintf("marsad code, %d workers", workers), func() error {
					return ingest.CodeOrdered(ctx, c, args, reader.Options{}, workers, nil, func(ingest.Result) error { return nil })
				}},
			}
			var stage atomic.Value
			stage.Store("")
			var done atomic.Int64
			stop := tick(env.Stderr, len(steps), "stages", func() int { return int(done.Load()) },
				func() string { return "measured, now: " + stage.Load().(string) })
			for _, s := range steps {
				stage.Store(s.name)
				if err := measure(s.name, s.fn); err != nil {
					stop()
					return err
				}
				done.Add(1)
			}
			stop()
			if asJSON {
				return json.NewEncoder(env.Stdout).Encode(results)
			}
			fmt.Fprintf(env.Stdout, "%d documents, %d sentences, %.1f MB of text, GOMAXPROCS %d\n\n", len(docs), sents, float64(size)/1e6, runtime.GOMAXPROCS(0))
			fmt.Fprintf(env.Stdout, "  %-24s %8s %9s %11s %7s %12s %12s\n", "stage", "seconds", "docs/s", "sentences/s", "MB/s", "allocs/doc", "KB/doc")
			for _, r := range results {
				fmt.Fprintf(env.Stdout, "  %-24s %8.2f %9.0f %11.0f %7.2f %12.0f %12.1f\n", r.Stage, r.Seconds, r.DocsPerSec, r.SentsPerSec, r.MBPerSec, r.AllocsPerDoc, r.BytesPerDoc/1024)
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Fprintf(env.Stdout, "\n  heap in use at the end: %.0f MB (system %.0f MB)\n", float64(ms.HeapInuse)/1e6, float64(ms.Sys)/1e6)
			return nil
		},
	})
}

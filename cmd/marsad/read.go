package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/marsad/marsad/reader"
)

func init() {
	var format, date, columns string
	var maxText int
	var allowPrivate bool
	register(&command{
		Name:    "read",
		Summary: "read inputs as the coder sees them (one JSON document per line; rejects on stderr)",
		Usage:   "[flags] [FILE|FOLDER|URL|-]...",
		Example: `marsad read ../shared/corpus/ant-politics-2000.jsonl | head -1
marsad read --input csv --columns text=body,date=published articles.csv
marsad read https://example.org/feed.xml`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&format, "input", "", "force the input format: txt, jsonl, json, csv, tsv, feed or html")
			fs.StringVar(&date, "date", "", "publication date `YYYY-MM-DD` for inputs that have none")
			fs.StringVar(&columns, "columns", "", "CSV/TSV columns as `FIELD=COLUMN,...` (fields: id, title, date, source, url, text)")
			fs.IntVar(&maxText, "max-text", reader.DefaultMaxText, "reject records with more `bytes` of text")
			allowPrivateFlag(fs, &allowPrivate)
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			cols, err := reader.ParseColumns(columns)
			if err != nil {
				return err
			}
			opts := reader.Options{Format: format, Date: date, Columns: cols, MaxText: maxText, Stdin: env.Stdin, AllowPrivate: allowPrivate}
			w := bufio.NewWriterSize(env.Stdout, 1<<16)
			defer w.Flush()
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			var docs, rejects int
			err = reader.Walk(args, opts, func(it reader.Item) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				if it.Err != nil {
					rejects++
					fmt.Fprintf(env.Stderr, "skipped %v\n", it.Err)
					return nil
				}
				docs++
				return enc.Encode(it.Doc)
			})
			fmt.Fprintf(env.Stderr, "%d documents, %d skipped\n", docs, rejects)
			return err
		},
	})
}

// allowPrivateFlag is --allow-private of the commands that fetch URLs.
func allowPrivateFlag(fs *flag.FlagSet, allow *bool) {
	fs.BoolVar(allow, "allow-private", false, "let URLs and their redirects reach loopback, link-local and private-network addresses (refused by default)")
}

package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"

	"github.com/marsad/marsad/discover"
	"github.com/marsad/marsad/reader"
)

func init() {
	var (
		asJSON, examples bool
		minCount, top    int
		workers          int
		format           string
	)
	register(&command{
		Name:    "actors discover",
		Summary: "list candidate new actors (groups, organisations, people) the dictionary does not know",
		Usage:   "[flags] FILE...",
		Example: `marsad actors discover ../shared/corpus/ant-politics-2000.jsonl --top 30
marsad actors discover --json --min-count 3 corpus.jsonl > candidates.jsonl
marsad actors discover --examples ../shared/seed/000_a763ce97bed870a3.txt

Finds names after agent words ("كتيبة …", "حركة …"), after titles ("العميد …",
"قائدها …") and NER person/organisation entities that no known actor covers,
merges their variants and ranks them. The table shows rank, normalised name,
type, mentions, documents, agent words and co-occurring known actors (ids);
--json writes one JSON object per candidate and line (JSON Lines) with two
examples each (document id, sentence offsets, span offsets, text). Add a
candidate to the dictionary with 'marsad actors add'.`,
		Flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "write JSON Lines, one candidate a line")
			fs.BoolVar(&examples, "examples", false, "print each candidate's examples under it in the table")
			fs.IntVar(&minCount, "min-count", 2, "leave out candidates seen fewer times")
			fs.IntVar(&top, "top", 50, "print at most this many candidates (0: all)")
			fs.IntVar(&workers, "workers", runtime.NumCPU(), "documents analysed in parallel")
			fs.StringVar(&format, "format", "", "input format (txt, jsonl, json, csv, tsv, feed, html); default: by extension")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				return errUsage
			}
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			c, err := k.Collector()
			if err != nil {
				return err
			}
			rejects := 0
			stop := tick(env.Stderr, countRecords(args), "docs", c.Docs, func() string { return "read" })
			err = c.Walk(ctx, args, reader.Options{Format: format}, workers, func(e error) {
				rejects++
				fmt.Fprintln(env.Stderr, termSafe(e.Error()))
			})
			stop()
			if err != nil {
				return err
			}
			if c.Docs() == 0 {
				return fmt.Errorf("no documents read from %v (%d rejected)", args, rejects)
			}
			cands := c.Candidates(discover.RankOptions{MinCount: minCount, Top: top})
			if asJSON {
				return discover.WriteJSON(env.Stdout, cands)
			}
			return discover.WriteTable(env.Stdout, cands, examples)
		},
	})
}

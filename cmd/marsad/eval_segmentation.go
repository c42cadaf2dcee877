package main

import (
	"context"
	"flag"

	"github.com/marsad/marsad/eval"
)

func init() {
	var gold string
	var asJSON bool
	var errors int
	register(&command{
		Name:    "eval segmentation",
		Summary: "score the Arabic clitic segmenter on Farasa-format gold (word accuracy, boundary P/R/F1)",
		Usage:   "--gold FILE [--errors N] [--json]",
		Example: "marsad eval segmentation --gold ../shared/gold/segmentation/kdarwish_Farasa_WikiNews.pos.ref",
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "gold", "", "gold file, one `token<TAB>tags` a line (و+ال+تلفزيون<TAB>CONJ+DET+NOUN)")
			fs.IntVar(&errors, "errors", 0, "also list the first `N` mismatches")
			fs.BoolVar(&asJSON, "json", false, "also print the scores as one JSON object on the last line")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if gold == "" || len(args) > 0 {
				return errUsage
			}
			rep, err := readGold(gold, eval.ScoreSegmentation)
			if err != nil {
				return err
			}
			if err := rep.WriteTable(env.Stdout, errors); err != nil {
				return err
			}
			if asJSON {
				return writeJSONLine(env.Stdout, rep)
			}
			return nil
		},
	})
}

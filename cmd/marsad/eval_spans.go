package main

import (
	"context"
	"flag"

	"github.com/marsad/marsad/eval"
)

func init() {
	var gold string
	var asJSON, errors bool
	register(&command{
		Name:    "eval spans",
		Summary: "score source and target actor extraction against a *_spans_dev.jsonl file",
		Usage:   "--gold FILE.jsonl [--json]",
		Example: `marsad eval spans --gold ../shared/gold/events/assault_spans_dev.jsonl
marsad eval spans --gold ../shared/gold/events/protest_spans_dev.jsonl --json

A predicted source (target) of an event of the file's type matches when its
span overlaps the head token (first word) of the span most annotators chose.
Recall is the share of gold events whose actor was found and matched;
country and sector accuracy are over matched actors whose gold gives codes.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "gold", "", "gold spans `JSONL` file")
			fs.BoolVar(&asJSON, "json", false, "also print one JSON object with the figures on the last line")
			fs.BoolVar(&errors, "errors", false, "list every gold sentence with the gold head tokens and the predicted actors")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if gold == "" || len(args) > 0 {
				return errUsage
			}
			rows, err := readGold(gold, eval.ReadSpans)
			if err != nil {
				return err
			}
			code, err := evalCoder()
			if err != nil {
				return err
			}
			rep, err := eval.Spans(ctx, rows, code)
			if err != nil {
				return err
			}
			return printReport(env.Stdout, rep, errors, asJSON)
		},
	})
}

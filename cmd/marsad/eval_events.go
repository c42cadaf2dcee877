package main

import (
	"context"
	"flag"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/eval"
)

func init() {
	var gold string
	var asJSON, errors bool
	register(&command{
		Name:    "eval events",
		Summary: "score event detection against an arabic_event_gsr CSV (precision, recall, F1)",
		Usage:   "--gold FILE.csv [--json] [--errors]",
		Example: `marsad eval events --gold ../shared/gold/events/assault_detection_dev.csv
marsad eval events --gold ../shared/gold/events/protest_detection_dev.csv --json

A sentence counts as predicted when the coder emits at least one event of the
file's event_type for it with modality asserted or historical (negated,
hypothetical and future events do not count). Labels: yes = positive;
"easy no" and "difficult no" = negative; "ambiguous" is left out.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "gold", "", "gold `CSV` file (columns id, event_type, label, …, text)")
			fs.BoolVar(&asJSON, "json", false, "also print one JSON object with the figures on the last line")
			fs.BoolVar(&errors, "errors", false, "list false positives and false negatives (tab-separated) before the table")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if gold == "" || len(args) > 0 {
				return errUsage
			}
			rows, err := readGold(gold, eval.ReadDetectionCSV)
			if err != nil {
				return err
			}
			code, err := evalCoder()
			if err != nil {
				return err
			}
			rep, err := eval.Events(ctx, rows, code)
			if err != nil {
				return err
			}
			return printReport(env.Stdout, rep, errors, asJSON)
		},
	})
}

// evalCoder is the production coder seen through the scorer's interface.
func evalCoder() (eval.CodeFunc, error) {
	c, err := runCoder()
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, doc marsad.Document) ([]marsad.Event, error) {
		return c.Code(ctx, doc)
	}, nil
}

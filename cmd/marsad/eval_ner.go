package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/ner"
)

func init() {
	var gold, model string
	var asJSON bool
	register(&command{
		Name:    "eval ner",
		Summary: "score the named-entity tagger on a CoNLL gold file (entity-level P/R/F1)",
		Usage:   "--gold FILE [--model FILE] [--json]",
		Example: "marsad eval ner --gold ../shared/gold/ner/anercorp-test.txt",
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "gold", "", "gold corpus, one `word TAG` per line")
			fs.StringVar(&model, "model", "", "model file (default: the built-in ANERcorp model)")
			fs.BoolVar(&asJSON, "json", false, "also print the scores as one JSON object on the last line")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if gold == "" || len(args) > 0 {
				return errUsage
			}
			sents, err := ner.ReadCoNLLFile(gold)
			if err != nil {
				return err
			}
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			var t *ner.Tagger
			if model != "" {
				var lex *lexicon.Lexicon
				if lex, err = k.Lexicon(); err == nil {
					t, err = ner.Load(model, k.FS, lex)
				}
			} else {
				t, err = k.Tagger()
			}
			if err != nil {
				return err
			}
			rep, err := ner.EvaluateTagger(t, sents)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%d sentences, %d tokens, token accuracy %.2f%%\n", len(sents), rep.Tokens, rep.Accuracy)
			fmt.Fprintf(env.Stdout, "%-8s %9s %9s %7s %6s %6s %6s\n", "type", "precision", "recall", "F1", "gold", "pred", "ok")
			row := func(name string, s ner.Score) {
				fmt.Fprintf(env.Stdout, "%-8s %9.2f %9.2f %7.2f %6d %6d %6d\n", name, s.Precision, s.Recall, s.F1, s.Gold, s.Predicted, s.Correct)
			}
			for _, k := range rep.TypeNames() {
				row(k, rep.Types[k])
			}
			row("overall", rep.Overall)
			if asJSON {
				b, err := json.Marshal(rep)
				if err != nil {
					return err
				}
				fmt.Fprintln(env.Stdout, string(b))
			}
			return nil
		},
	})
}

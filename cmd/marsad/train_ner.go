package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/marsad/marsad/ner"
)

func init() {
	var train, out string
	var iters, minCount int
	var seed uint64
	var holdout, oPenalty float64
	var oneStage bool
	register(&command{
		Name:    "train ner",
		Summary: "train the named-entity tagger on a CoNLL file (word TAG per line)",
		Usage:   "--train FILE --out FILE [--iters N] [--holdout F]",
		Example: "marsad train ner --train ../shared/gold/ner/anercorp-train.txt --out ner/model/anercorp.ner.gz",
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&train, "train", "", "training corpus, one `word TAG` per line")
			fs.StringVar(&out, "out", "", "model file to write")
			fs.IntVar(&iters, "iters", ner.DefaultIterations, "training passes")
			fs.Uint64Var(&seed, "seed", 0, "shuffling seed")
			fs.IntVar(&minCount, "min-count", 0, "drop features seen fewer times")
			fs.BoolVar(&oneStage, "one-stage", false, "skip the document-level second stage")
			fs.Float64Var(&oPenalty, "o-penalty", ner.DefaultOPenalty, "score taken from the O tag when tagging (higher: more recall, less precision)")
			fs.Float64Var(&holdout, "holdout", 0, "hold out this last fraction of the sentences and report its F1 after every pass (the model is then trained on the rest only)")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if train == "" || out == "" || len(args) > 0 || holdout < 0 || holdout >= 1 {
				return errUsage
			}
			sents, err := ner.ReadCoNLLFile(train)
			if err != nil {
				return err
			}
			opt := ner.TrainOptions{Iterations: iters, Seed: seed, MinCount: minCount,
				OneStage: oneStage, OPenalty: float32(oPenalty)}
			if holdout > 0 {
				cut := len(sents) - int(float64(len(sents))*holdout)
				sents, opt.Dev = sents[:cut], sents[cut:]
			}
			began := time.Now()
			opt.Progress = func(stage, it int, dev *ner.Report) {
				if dev != nil {
					fmt.Fprintf(env.Stderr, "stage %d pass %d: held-out F1 %.2f (P %.2f R %.2f) %s\n", stage, it, dev.Overall.F1, dev.Overall.Precision, dev.Overall.Recall, time.Since(began).Round(time.Second))
				} else {
					fmt.Fprintf(env.Stderr, "stage %d pass %d done %s\n", stage, it, time.Since(began).Round(time.Second))
				}
			}
			m, err := ner.Train(sents, opt)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			n, err := m.WriteTo(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("writing %s: %w", out, err)
			}
			fmt.Fprintf(env.Stdout, "trained on %d sentences in %s: %d features, %d bytes written to %s\n",
				len(sents), time.Since(began).Round(time.Millisecond), m.Features(), n, out)
			return nil
		},
	})
}

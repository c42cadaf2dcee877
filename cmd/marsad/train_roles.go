package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/eval"
	"github.com/marsad/marsad/linear"
)

func init() {
	var outDir, articles, corpus string
	var folds, epochs int
	var seed uint64
	var asJSON, errs bool
	register(&command{
		Name:    "train roles",
		Summary: "train the role models (which phrase of a trigger's sentence is its source, which its target) on the article set",
		Usage:   "--out-dir DIR [--articles DIR] [--folds 5] [--seed 1] [--json] [--errors]",
		Example: `marsad train roles --articles eval/testdata/articles/primary --out-dir /tmp/roles

For every candidate event in a mention sentence of a gold happening of its
type, each actor phrase of the sentence (and the rules' own picks) is an
example for the source model and for the target model, positive when it
names the gold happening's actor as 'marsad eval articles' compares them.
The features say how the phrase sits against the trigger (side, distance,
preposition, voice, verbs and phrases between) and whether the rules chose
it. The models are cross-validated by article: each article is coded whole
by models that never saw it (with the shipped event filter) and scored; the
rules' roles are scored the same way. The models trained on every article
are written to DIR/filter-ROLE-SOURCE.json and DIR/filter-ROLE-TARGET.json;
give data/filter to replace the built-in ones. Without those files the
coder keeps the rules' roles.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&articles, "articles", "eval/testdata/articles/primary", "annotated article set (`folder` or JSONL)")
			trainOutputFlags(fs, &corpus, &outDir)
			fs.IntVar(&folds, "folds", 5, "cross-validation folds (by article) for the printed figures")
			fs.IntVar(&epochs, "epochs", 5, "training passes")
			fs.Uint64Var(&seed, "seed", 1, "shuffling seed")
			fs.BoolVar(&asJSON, "json", false, "print the report as one JSON object")
			fs.BoolVar(&errs, "errors", false, "also list the out-of-fold SOURCE and TARGET errors (and misses, false alarms) of the cross-validation")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			if err := needOutDir(outDir); err != nil {
				return err
			}
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			c, err := k.Coder(true)
			if err != nil {
				return err
			}
			arts, docs, err := readArticleSet(articles, corpus)
			if err != nil {
				return err
			}
			ms, mt, rep, err := eval.TrainRoleModels(ctx, c.WithRoleModels(nil, nil), arts, docs, folds, linear.Options{Epochs: epochs, Seed: seed})
			if err != nil {
				return err
			}
			for _, m := range []struct {
				key string
				m   *linear.Model
			}{{coder.RoleSourceModel, ms}, {coder.RoleTargetModel, mt}} {
				if err := writeModel(filepath.Join(outDir, coder.FilterFile(m.key)), m.m); err != nil {
					return err
				}
			}
			if asJSON {
				return json.NewEncoder(env.Stdout).Encode(rep)
			}
			rep.WriteReport(env.Stdout)
			if errs && rep.CV != nil {
				rep.CV.WriteErrors(env.Stdout)
			}
			_, err = fmt.Fprintf(env.Stdout, "  wrote %s and %s\n", coder.FilterFile(coder.RoleSourceModel), coder.FilterFile(coder.RoleTargetModel))
			return err
		},
	})
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/eval"
	"github.com/marsad/marsad/linear"
)

func init() {
	var golds multiFlag
	var outDir, articles, corpus string
	var folds, epochs int
	var seed uint64
	var asJSON, errs bool
	register(&command{
		Name:    "train filter",
		Summary: "train the event filters (logistic regression over candidate events) on the article set or gold CSVs",
		Usage:   "--out-dir DIR [--articles DIR] [--gold FILE.csv]... [--folds 5] [--seed 1] [--errors]",
		Example: `marsad train filter --gold ../shared/gold/events/assault_detection_dev.csv \
  --gold ../shared/gold/events/protest_detection_dev.csv --out-dir data/filter

For each gold file, every candidate event of the file's type that the rules
find (asserted or historical, not under a condemnation or call) becomes an
example labelled with its sentence's label. The filter is cross-validated by
document (--folds), the out-of-fold figures are printed, and the model
trained on all sentences is written to DIR/filter-<TYPE>.json. Training is
deterministic: the same data and --seed give the same bytes. Rebuild the
binary (or go run) to use new models; MARSAD_NO_FILTER=1 turns them off.

marsad train filter --articles eval/testdata/articles/primary --out-dir /tmp/filter

With --articles, every candidate the rules find in an annotated article is an
example, positive when its trigger lies in a mention sentence of a gold
happening of its type. The article-level filter (one model for all types,
written to DIR/filter-ARTICLE.json) is cross-validated by article: each
article is coded by models that never saw it and scored as 'marsad eval
articles' scores; the threshold maximises that out-of-fold F1. When it is
present, the coder uses it for every candidate instead of the sentence-level
filters. --out-dir is required, so that a training run never overwrites the
built-in models by accident: give data/filter to replace them.`,
		Flags: func(fs *flag.FlagSet) {
			fs.Var(&golds, "gold", "gold `CSV` (repeat for several event types)")
			fs.StringVar(&articles, "articles", "", "annotated article set (`folder` or JSONL) for the article-level filter")
			trainOutputFlags(fs, &corpus, &outDir)
			fs.IntVar(&folds, "folds", 5, "cross-validation folds (by document) for the threshold and the printed figures")
			fs.IntVar(&epochs, "epochs", 10, "training passes")
			fs.Uint64Var(&seed, "seed", 1, "shuffling seed")
			fs.BoolVar(&asJSON, "json", false, "print one JSON report per gold file")
			fs.BoolVar(&errs, "errors", false, "also list the out-of-fold false positives and negatives (tab-separated: kind, id, label, p, triggers, text)")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(golds) == 0 && articles == "" || len(args) > 0 {
				return errUsage
			}
			if err := needOutDir(outDir); err != nil {
				return err
			}
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			c, err := k.Coder(false) // candidates come from the rules alone
			if err != nil {
				return err
			}
			if articles != "" {
				arts, docs, err := readArticleSet(articles, corpus)
				if err != nil {
					return err
				}
				m, rep, err := eval.TrainArticleFilter(ctx, c, arts, docs, folds, linear.Options{Epochs: epochs, Seed: seed})
				if err != nil {
					return err
				}
				if err := writeFilter(env.Stdout, filepath.Join(outDir, coder.FilterFile(coder.ArticleFilter)), m, rep, asJSON); err != nil {
					return err
				}
				if errs && rep.CV != nil {
					rep.CV.WriteErrors(env.Stdout) // out of fold: MISS, ALARM and DUP lines
				}
			}
			for _, g := range golds {
				f, err := os.Open(g)
				if err != nil {
					return err
				}
				rows, err := eval.ReadGold(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", g, err)
				}
				m, rep, err := eval.TrainFilter(ctx, c, rows, folds, linear.Options{Epochs: epochs, Seed: seed})
				if err != nil {
					return err
				}
				if err := writeFilter(env.Stdout, filepath.Join(outDir, coder.FilterFile(rep.EventType)), m, rep, asJSON); err != nil {
					return err
				}
				if errs {
					rep.WriteErrors(env.Stdout)
				}
			}
			return nil
		},
	})
}

// trainOutputFlags defines the flags every training command shares: the
// annotated articles' texts and the folder for the model files.
func trainOutputFlags(fs *flag.FlagSet, corpus, outDir *string) {
	fs.StringVar(corpus, "corpus", defaultCorpus, "the annotated articles' texts, matched by id")
	fs.StringVar(outDir, "out-dir", "", "folder for the model files (required; data/filter replaces the built-in models)")
}

// needOutDir refuses a training run without --out-dir, so that none
// overwrites the built-in models by accident.
func needOutDir(outDir string) error {
	if outDir == "" {
		return usageErr("--out-dir is required: a folder for the model files (data/filter replaces the built-in ones)")
	}
	return nil
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// writeFilter writes a trained model to path and its cross-validation
// report to w: as one JSON line, or as a table for people.
func writeFilter(w io.Writer, path string, m *linear.Model, rep interface{ WriteReport(io.Writer) }, asJSON bool) error {
	if err := writeModel(path, m); err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(w).Encode(rep)
	}
	rep.WriteReport(w)
	_, err := fmt.Fprintf(w, "  wrote %s (%d weights)\n\n", path, len(m.Weights))
	return err
}

func writeModel(path string, m *linear.Model) error {
	w, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := m.Write(w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

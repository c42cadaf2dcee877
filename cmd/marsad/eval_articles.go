package main

import (
	"context"
	"flag"
	"fmt"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/eval"
)

// defaultCorpus is where the annotated articles' texts are.
const defaultCorpus = "../shared/corpus/ant-politics-2000.jsonl"

func init() {
	var gold, corpus, rng string
	var asJSON, errors bool
	register(&command{
		Name:    "eval articles",
		Summary: "score whole-article event coding against the annotated article set (happening recall, precision, roles, place, date)",
		Usage:   "[--gold DIR|FILE] [--corpus FILE] [--json] [--errors]",
		Example: `marsad eval articles --gold eval/testdata/articles/primary
marsad eval articles --errors | grep MISS

Each gold article (docs/annotation.md) is coded whole, its text taken from
--corpus by id. A gold happening is found when one predicted happening (the
events sharing a happening_id) has an event of the same type (or one of the
gold's alt_types) whose trigger lies inside one of the happening's mention
sentences; each prediction finds at most one happening, so a happening
coded twice counts once and the copy is a false alarm. Roles, place, date
and modality are scored over the happenings found (docs/accuracy.md).
--errors lists MISS (gold not found), ALARM (prediction matching nothing)
and DUP (a second copy of a found happening) lines before the table.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "gold", "eval/testdata/articles/primary", "annotated articles: a `folder` of JSON files or a JSONL file")
			fs.StringVar(&corpus, "corpus", defaultCorpus, "the articles' texts (any input marsad reads), matched by id")
			fs.BoolVar(&asJSON, "json", false, "also print one JSON object with the figures on the last line")
			fs.BoolVar(&errors, "errors", false, "list misses, false alarms and duplicates (tab-separated) before the table")
			fs.StringVar(&rng, "range", "", "only the articles at these positions of the id list, `FROM-TO` (dev: 1-80, held out: 81-120)")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			arts, docs, err := readArticleSet(gold, corpus)
			if err != nil {
				return err
			}
			if arts, err = inRange(arts, rng); err != nil {
				return err
			}
			code, err := evalCoder()
			if err != nil {
				return err
			}
			rep, err := eval.Articles(ctx, arts, docs, code)
			if err != nil {
				return err
			}
			return printReport(env.Stdout, rep, errors, asJSON)
		},
	})

	var second string
	register(&command{
		Name:    "eval agreement",
		Summary: "inter-annotator agreement between two annotations of the same articles",
		Usage:   "[--gold DIR] [--second DIR] [--corpus FILE] [--json]",
		Example: `marsad eval agreement --gold eval/testdata/articles/primary --second eval/testdata/articles/second

The second annotation is scored as if it were the coder's output, with the
rule of 'marsad eval articles' (same type, a mention in the same sentence),
on the articles both annotated: recall is how much of the first the second
found, precision how much of the second the first has, F1 the agreement.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "gold", "eval/testdata/articles/primary", "the first annotation (`folder` or JSONL)")
			fs.StringVar(&second, "second", "eval/testdata/articles/second", "the second annotation (`folder` or JSONL)")
			fs.StringVar(&corpus, "corpus", defaultCorpus, "the articles' texts, matched by id")
			fs.BoolVar(&asJSON, "json", false, "also print one JSON object with the figures on the last line")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			a, docs, err := readArticleSet(gold, corpus)
			if err != nil {
				return err
			}
			b, err := eval.ReadGoldArticles(second)
			if err != nil {
				return err
			}
			rep, err := eval.Agreement(a, b, docs)
			if err != nil {
				return err
			}
			rep.WriteTable(env.Stdout)
			if asJSON {
				return writeJSONLine(env.Stdout, rep)
			}
			return nil
		},
	})
}

// readArticleSet reads an annotated article set and the texts of its
// articles.
func readArticleSet(gold, corpus string) ([]eval.GoldArticle, map[string]marsad.Document, error) {
	arts, err := eval.ReadGoldArticles(gold)
	if err != nil {
		return nil, nil, err
	}
	docs, err := eval.ArticleTexts(corpus, arts)
	if err != nil {
		return nil, nil, err
	}
	return arts, docs, nil
}

// inRange keeps the articles whose position is in rng ("" keeps all).
func inRange(arts []eval.GoldArticle, rng string) ([]eval.GoldArticle, error) {
	from, to, err := eval.ParseRange(rng)
	if err != nil {
		return nil, err
	}
	var out []eval.GoldArticle
	for _, a := range arts {
		if p := a.Position(); p >= from && p <= to {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no article in range %s", rng)
	}
	return out, nil
}

package main

import (
	"context"
	"flag"

	"github.com/marsad/marsad/eval"
)

func init() {
	var gold, corpus, rng string
	var asJSON, errors bool
	register(&command{
		Name:    "eval geo",
		Summary: "score place-name recognition and resolution against the place gold",
		Usage:   "[--gold DIR] [--corpus FILE] [--range FROM-TO] [--json] [--errors]",
		Example: `marsad eval geo
marsad eval geo --range 81-110 --errors | grep ^WRONG

Every place name Marsad reads in each gold article (docs/annotation-places.md)
is compared with the annotated mentions by character overlap. Recall is over
the gold mentions used as locations; precision counts a Marsad place that
overlaps no gold mention of any use as wrong (a common word read as a
place). Country right and place right are over the locations found: a place
is right within 30 km of the gold point (100 km for governorates, regions,
seas and mountains), a country when its country is. Articles 1-30 are the
tuning part, 81-110 the held-out part.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "gold", "eval/testdata/places", "the place gold `folder`")
			fs.StringVar(&corpus, "corpus", defaultCorpus, "the articles' texts, matched by id")
			fs.StringVar(&rng, "range", "", "only the articles at these positions, `FROM-TO` (tuning: 1-30, held out: 81-110)")
			fs.BoolVar(&asJSON, "json", false, "also print one JSON object with the figures on the last line")
			fs.BoolVar(&errors, "errors", false, "list WRONG, MISS, COUNTRY and PLACE lines before the table")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			arts, err := eval.ReadGoldPlaces(gold)
			if err != nil {
				return err
			}
			from, to, err := eval.ParseRange(rng)
			if err != nil {
				return err
			}
			var keep []eval.GoldPlaceArticle
			var ids []eval.GoldArticle
			for _, a := range arts {
				if a.Pos >= from && a.Pos <= to {
					keep = append(keep, a)
					ids = append(ids, eval.GoldArticle{ID: a.ID})
				}
			}
			docs, err := eval.ArticleTexts(corpus, ids)
			if err != nil {
				return err
			}
			c, err := runCoder()
			if err != nil {
				return err
			}
			rep, err := eval.Geo(ctx, keep, docs, c.Places)
			if err != nil {
				return err
			}
			return printReport(env.Stdout, rep, errors, asJSON)
		},
	})
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"strings"
	"time"

	"github.com/marsad/marsad/when"
)

func init() {
	var date string
	register(&command{
		Name:    "dates",
		Summary: "find and resolve date expressions (one JSON object per expression)",
		Usage:   "[--date YYYY-MM-DD] [TEXT...]   (no TEXT: one text per line on stdin)",
		Example: `marsad dates --date 2019-10-25 "بدأ مقاتلو مصراتة الجمعة في الانسحاب منذ الرابع من أبريل الماضي"

Offsets are code points into each text. The words come from dates.tsv
(MARSAD_DATA/dates.tsv replaces the built-in copy).`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&date, "date", time.Now().Format("2006-01-02"), "article date `YYYY-MM-DD` that relative dates count from")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			r, err := k.Dates()
			if err != nil {
				return err
			}
			enc := json.NewEncoder(env.Stdout)
			enc.SetEscapeHTML(false)
			emit := func(line int, text string) error {
				for _, e := range r.Resolve(text, date) {
					if err := enc.Encode(struct {
						Line int `json:"line"`
						when.Expr
					}{line, e}); err != nil {
						return err
					}
				}
				return nil
			}
			if len(args) > 0 {
				return emit(1, strings.Join(args, " "))
			}
			sc := bufio.NewScanner(env.Stdin)
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			for line := 1; sc.Scan(); line++ {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := emit(line, sc.Text()); err != nil {
					return err
				}
			}
			return sc.Err()
		},
	})
}

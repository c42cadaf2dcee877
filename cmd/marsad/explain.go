package main

import (
	"context"
	"flag"
	"io"
	"strings"
)

func init() {
	var features bool
	register(&command{
		Name:    "explain",
		Summary: "show how a sentence is tokenised and what the dictionaries and cues find in it",
		Usage:   "TEXT... | -",
		Example: `marsad explain "بدأ مقاتلو مصراتة الجمعة في الانسحاب من محاور القتال"
echo "قتل ثلاثة جنود في هجوم انتحاري استهدف دورية للجيش العراقي في بغداد أمس" | marsad explain -`,
		Flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&features, "features", false, "also list each candidate's filter features")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				return errUsage
			}
			text := strings.Join(args, " ")
			if text == "-" {
				b, err := io.ReadAll(env.Stdin)
				if err != nil {
					return err
				}
				text = string(b)
			}
			c, err := runCoder()
			if err != nil {
				return err
			}
			c.Explain(env.Stdout, text, features)
			return nil
		},
	})
}

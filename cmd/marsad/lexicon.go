package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad/arabic"
)

func init() {
	var stats bool
	register(&command{
		Name:    "lexicon",
		Summary: "show what the knowledge files (data/) match in a text, or their sizes",
		Usage:   "[--stats] [TEXT...]",
		Example: `marsad lexicon "بدأ مقاتلو مصراتة الجمعة في الانسحاب من محاور القتال في طرابلس"
echo "ندد المجلس الرئاسي بالهجوم" | marsad lexicon
MARSAD_DATA=./data marsad lexicon --stats

Reads the text from the arguments, or from stdin when there are none, and
prints one line per match: sentence, token span, the words, and what they
matched. Set MARSAD_DATA to a folder to check edited files before rebuilding.`,
		Flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&stats, "stats", false, "print entry counts and load time instead of matching")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			start := time.Now()
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			lex, err := k.Lexicon()
			if err != nil {
				return err
			}
			if stats {
				s := lex.Stats()
				fmt.Fprintf(env.Stdout, "actors %d (names %d)\nagents %d (forms %d)\ntriggers %d (forms %d)\nplaces %d (names %d)\ntrie nodes %d\nshadowed names %d\nload %v\n",
					s.Actors, s.ActorNames, s.Agents, s.AgentForms, s.Triggers, s.TriggerForms, s.Places, s.PlaceNames, s.TrieNodes, lex.Shadowed, time.Since(start).Round(time.Millisecond))
				return nil
			}
			text := strings.Join(args, " ")
			if len(args) == 0 {
				var sb strings.Builder
				sc := bufio.NewScanner(env.Stdin)
				sc.Buffer(make([]byte, 1<<20), 64<<20)
				for sc.Scan() {
					sb.WriteString(sc.Text())
					sb.WriteByte('\n')
				}
				if err := sc.Err(); err != nil {
					return fmt.Errorf("reading stdin: %w", err)
				}
				text = sb.String()
			}
			w := bufio.NewWriter(env.Stdout)
			defer w.Flush()
			for _, s := range arabic.Split(text) {
				toks := arabic.Tokenize(s)
				for _, m := range lex.Match(toks) {
					var words []string
					for _, t := range toks[m.TokStart:m.TokEnd] {
						words = append(words, t.Text)
					}
					fmt.Fprintf(w, "%d\t%d-%d\t%s\t%s\n", s.Index, m.TokStart, m.TokEnd, strings.Join(words, " "), m.Describe())
				}
			}
			return nil
		},
	})
}

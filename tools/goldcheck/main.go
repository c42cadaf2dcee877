// Command goldcheck helps annotate the article set (docs/annotation.md).
//
//	goldcheck show N            print article N of annotate-ids.txt as the coder reads it
//	goldcheck check FILE|DIR... check annotation files against their articles
//
// The corpus and the id list are read from ../shared unless -corpus and
// -ids say otherwise.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/marsad/marsad/eval"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus/ant-politics-2000.jsonl", "the corpus `FILE`")
	idsFile := flag.String("ids", "../shared/gold/articles/annotate-ids.txt", "the ordered id list `FILE`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: goldcheck [flags] show N... | check FILE|DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() < 2 {
		flag.Usage()
		os.Exit(2)
	}
	docs, err := eval.ArticleTexts(*corpus, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "goldcheck:", err)
		os.Exit(1)
	}
	switch flag.Arg(0) {
	case "show":
		ids, err := os.ReadFile(*idsFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "goldcheck:", err)
			os.Exit(1)
		}
		list := strings.Fields(string(ids))
		for _, arg := range flag.Args()[1:] {
			n, err := strconv.Atoi(arg)
			if err != nil || n < 1 || n > len(list) {
				fmt.Fprintf(os.Stderr, "goldcheck: %q is not a position 1..%d\n", arg, len(list))
				os.Exit(2)
			}
			d := docs[list[n-1]]
			fmt.Printf("### %03d %s\nfile: %03d-%s.json\ndate: %s\nsource: %s\ntitle: %s\n--- text (one line a paragraph)\n%s\n\n",
				n, d.ID, n, d.ID, d.Date, d.Source, d.Title, d.Text)
		}
	case "check":
		bad := 0
		for _, path := range flag.Args()[1:] {
			arts, err := eval.ReadGoldArticles(path)
			if err != nil {
				fmt.Println("ERROR", err)
				bad++
				continue
			}
			for _, a := range arts {
				d, ok := docs[a.ID]
				if !ok {
					fmt.Printf("ERROR %s: id %q is not in the corpus\n", a.File, a.ID)
					bad++
					continue
				}
				errs, warns := a.Check(d.Text)
				for _, e := range errs {
					fmt.Printf("ERROR %s: %s\n", a.File, e)
				}
				for _, w := range warns {
					fmt.Printf("warning %s: %s\n", a.File, w)
				}
				bad += len(errs)
				fmt.Printf("ok-ish %s: %d happenings, %d errors, %d warnings\n", a.File, len(a.Happenings), len(errs), len(warns))
			}
		}
		if bad > 0 {
			os.Exit(1)
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
}

package eval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// SegReport is the clitic segmentation score of Segment against a gold file
// in the Farasa WikiNews format (one token a line: "و+ال+تلفزيون<TAB>CONJ+DET+NOUN").
//
// Only clitics are scored: NSUFF (ة ات ين …), CASE (the tanween alif) and
// verb subject suffixes (ت وا ون …, tagged PRON but not object pronouns)
// are merged back into the stem, as Segment never splits them.
type SegReport struct {
	Words        int     `json:"words"`         // scored tokens (punctuation lines skipped)
	Correct      int     `json:"correct"`       // tokens whose whole clitic segmentation matches
	WordAccuracy float64 `json:"word_accuracy"` // Correct / Words
	// CliticWords are the tokens with at least one clitic in the gold.
	CliticWords   int     `json:"clitic_words"`
	CliticCorrect int     `json:"clitic_correct"`
	CliticAcc     float64 `json:"clitic_accuracy"`
	// Boundary scores count clitic boundaries (after each proclitic, before
	// each enclitic) at surface positions.
	GoldBoundaries int     `json:"gold_boundaries"`
	PredBoundaries int     `json:"pred_boundaries"`
	TruePositive   int     `json:"true_positives"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	// Errors lists the mismatches in file order.
	Errors []SegError `json:"-"`
}

// SegError is one word segmented differently from the gold.
type SegError struct {
	Line int
	Word string // surface form
	Gold string // e.g. "و+ال+تلفزيون" (normalised, stem merged)
	Got  string
}

// GoldSeg is a gold token reduced to its clitic segmentation.
type GoldSeg struct {
	Surface  string
	Prefixes []string
	Stem     string
	Suffixes []string
}

var procliticTags = map[string]bool{"CONJ": true, "PREP": true, "DET": true, "FUT_PART": true}

// ParseGoldSeg reduces one gold line's token and tag fields to folded
// clitics. ok is false for punctuation lines and empty tokens.
func ParseGoldSeg(token, tags string) (g GoldSeg, ok bool) {
	if tags == "PUNC" || token == "" {
		return g, false
	}
	segs := strings.Split(token, "+")
	tg := strings.Split(tags, "+")
	if len(tg) != len(segs) {
		tg = nil // a few gold lines disagree; fall back on the forms alone
	}
	for i := range segs {
		segs[i] = arabic.Fold(segs[i])
	}
	tagAt := func(i string, j int) bool {
		return tg == nil || tg[j] == i
	}
	lo, hi := 0, len(segs)
	if hi-lo >= 2 && arabic.IsPronounSuffix(segs[hi-1]) && tagAt("PRON", hi-1) {
		g.Suffixes = []string{segs[hi-1]}
		hi--
	}
	for lo < hi-1 && arabic.IsProclitic(segs[lo]) && (tg == nil || procliticTags[tg[lo]]) {
		g.Prefixes = append(g.Prefixes, segs[lo])
		lo++
	}
	g.Stem = strings.Join(segs[lo:hi], "")
	var b strings.Builder
	for i, p := range g.Prefixes {
		if p == arabic.Article && i > 0 && g.Prefixes[i-1] == "ل" {
			b.WriteString("ل") // لل: the article's alif is not written after ل
			continue
		}
		b.WriteString(p)
	}
	b.WriteString(g.Stem)
	for _, s := range g.Suffixes {
		b.WriteString(s)
	}
	g.Surface = b.String()
	return g, g.Surface != ""
}

// boundaries returns the clitic boundary positions (in runes of the
// surface) of a segmentation.
func boundaries(prefixes []string, surface string, suffixes []string) []int {
	var out []int
	pos := 0
	for i, p := range prefixes {
		n := utf8.RuneCountInString(p)
		if p == arabic.Article && i > 0 && prefixes[i-1] == "ل" {
			n = 1
		}
		pos += n
		out = append(out, pos)
	}
	end := utf8.RuneCountInString(surface)
	for j := len(suffixes) - 1; j >= 0; j-- {
		end -= utf8.RuneCountInString(suffixes[j])
		out = append(out, end)
	}
	return out
}

func joinSeg(prefixes []string, stem string, suffixes []string) string {
	parts := append(append(append([]string{}, prefixes...), stem), suffixes...)
	return strings.Join(parts, "+")
}

// ScoreSegmentation scores Segment on a gold file read from r.
func ScoreSegmentation(r io.Reader) (SegReport, error) {
	var rep SegReport
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || line == 1 && strings.HasPrefix(text, "refTok") {
			continue
		}
		token, tags, found := strings.Cut(text, "\t")
		if !found {
			return rep, fmt.Errorf("segmentation gold line %d: want TOKEN<TAB>TAGS, got %q", line, text)
		}
		g, ok := ParseGoldSeg(strings.TrimSpace(token), strings.TrimSpace(tags))
		if !ok {
			continue
		}
		pre, stem, suf := arabic.Segment(g.Surface)
		rep.Words++
		if len(g.Prefixes)+len(g.Suffixes) > 0 {
			rep.CliticWords++
		}
		gb := boundaries(g.Prefixes, g.Surface, g.Suffixes)
		pb := boundaries(pre, g.Surface, suf)
		rep.GoldBoundaries += len(gb)
		rep.PredBoundaries += len(pb)
		for _, b := range pb {
			for _, c := range gb {
				if b == c {
					rep.TruePositive++
					break
				}
			}
		}
		if slices.Equal(pre, g.Prefixes) && slices.Equal(suf, g.Suffixes) && stem == g.Stem {
			rep.Correct++
			if len(g.Prefixes)+len(g.Suffixes) > 0 {
				rep.CliticCorrect++
			}
			continue
		}
		rep.Errors = append(rep.Errors, SegError{Line: line, Word: strings.ReplaceAll(token, "+", ""),
			Gold: joinSeg(g.Prefixes, g.Stem, g.Suffixes), Got: joinSeg(pre, stem, suf)})
	}
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("reading segmentation gold at line %d: %w", line, err)
	}
	rep.WordAccuracy = ratio(rep.Correct, rep.Words)
	rep.CliticAcc = ratio(rep.CliticCorrect, rep.CliticWords)
	rep.Precision = ratio(rep.TruePositive, rep.PredBoundaries)
	rep.Recall = ratio(rep.TruePositive, rep.GoldBoundaries)
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	return rep, nil
}

// WriteTable prints the report for people, followed by up to maxErrors
// mismatches.
func (r SegReport) WriteTable(w io.Writer, maxErrors int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "clitic segmentation (NSUFF, CASE and verb subject suffixes merged into the stem)\n")
	fmt.Fprintf(bw, "%-28s %8s %8s %9s\n", "measure", "value", "count", "of")
	fmt.Fprintf(bw, "%-28s %7.2f%% %8d %9d\n", "word accuracy", 100*r.WordAccuracy, r.Correct, r.Words)
	fmt.Fprintf(bw, "%-28s %7.2f%% %8d %9d\n", "accuracy on clitic words", 100*r.CliticAcc, r.CliticCorrect, r.CliticWords)
	fmt.Fprintf(bw, "%-28s %7.2f%% %8d %9d\n", "boundary precision", 100*r.Precision, r.TruePositive, r.PredBoundaries)
	fmt.Fprintf(bw, "%-28s %7.2f%% %8d %9d\n", "boundary recall", 100*r.Recall, r.TruePositive, r.GoldBoundaries)
	fmt.Fprintf(bw, "%-28s %7.2f%%\n", "boundary F1", 100*r.F1)
	for i, e := range r.Errors {
		if i == maxErrors {
			fmt.Fprintf(bw, "… %d more mismatches\n", len(r.Errors)-maxErrors)
			break
		}
		if i == 0 {
			fmt.Fprintf(bw, "\n%-6s %-16s %-22s %s\n", "line", "word", "gold", "got")
		}
		fmt.Fprintf(bw, "%-6d %-16s %-22s %s\n", e.Line, e.Word, e.Gold, e.Got)
	}
	return bw.Flush()
}

package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	marsad "github.com/marsad/marsad"
)

// SpanGold is one line of a *_spans_dev.jsonl file.
type SpanGold struct {
	Source    string         `json:"source"` // sentence id
	Text      string         `json:"text"`
	EventType string         `json:"event_type"`
	Spans     []SpanAnnotate `json:"spans"`
}

// SpanAnnotate is one annotator's reading of the sentence.
type SpanAnnotate struct {
	SourceActor []string        `json:"source_actor"`
	Verb        []string        `json:"verb"`
	TargetActor []string        `json:"target_actor"`
	SourceRole  json.RawMessage `json:"source_role"`
	TargetRole  json.RawMessage `json:"target_role"`
}

// RoleScore is the score of one role (source or target).
type RoleScore struct {
	Gold      int     `json:"gold"`      // gold events with this role annotated
	Predicted int     `json:"predicted"` // predicted actors in events of the gold type
	Matched   int     `json:"matched"`   // gold roles whose head token a prediction overlaps
	Correct   int     `json:"correct"`   // predictions overlapping some annotated span
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"` // = matched share of gold events
	F1        float64 `json:"f1"`
	// Codes on matched actors, where the gold gives them.
	CodedGold       int     `json:"coded_gold"`
	CountryRight    int     `json:"country_right"`
	SectorRight     int     `json:"sector_right"`
	CountryAccuracy float64 `json:"country_accuracy"`
	SectorAccuracy  float64 `json:"sector_accuracy"`
}

func (s *RoleScore) finish() {
	s.Precision = ratio(s.Correct, s.Predicted)
	s.Recall = ratio(s.Matched, s.Gold)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.CountryAccuracy = ratio(s.CountryRight, s.CodedGold)
	s.SectorAccuracy = ratio(s.SectorRight, s.CodedGold)
}

// SpansReport is the result of scoring a spans file.
type SpansReport struct {
	EventType string    `json:"event_type"`
	N         int       `json:"n"`
	Precision float64   `json:"precision"` // source and target pooled
	Recall    float64   `json:"recall"`
	F1        float64   `json:"f1"`
	Source    RoleScore `json:"source"`
	Target    RoleScore `json:"target"`
	// Both is the share of gold events whose source and target are both
	// found and matched (where both are annotated).
	BothGold    int       `json:"both_gold"`
	BothMatched int       `json:"both_matched"`
	BothRate    float64   `json:"both_rate"`
	Rows        []SpanRow `json:"-"`
}

// SpanRow is one gold sentence with the gold heads and the predictions,
// for error analysis.
type SpanRow struct {
	ID, Text           string
	GoldSource         string // head token, "" when not annotated
	GoldTarget         string
	Sources, Targets   []string
	SourceOK, TargetOK bool
}

// ReadSpans reads a spans JSONL gold file.
func ReadSpans(r io.Reader) ([]SpanGold, error) {
	var out []SpanGold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g SpanGold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("spans gold line %d: %w", line, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// goldRole is the majority annotation of one role in one sentence.
type goldRole struct {
	head    [2]int   // rune span of the head token in the sentence
	spans   [][2]int // every annotator's span, for precision
	country string
	sector  string
	coded   bool
}

// Spans scores source and target actors. A predicted actor matches a gold
// role when its span overlaps the head token (the first word token) of the
// span most annotators chose.
func Spans(ctx context.Context, gold []SpanGold, code CodeFunc) (*SpansReport, error) {
	rep := &SpansReport{}
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if rep.EventType == "" {
			rep.EventType = g.EventType
		}
		rep.N++
		evs, err := code(ctx, marsad.Document{ID: g.Source, Text: g.Text})
		if err != nil {
			return nil, fmt.Errorf("coding %s: %w", g.Source, err)
		}
		var srcs, tgts []*marsad.ActorRef
		for i := range evs {
			if evs[i].EventType != g.EventType {
				continue
			}
			if evs[i].Source != nil {
				srcs = append(srcs, evs[i].Source)
			}
			if evs[i].Target != nil {
				tgts = append(tgts, evs[i].Target)
			}
		}
		src := majorityRole(g, true)
		tgt := majorityRole(g, false)
		ms := scoreRole(&rep.Source, src, srcs)
		mt := scoreRole(&rep.Target, tgt, tgts)
		row := SpanRow{ID: g.Source, Text: g.Text, SourceOK: ms, TargetOK: mt}
		runes := []rune(g.Text)
		if src != nil {
			row.GoldSource = string(runes[src.head[0]:src.head[1]])
		}
		if tgt != nil {
			row.GoldTarget = string(runes[tgt.head[0]:tgt.head[1]])
		}
		for _, a := range srcs {
			row.Sources = append(row.Sources, a.Text)
		}
		for _, a := range tgts {
			row.Targets = append(row.Targets, a.Text)
		}
		rep.Rows = append(rep.Rows, row)
		if src != nil && tgt != nil {
			rep.BothGold++
			if ms && mt {
				rep.BothMatched++
			}
		}
	}
	rep.Source.finish()
	rep.Target.finish()
	c := rep.Source.Correct + rep.Target.Correct
	p := rep.Source.Predicted + rep.Target.Predicted
	m := rep.Source.Matched + rep.Target.Matched
	n := rep.Source.Gold + rep.Target.Gold
	rep.Precision, rep.Recall = ratio(c, p), ratio(m, n)
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	rep.BothRate = ratio(rep.BothMatched, rep.BothGold)
	return rep, nil
}

// scoreRole adds one sentence's predictions to s and reports whether the
// gold role was matched.
func scoreRole(s *RoleScore, g *goldRole, preds []*marsad.ActorRef) bool {
	s.Predicted += len(preds)
	for _, p := range preds {
		if g != nil && overlapsAny(p, g.spans) {
			s.Correct++
		}
	}
	if g == nil {
		return false
	}
	s.Gold++
	for _, p := range preds {
		if p.Start < g.head[1] && g.head[0] < p.End {
			s.Matched++
			if g.coded {
				s.CodedGold++
				if string(p.Country) == g.country {
					s.CountryRight++
				}
				if string(p.Sector) == g.sector {
					s.SectorRight++
				}
			}
			return true
		}
	}
	return false
}

func overlapsAny(p *marsad.ActorRef, spans [][2]int) bool {
	for _, sp := range spans {
		if p.Start < sp[1] && sp[0] < p.End {
			return true
		}
	}
	return false
}

// majorityRole picks the span most annotators gave for the role and locates
// it in the sentence; nil when no annotator gave one or it cannot be found.
func majorityRole(g SpanGold, source bool) *goldRole {
	runes := []rune(g.Text)
	votes := map[string]int{}
	var best string
	var all [][2]int
	var bestAnn *SpanAnnotate
	for i := range g.Spans {
		a := &g.Spans[i]
		toks := a.TargetActor
		if source {
			toks = a.SourceActor
		}
		if len(toks) == 0 {
			continue
		}
		verb := locate(runes, a.Verb, -1)
		if sp, ok := locateSpan(runes, toks, verb); ok {
			all = append(all, sp)
		}
		key := strings.Join(toks, " ")
		votes[key]++
		if votes[key] > votes[best] || best == "" {
			best, bestAnn = key, a
		}
	}
	if bestAnn == nil {
		return nil
	}
	toks := bestAnn.TargetActor
	raw := bestAnn.TargetRole
	if source {
		toks, raw = bestAnn.SourceActor, bestAnn.SourceRole
	}
	verb := locate(runes, bestAnn.Verb, -1)
	var head string
	for _, t := range toks {
		if hasLetter(t) {
			head = t
			break
		}
	}
	if head == "" {
		return nil
	}
	hs := locate(runes, []string{head}, verb)
	if hs < 0 {
		return nil
	}
	r := &goldRole{head: [2]int{hs, hs + len([]rune(head))}, spans: all}
	var role struct{ Main, Role string }
	if json.Unmarshal(raw, &role) == nil && (role.Main != "" || role.Role != "") {
		r.coded = true
		r.country = noneToEmpty(role.Main)
		r.sector = noneToEmpty(role.Role)
	}
	return r
}

func noneToEmpty(s string) string {
	if s == "None" || s == "UNKNOWN" {
		return ""
	}
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// locateSpan finds the rune span covering the tokens in order, anchored
// on the first token's occurrence nearest to near.
func locateSpan(runes []rune, toks []string, near int) ([2]int, bool) {
	start := locate(runes, toks[:1], near)
	if start < 0 {
		return [2]int{}, false
	}
	end := start + len([]rune(toks[0]))
	pos := end
	for _, t := range toks[1:] {
		if i := indexRunes(runes, []rune(t), pos); i >= 0 && i-pos < 40 {
			end = i + len([]rune(t))
			pos = end
		}
	}
	return [2]int{start, end}, true
}

// locate returns the rune offset of the first token's occurrence nearest to
// near (or the first occurrence when near < 0), preferring whole words.
func locate(runes []rune, toks []string, near int) int {
	if len(toks) == 0 {
		return -1
	}
	t := []rune(toks[0])
	if len(t) == 0 {
		return -1
	}
	best, bestWhole := -1, false
	for i := indexRunes(runes, t, 0); i >= 0; i = indexRunes(runes, t, i+1) {
		whole := (i == 0 || !unicode.IsLetter(runes[i-1])) && (i+len(t) == len(runes) || !unicode.IsLetter(runes[i+len(t)]))
		better := best < 0 || (whole && !bestWhole) ||
			(whole == bestWhole && near >= 0 && abs(i-near) < abs(best-near))
		if better {
			best, bestWhole = i, whole
		}
	}
	return best
}

func indexRunes(s, sub []rune, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i] != sub[0] {
			continue
		}
		j := 1
		for j < len(sub) && s[i+j] == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// WriteErrors lists, per gold sentence, the gold heads and the
// predictions, marking misses.
func (r *SpansReport) WriteErrors(w io.Writer) {
	mark := func(ok bool, gold string) string {
		if gold == "" {
			return "-"
		}
		if ok {
			return "ok"
		}
		return "MISS"
	}
	for _, x := range r.Rows {
		fmt.Fprintf(w, "%s\tsrc %s gold=%q pred=%q\ttgt %s gold=%q pred=%q\t%s\n", x.ID,
			mark(x.SourceOK, x.GoldSource), x.GoldSource, strings.Join(x.Sources, "|"),
			mark(x.TargetOK, x.GoldTarget), x.GoldTarget, strings.Join(x.Targets, "|"), x.Text)
	}
}

// WriteTable prints the spans report for people.
func (r *SpansReport) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "actor spans: %s (%d gold sentences)\n\n", r.EventType, r.N)
	fmt.Fprintf(w, "  %-7s %5s %5s %7s %6s %6s %6s %6s %8s %7s\n", "role", "gold", "pred", "matched", "P", "R", "F1", "coded", "country", "sector")
	for _, x := range []struct {
		name string
		s    *RoleScore
	}{{"source", &r.Source}, {"target", &r.Target}} {
		fmt.Fprintf(w, "  %-7s %5d %5d %7d %6.3f %6.3f %6.3f %6d %8.3f %7.3f\n", x.name, x.s.Gold, x.s.Predicted, x.s.Matched,
			x.s.Precision, x.s.Recall, x.s.F1, x.s.CodedGold, x.s.CountryAccuracy, x.s.SectorAccuracy)
	}
	fmt.Fprintf(w, "\n  pooled     P %.3f  R %.3f  F1 %.3f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(w, "  source and target both matched: %d of %d (%.1f%%)\n", r.BothMatched, r.BothGold, 100*r.BothRate)
	fmt.Fprintln(w, "  (recall = share of gold events whose actor was found and matched on its head token;")
	fmt.Fprintln(w, "   country/sector accuracy over matched actors whose gold gives codes)")
}

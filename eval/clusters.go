package eval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad/arabic"
)

// ReportRef names an event report so that it survives re-coding: the
// document, the event type, the trigger text and the evidence sentence
// (docs/annotation-clusters.md). Texts are compared folded (SameText).
type ReportRef struct {
	Doc, Type, Trigger, Sentence string
}

// ClusterPair is one judged pair of the cluster gold.
type ClusterPair struct {
	ID      string
	Part    string // "dev" (tuning) or "heldout" (reported, never tuned on)
	Stratum string // the sampling stratum (tools/clustergold); never shown to the annotator
	A, B    ReportRef
	// What the annotator reads besides the sentences.
	DateA, DateB, OutletA, OutletB, TitleA, TitleB string
	Label                                          string // "same" or "different"; "" while unjudged
	Reason                                         string
}

// Cluster gold labels.
const (
	Same      = "same"
	Different = "different"
)

var clusterColumns = []string{"pair", "part", "stratum", "label", "reason",
	"doc_a", "type", "trigger_a", "sentence_a", "date_a", "outlet_a", "title_a",
	"doc_b", "trigger_b", "sentence_b", "date_b", "outlet_b", "title_b"}

// WriteClusterGold writes pairs as TSV with a header row. Tabs and line
// breaks inside texts become spaces.
func WriteClusterGold(w io.Writer, pairs []ClusterPair) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(clusterColumns, "\t") + "\n")
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for _, p := range pairs {
		f := []string{p.ID, p.Part, p.Stratum, p.Label, p.Reason,
			p.A.Doc, p.A.Type, p.A.Trigger, p.A.Sentence, p.DateA, p.OutletA, p.TitleA,
			p.B.Doc, p.B.Trigger, p.B.Sentence, p.DateB, p.OutletB, p.TitleB}
		for i := range f {
			f[i] = clean.Replace(f[i])
		}
		bw.WriteString(strings.Join(f, "\t") + "\n")
	}
	return bw.Flush()
}

// ReadClusterGold reads WriteClusterGold's format. A line with the wrong
// number of fields, a label other than same, different or empty, or a
// part other than dev or heldout is an error naming the line.
func ReadClusterGold(r io.Reader) ([]ClusterPair, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<22)
	var out []ClusterPair
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if got := strings.Split(sc.Text(), "\t"); !slices.Equal(got, clusterColumns) {
				return nil, fmt.Errorf("line 1: header %q, want %q", got, clusterColumns)
			}
			continue
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != len(clusterColumns) {
			return nil, fmt.Errorf("line %d: %d fields, want %d", line, len(f), len(clusterColumns))
		}
		p := ClusterPair{ID: f[0], Part: f[1], Stratum: f[2], Label: f[3], Reason: f[4],
			A: ReportRef{Doc: f[5], Type: f[6], Trigger: f[7], Sentence: f[8]}, DateA: f[9], OutletA: f[10], TitleA: f[11],
			B: ReportRef{Doc: f[12], Type: f[6], Trigger: f[13], Sentence: f[14]}, DateB: f[15], OutletB: f[16], TitleB: f[17]}
		if p.Label != Same && p.Label != Different && p.Label != "" {
			return nil, fmt.Errorf("line %d: label %q, want same, different or empty", line, p.Label)
		}
		if p.Part != "dev" && p.Part != "heldout" {
			return nil, fmt.Errorf("line %d: part %q, want dev or heldout", line, p.Part)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if line == 0 {
		return nil, fmt.Errorf("empty cluster gold: want a header row and pairs")
	}
	return out, nil
}

// SameText reports whether two texts are equal once folded and stripped of
// punctuation (how a re-coded sentence or trigger is matched to the gold).
func SameText(a, b string) bool {
	return slices.Equal(arabic.Words(a), arabic.Words(b))
}

// ClusterReport is the score of a clustering on the cluster gold.
type ClusterReport struct {
	Part string `json:"part"`
	// Pairs judged, and of them those whose two reports were found.
	Pairs  int `json:"pairs"`
	Found  int `json:"found"`
	Same   int `json:"gold_same"`
	Merged int `json:"merged"`
	// TP: same and merged; FP: different but merged; FN: same, not merged.
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// GoldHappenings are the groups of reports the gold joins (connected
	// by same pairs); Whole of them are in one cluster.
	GoldHappenings int `json:"gold_happenings"`
	Whole          int `json:"whole"`
	// Missing lists the reports the clustering does not have.
	Missing []string `json:"missing,omitempty"`
	// Errors lists wrong merges (FP) and misses (FN) by pair id.
	Errors []string `json:"errors,omitempty"`
}

// ScoreClusters scores pairs of one part ("" for all) with cluster, which
// returns the cluster id of a report and whether it was found.
func ScoreClusters(pairs []ClusterPair, part string, cluster func(ReportRef) (string, bool)) ClusterReport {
	rep := ClusterReport{Part: part}
	if part == "" {
		rep.Part = "all"
	}
	parent := map[ReportRef]ReportRef{}
	var find func(ReportRef) ReportRef
	find = func(r ReportRef) ReportRef {
		if p, ok := parent[r]; ok && p != r {
			root := find(p)
			parent[r] = root
			return root
		}
		parent[r] = r
		return r
	}
	clusterOf := map[ReportRef]string{}
	for _, p := range pairs {
		if (part != "" && p.Part != part) || p.Label == "" {
			continue
		}
		rep.Pairs++
		ca, okA := cluster(p.A)
		cb, okB := cluster(p.B)
		for _, m := range []struct {
			ok bool
			r  ReportRef
		}{{okA, p.A}, {okB, p.B}} {
			if !m.ok {
				rep.Missing = append(rep.Missing, fmt.Sprintf("%s: %s %s %q", p.ID, m.r.Doc, m.r.Type, m.r.Trigger))
			}
		}
		if !okA || !okB {
			continue
		}
		rep.Found++
		clusterOf[p.A], clusterOf[p.B] = ca, cb
		merged := ca == cb
		if merged {
			rep.Merged++
		}
		switch {
		case p.Label == Same && merged:
			rep.TP++
		case p.Label == Same:
			rep.FN++
			rep.Errors = append(rep.Errors, "MISS "+p.ID+": "+p.Reason)
		case merged:
			rep.FP++
			rep.Errors = append(rep.Errors, "WRONG "+p.ID+": "+p.Reason)
		}
		if p.Label == Same {
			rep.Same++
			parent[find(p.A)] = find(p.B)
		}
	}
	rep.Precision, rep.Recall = ratio(rep.TP, rep.TP+rep.FP), ratio(rep.TP, rep.TP+rep.FN)
	if rep.Precision+rep.Recall > 0 {
		rep.F1 = 2 * rep.Precision * rep.Recall / (rep.Precision + rep.Recall)
	}
	groups := map[ReportRef]map[string]bool{}
	for r, c := range clusterOf {
		root := find(r)
		if groups[root] == nil {
			groups[root] = map[string]bool{}
		}
		groups[root][c] = true
	}
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		rep.GoldHappenings++
		if len(g) == 1 {
			rep.Whole++
		}
	}
	return rep
}

// ClusterMember is one stored event as the cluster figures see it.
type ClusterMember struct {
	Cluster, Doc, Day string
	Report            bool // the report mention of its article's happening
}

// ClusterFigures describe a whole clustering, gold or not.
type ClusterFigures struct {
	Events   int `json:"events"`
	Reports  int `json:"reports"`
	Clusters int `json:"happenings"`
	// MultiDoc are the happenings reported by two articles or more, and
	// Merged the reports in them.
	MultiDoc int `json:"multi_document"`
	Merged   int `json:"reports_merged"`
	// MaxSpan is the most days between two reports of one happening (the
	// report mentions, whose days clustering compares);
	// OverWindow counts happenings spanning more than the window.
	MaxSpan    int `json:"max_span_days"`
	OverWindow int `json:"over_window"`
}

// Figures computes the ClusterFigures of members with the window in days.
func Figures(members []ClusterMember, window int) ClusterFigures {
	type cl struct {
		docs     map[string]bool
		reports  int
		min, max string
	}
	cls := map[string]*cl{}
	f := ClusterFigures{Events: len(members)}
	for _, m := range members {
		c := cls[m.Cluster]
		if c == nil {
			c = &cl{docs: map[string]bool{}}
			cls[m.Cluster] = c
		}
		c.docs[m.Doc] = true
		if m.Report {
			f.Reports++
			c.reports++
		}
		if !m.Report || m.Day == "" { // a later mention may date the happening otherwise
			continue
		}
		if c.min == "" || m.Day < c.min {
			c.min = m.Day
		}
		if m.Day > c.max {
			c.max = m.Day
		}
	}
	f.Clusters = len(cls)
	for _, c := range cls {
		if len(c.docs) > 1 {
			f.MultiDoc++
			f.Merged += c.reports
		}
		if d := daysBetween(c.min, c.max); d > f.MaxSpan {
			f.MaxSpan = d
		}
		if daysBetween(c.min, c.max) > window {
			f.OverWindow++
		}
	}
	return f
}

func daysBetween(a, b string) int {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// ClusterEval is what `marsad eval clusters` prints: the gold figures per
// part and the figures of the whole clustering.
type ClusterEval struct {
	Parts  []ClusterReport `json:"parts"`
	Window int             `json:"window_days"`
	Store  ClusterFigures  `json:"store"`
}

// WriteTable prints the figures.
func (e *ClusterEval) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "%-8s %6s %6s %6s %4s %4s %4s %9s %7s %6s %s\n", "PART", "PAIRS", "FOUND", "SAME", "TP", "FP", "FN", "PRECISION", "RECALL", "F1", "GOLD HAPPENINGS WHOLE")
	for _, r := range e.Parts {
		fmt.Fprintf(w, "%-8s %6d %6d %6d %4d %4d %4d %9.3f %7.3f %6.3f %d/%d\n", r.Part, r.Pairs, r.Found, r.Same, r.TP, r.FP, r.FN,
			r.Precision, r.Recall, r.F1, r.Whole, r.GoldHappenings)
	}
	s := e.Store
	fmt.Fprintf(w, "\nstore: %d events, %d reports in %d happenings; %d happenings from 2+ articles hold %d reports; "+
		"longest span %d days, %d over the %d-day window\n",
		s.Events, s.Reports, s.Clusters, s.MultiDoc, s.Merged, s.MaxSpan, s.OverWindow, e.Window)
}

// WriteErrors lists MISSING reports, WRONG merges and MISSes, by part.
func (e *ClusterEval) WriteErrors(w io.Writer) {
	for _, r := range e.Parts {
		if r.Part == "all" {
			continue
		}
		for _, m := range r.Missing {
			fmt.Fprintf(w, "%s\tMISSING\t%s\n", r.Part, m)
		}
		for _, m := range r.Errors {
			fmt.Fprintf(w, "%s\t%s\n", r.Part, m)
		}
	}
}

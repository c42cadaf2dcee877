package dedup

import (
	"sort"
	"time"
)

// DefaultWindowDays is how far apart (in days) two reports of the same
// happening may be dated: outlets report a clash the day it happens or the
// day after, and a follow-up may come a day later still. It bounds a
// whole cluster, not each link: a chain of reports never spans more.
const DefaultWindowDays = 2

// DayWindow returns the dates window days before and after day
// (YYYY-MM-DD). ok is false when day is not a date.
func DayWindow(day string, window int) (from, to string, ok bool) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", "", false
	}
	return t.AddDate(0, 0, -window).Format(time.DateOnly), t.AddDate(0, 0, window).Format(time.DateOnly), true
}

// Candidate is an earlier report that a new one may join: its cluster and
// what is compared of it.
type Candidate struct {
	Cluster string
	Report  Report
}

// Span returns the first and last day of a cluster's reports.
type Span func(cluster string) (first, last string, err error)

// Choose returns the cluster that r joins among cands (earlier reports of
// its type dated within the window of r, in a fixed order), or "" when none
// is the same happening: the cluster of the best-scoring candidate that
// Compare accepts whose cluster, with r added, spans at most window days
// (so that no chain of reports stretches the window). Existing clusters
// are never changed or merged, so ids stay stable as documents arrive.
// (Average linkage, judging a cluster by all its reports in the window,
// was tried: on the dev part it lost recall and gained no precision.)
func Choose(r *Report, cands []Candidate, w *Weights, window int, span Span) (string, error) {
	type scored struct {
		i     int
		score float64
	}
	var ok []scored
	for i := range cands {
		if s, same := Compare(r, &cands[i].Report, w); same {
			ok = append(ok, scored{i, s})
		}
	}
	sort.SliceStable(ok, func(a, b int) bool { return ok[a].score > ok[b].score })
	tried := map[string]bool{}
	for _, s := range ok {
		c := cands[s.i].Cluster
		if tried[c] {
			continue
		}
		tried[c] = true
		first, last, err := span(c)
		if err != nil {
			return "", err
		}
		first, last = min(first, r.Day), max(last, r.Day)
		if d, dated := days(first, last); dated && d <= window {
			return c, nil
		}
	}
	return "", nil
}

// Clusterer assigns event cluster ids in memory, as the stores do in SQL
// (Choose over the reports of the window), for evaluation and tests.
type Clusterer struct {
	Window  int      // days; DefaultWindowDays when 0
	Weights *Weights // DefaultWeights when nil
	seen    map[string][]Candidate
	spans   map[string][2]string
}

// Assign returns the cluster of the report with this id: an earlier
// report's cluster, or id itself. A nil report is never merged.
func (c *Clusterer) Assign(id string, r *Report) string {
	if r == nil {
		return id
	}
	w, win := c.Weights, c.Window
	if w == nil {
		w = &DefaultWeights
	}
	if win == 0 {
		win = DefaultWindowDays
	}
	from, to, ok := DayWindow(r.Day, win)
	if !ok {
		return id
	}
	if c.seen == nil {
		c.seen, c.spans = map[string][]Candidate{}, map[string][2]string{}
	}
	var cands []Candidate
	for _, o := range c.seen[r.Type] {
		if o.Report.Day >= from && o.Report.Day <= to {
			cands = append(cands, o)
		}
	}
	cluster, _ := Choose(r, cands, w, win, func(cl string) (string, string, error) {
		s := c.spans[cl]
		return s[0], s[1], nil
	})
	if cluster == "" {
		cluster = id
		c.spans[id] = [2]string{r.Day, r.Day}
	}
	s := c.spans[cluster]
	c.spans[cluster] = [2]string{min(s[0], r.Day), max(s[1], r.Day)}
	c.seen[r.Type] = append(c.seen[r.Type], Candidate{cluster, *r})
	return cluster
}

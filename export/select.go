package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// Summary says what an export wrote and why it left events out, for the
// line marsad export prints on stderr: nothing is dropped silently.
type Summary struct {
	Format  string
	Events  int            // events given to Write
	Written int            // rows, features, records or edges written
	Unit    string         // what Written counts
	LeftOut map[string]int // reason → events left out for it
}

func (s *Summary) leave(reason string) {
	if s.LeftOut == nil {
		s.LeftOut = map[string]int{}
	}
	s.LeftOut[reason]++
}

// String is the summary on one line, reasons most frequent first:
// "acled: 812 rows from 1,000 events; left out 188: 120 historical
// background, 68 no ACLED type (CONSULT)".
func (s *Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %s from %s events", s.Format, thousands(s.Written), s.Unit, thousands(s.Events))
	if len(s.LeftOut) == 0 {
		return b.String()
	}
	reasons := sortedKeys(s.LeftOut)
	sort.SliceStable(reasons, func(i, j int) bool { return s.LeftOut[reasons[i]] > s.LeftOut[reasons[j]] })
	total := 0
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		total += s.LeftOut[r]
		parts[i] = thousands(s.LeftOut[r]) + " " + r
	}
	fmt.Fprintf(&b, "; left out %s: %s", thousands(total), strings.Join(parts, ", "))
	return b.String()
}

// thousands writes n with comma separators (11,436).
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Reasons an event is left out of the ACLED and GeoJSON exports.
const (
	leftHistorical = "historical background"
	leftUnasserted = "not asserted (negated, hypothetical or future)"
	leftOld        = "dated over a year before its article"
	leftRepeat     = "other reports of a happening already written (same event cluster)"
	leftNoCoords   = "without coordinates"
)

// backgroundAge is how much older than its article an event may be and
// still be news rather than background (1913, the 1970s).
const backgroundAge = 365 * 24 * time.Hour

// current keeps the events that are what ACLED and a map show: happenings
// the text asserts, dated near their article, one row per happening across
// articles (the first stored report of an event cluster stands for it).
// Options.AllModalities keeps background and non-asserted events too;
// Options.Mentions keeps every report. The others are counted in sum.
func current(events []store.StoredEvent, opts Options, sum *Summary) []*store.StoredEvent {
	var kept []*store.StoredEvent
	for i := range events {
		e := &events[i]
		if !opts.AllModalities {
			switch {
			case e.Modality == marsad.Historical:
				sum.leave(leftHistorical)
				continue
			case e.Modality != marsad.Asserted:
				sum.leave(leftUnasserted)
				continue
			case longBefore(e.Day, e.DocDate):
				sum.leave(leftOld)
				continue
			}
		}
		kept = append(kept, e)
	}
	if opts.Mentions {
		return kept
	}
	// The cluster's first stored report stands for it when it is among
	// the events; else the first one given (the newest).
	stands := map[string]*store.StoredEvent{}
	for _, e := range kept {
		if s, ok := stands[e.ClusterID]; e.ClusterID != "" && (!ok || e.ID == e.ClusterID && s.ID != s.ClusterID) {
			stands[e.ClusterID] = e
		}
	}
	all := slices.Clone(kept)
	out := kept[:0]
	for _, e := range all {
		if e.ClusterID != "" && stands[e.ClusterID] != e {
			sum.leave(leftRepeat)
			continue
		}
		out = append(out, e)
	}
	Happenings(out, all)
	return out
}

// Happenings sets the Sources and Tolls of each event in rows from the
// reports of its cluster in all: the outlets that report the happening,
// and the death tolls when they differ.
func Happenings(rows, all []*store.StoredEvent) {
	sources, tolls := map[string][]string{}, map[string][]int{}
	for _, e := range all {
		if e.DocSource != "" && !slices.Contains(sources[e.ClusterID], e.DocSource) {
			sources[e.ClusterID] = append(sources[e.ClusterID], e.DocSource)
		}
		if e.Fatalities != nil && !slices.Contains(tolls[e.ClusterID], *e.Fatalities) {
			tolls[e.ClusterID] = append(tolls[e.ClusterID], *e.Fatalities)
		}
	}
	for _, e := range rows {
		if e.ClusterID == "" {
			continue
		}
		e.Sources = slices.Sorted(slices.Values(sources[e.ClusterID]))
		if t := tolls[e.ClusterID]; len(t) > 1 {
			e.Tolls = slices.Sorted(slices.Values(t))
		}
	}
}

// longBefore reports whether day (YYYY-MM-DD) is more than backgroundAge
// before the article's date (whose first ten characters are a day).
func longBefore(day, docDate string) bool {
	if len(docDate) < 10 {
		return false
	}
	d, err1 := time.Parse(time.DateOnly, day)
	a, err2 := time.Parse(time.DateOnly, docDate[:10])
	return err1 == nil && err2 == nil && a.Sub(d) > backgroundAge
}

package dedup

import (
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// DefaultWindowDays is how far apart (in days) two reports of the same
// happening may be dated: outlets report a clash the day it happens or the
// day after, and a follow-up may come a day later still.
const DefaultWindowDays = 2

// EventKey is what two reports of one happening share: the event type, the
// source and target actors (dictionary id, or folded text when the
// dictionary did not resolve them) and the place (gazetteer id, or folded
// text). It is "" for events that must not be merged: ones the text does
// not assert (negated, hypothetical, future: see marsad.Event.Counts), ones
// without a type, and ones that name fewer than two of source, target and
// place — "an attack" on its own matches every other attack of those days.
func EventKey(e *marsad.Event) string {
	if e.EventType == "" || !e.Counts() {
		return ""
	}
	src, tgt, loc := "", "", ""
	if e.Source != nil {
		src = refKey(string(e.Source.ActorID), e.Source.Text)
	}
	if e.Target != nil {
		tgt = refKey(string(e.Target.ActorID), e.Target.Text)
	}
	if e.Location != nil {
		loc = refKey(string(e.Location.GazetteerID), e.Location.Text)
	}
	known := 0
	for _, k := range []string{src, tgt, loc} {
		if k != "" {
			known++
		}
	}
	if known < 2 {
		return ""
	}
	return e.EventType + "|" + src + "|" + tgt + "|" + loc
}

func refKey(id, text string) string {
	if id != "" {
		return id
	}
	if t := NormText(text); t != "" {
		return "~" + t // marks text so it never equals an id
	}
	return ""
}

// NormText is the form in which unresolved actor and place texts are
// compared: the folded words (arabic.Words) joined by single spaces.
func NormText(s string) string { return strings.Join(arabic.Words(s), " ") }

// DayWindow returns the dates window days before and after day
// (YYYY-MM-DD). ok is false when day is not a date.
func DayWindow(day string, window int) (from, to string, ok bool) {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", "", false
	}
	return t.AddDate(0, 0, -window).Format(time.DateOnly), t.AddDate(0, 0, window).Format(time.DateOnly), true
}

// Clusterer assigns event cluster ids in memory, the same way the stores do
// in SQL: a report joins the cluster of the first earlier report with the
// same EventKey dated within the window, or starts its own cluster named
// after its id.
type Clusterer struct {
	Window int // days; DefaultWindowDays when 0
	seen   map[string][]dated
}

type dated struct{ day, cluster string }

// Assign returns the cluster id for event id with key and day.
func (c *Clusterer) Assign(id, key, day string) string {
	w := c.Window
	if w == 0 {
		w = DefaultWindowDays
	}
	from, to, ok := DayWindow(day, w)
	if key == "" || !ok {
		return id
	}
	if c.seen == nil {
		c.seen = map[string][]dated{}
	}
	for _, d := range c.seen[key] {
		if d.day >= from && d.day <= to {
			c.seen[key] = append(c.seen[key], dated{day, d.cluster})
			return d.cluster
		}
	}
	c.seen[key] = append(c.seen[key], dated{day, id})
	return id
}

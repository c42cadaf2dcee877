package dedup

import "time"

// DefaultWindowDays is how far apart (in days) two reports of the same
// happening may be dated: outlets report a clash the day it happens or the
// day after, and a follow-up may come a day later still.
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

// Clusterer assigns event cluster ids in memory, the same way the stores do
// in SQL: a report joins the cluster of the first earlier report with the
// same key (prep.EventKey) dated within the window, or starts its own
// cluster named after its id. A report with key "" is never merged.
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

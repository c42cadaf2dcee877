package store

import "context"

// Views are the queries behind the HTTP API and the dashboard: one event
// by id, and counts of the events a Filter selects, computed by the store
// so that a view of a million events costs one query, not a million rows.
// The counting methods take every field of the Filter except Offset and
// Sort; Limit bounds the number of rows they return (0: DefaultLimit),
// except Timeline's, which is never cut.
type Views interface {
	// Event returns one event; the error wraps ErrNotFound when id is unknown.
	Event(ctx context.Context, id string) (StoredEvent, error)
	// Timeline counts events per day and type, by day then type. Events
	// with no day are left out.
	Timeline(ctx context.Context, f Filter) ([]DayCount, error)
	// Places counts events per place that has coordinates, most first.
	Places(ctx context.Context, f Filter) ([]PlaceCount, error)
	// Pairs counts events per source actor, target actor and type, most
	// first: the edges of the actor network. Events lacking either actor
	// are left out.
	Pairs(ctx context.Context, f Filter) ([]PairCount, error)
}

// Orders of Filter.Sort.
const (
	SortNewest     = ""           // by day, newest first (the default)
	SortOldest     = "oldest"     // by day, oldest first
	SortConfidence = "confidence" // most confident first
)

// DayCount is how many events of one type happened on one day.
type DayCount struct {
	Day   string `json:"day"`
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// PlaceCount is how many events happened at one place. Key is the
// gazetteer id, or the normalised place text when there is none.
type PlaceCount struct {
	Key     string  `json:"key"`
	Name    string  `json:"name"` // gazetteer name (English), or the text
	Text    string  `json:"text"` // the place as an article wrote it
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Count   int     `json:"count"`
}

// PairCount is how many events of one type a source actor directed at a
// target actor. An actor's key is its id, or its normalised text when the
// dictionary does not know it (as ActorCount.Key).
type PairCount struct {
	Source     string `json:"source"`
	SourceName string `json:"source_name"`
	SourceSide string `json:"source_side"`
	Target     string `json:"target"`
	TargetName string `json:"target_name"`
	TargetSide string `json:"target_side"`
	Type       string `json:"type"`
	Count      int    `json:"count"`
}

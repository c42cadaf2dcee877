package server

import (
	"slices"

	"github.com/marsad/marsad/store"
)

// span is one coded piece of a document: which event, which role, and its
// code point offsets into the document text (as every offset in Marsad).
type span struct {
	Event string `json:"event"`
	// Role is trigger, source, target, place, date or claimed_by.
	Role  string `json:"role"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// eventSpans lists the spans of e in text (the document's code points).
// The coder keeps no offsets for the date expression: its span is where
// date_text first occurs in the event's sentence, and is left out when it
// does not occur there. Spans whose offsets do not fit the text (a store
// written by another coder version) are left out rather than misplaced.
func eventSpans(e *store.StoredEvent, text []rune) []span {
	var out []span
	add := func(role, t string, start, end int) {
		if start < end && end <= len(text) && string(text[start:end]) == t {
			out = append(out, span{Event: e.ID, Role: role, Start: start, End: end, Text: t})
		}
	}
	add("trigger", e.Trigger.Text, e.Trigger.Start, e.Trigger.End)
	if a := e.Source; a != nil {
		add("source", a.Text, a.Start, a.End)
	}
	if a := e.Target; a != nil {
		add("target", a.Text, a.Start, a.End)
	}
	if l := e.Location; l != nil {
		add("place", l.Text, l.Start, l.End)
	}
	if c := e.ClaimedBy; c != nil {
		add("claimed_by", c.Text, c.Start, c.End)
	}
	if d := []rune(string(e.DateText)); len(d) > 0 && e.SentenceStart >= 0 && e.SentenceEnd <= len(text) && e.SentenceStart < e.SentenceEnd {
		sent := text[e.SentenceStart:e.SentenceEnd]
		for i := 0; i+len(d) <= len(sent); i++ {
			if slices.Equal(sent[i:i+len(d)], d) {
				add("date", string(d), e.SentenceStart+i, e.SentenceStart+i+len(d))
				break
			}
		}
	}
	return out
}

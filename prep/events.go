package prep

import "github.com/marsad/marsad"

// EventKey is what two reports of one happening share: the event type, the
// source and target actors (dictionary id, or NormText when the dictionary
// did not resolve them) and the place (gazetteer id, or NormText). It is ""
// for events that must not be merged: ones the text does not assert
// (negated, hypothetical, future: see marsad.Event.Counts), ones without a
// type, and ones that name fewer than two of source, target and place —
// "an attack" on its own matches every other attack of those days. Reports
// with one key are one happening when their days are close (see
// dedup.Clusterer).
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

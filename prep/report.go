package prep

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/dedup"
)

// Report returns what event clustering compares of e (dedup.Compare), or
// nil for an event that is never merged with others: one without a type,
// or one the text does not assert (negated, hypothetical, future: see
// marsad.Event.Counts). Its Day is left for the store to set (the event's
// date, else the article's).
func Report(e *marsad.Event) *dedup.Report {
	if e.EventType == "" || !e.Counts() {
		return nil
	}
	w := words(e.Sentence)
	r := &dedup.Report{Type: e.EventType, Dated: e.DateText != "", Precision: string(e.DatePrecision),
		Source: actorKey(e.Source), Target: actorKey(e.Target),
		Verbatim: dedup.VerbatimHash(w), Shingles: dedup.Sketch(w)}
	if l := e.Location; l != nil {
		p := dedup.Place{ID: string(l.GazetteerID), Name: string(l.Name), Admin1: string(l.Admin1),
			Country: string(l.Country), Kind: string(l.Kind)}
		if p.ID == "" {
			p.ID = "~" + NormText(l.Text)
		}
		if l.Lat != nil && l.Lon != nil {
			p.Lat, p.Lon, p.HasPoint = *l.Lat, *l.Lon, true
		}
		r.Place = p
	}
	return r
}

// actorKey is "=" + the dictionary id of a resolved actor; else its agent
// class (the sector an agent word gives: "مدنيا" and "شخصا" are both
// people) or the head noun of its text with counts dropped and the
// article, clitics and plural endings stripped ("80 مدنيا" → مدني,
// "المحتجين" → محتج), so that two outlets' words for the same crowd meet.
func actorKey(a *marsad.ActorRef) string {
	switch {
	case a == nil:
		return ""
	case a.ActorID != "":
		return "=" + string(a.ActorID)
	case a.Sector != "":
		return "#" + string(a.Sector)
	}
	for _, w := range words(a.Text) {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		_, stem, _ := arabic.Segment(w)
		if stem == "" {
			stem = w
		}
		return headNoun(stem)
	}
	return ""
}

// pluralEndings are the endings stripped from a head noun, longest first:
// sound plurals and duals in all cases, the accusative alif, the feminine
// ending (folded to ه).
var pluralEndings = []string{"ون", "ين", "ات", "ان", "ا", "ه"}

func headNoun(w string) string {
	for _, end := range pluralEndings {
		if r := strings.TrimSuffix(w, end); r != w && len([]rune(r)) >= 3 {
			return r
		}
	}
	return w
}

package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// ACLEDColumns are the columns of the ACLED export, in ACLED's order.
var ACLEDColumns = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
	"civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
	"longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"}

// actorClass is the ACLED class of an actor (acled_inter.tsv): "none"
// without one, "other" for a sector the table does not know.
func (t *tables) actorClass(r *marsad.ActorRef) string {
	if r == nil {
		return "none"
	}
	if c := t.class[string(r.Sector)]; c != "" {
		return c
	}
	return "other"
}

// classMatches matches a rule's source or target column against a class.
func classMatches(want, class string) bool {
	switch want {
	case "*", class:
		return true
	case "armed":
		return class == "state" || class == "nonstate" || class == "external"
	}
	return false
}

// acledRule returns the first rule of data/export/acled_map.tsv that matches e.
func (t *tables) acledRule(e *store.StoredEvent) (acledRule, bool) {
	src, tgt := t.actorClass(e.Source), t.actorClass(e.Target)
	for _, r := range t.rules {
		if r.ploverType == e.EventType && (r.mode == "*" || r.mode == string(e.Mode)) &&
			classMatches(r.source, src) && classMatches(r.target, tgt) {
			return r, true
		}
	}
	return acledRule{}, false
}

// noACLEDType is the reason an event without a rule is left out.
func (t *tables) noACLEDType(e *store.StoredEvent) string {
	for _, r := range t.rules {
		if r.ploverType == e.EventType {
			return "no ACLED type: " + e.EventType + " with no weapon and no known armed or civilian target"
		}
	}
	return "no ACLED type: " + e.EventType
}

// interCode is the ACLED actor type of an event's actor ("" when unknown).
func (t *tables) interCode(r *marsad.ActorRef, isSource bool, rule acledRule) int {
	if r == nil {
		return 0
	}
	if isSource {
		switch rule.eventType {
		case "Riots":
			return 5
		case "Protests":
			if rule.subEventType != "Excessive force against protesters" {
				return 6
			}
		}
	}
	return t.inter[string(r.Sector)]
}

func actorName(r *marsad.ActorRef) string {
	switch {
	case r == nil:
		return ""
	case r.Name != "":
		return string(r.Name)
	}
	return r.Text
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// writeACLED writes the events that map to an ACLED type (see
// data/export/acled_map.tsv); others (verbal events such as CONSULT or
// ACCUSE, an assault on no one known) are left out and counted in sum.
func writeACLED(w io.Writer, events []*store.StoredEvent, opts Options, sum *Summary) error {
	t := opts.Tables
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns); err != nil {
		return err
	}
	for _, e := range events {
		rule, ok := t.acledRule(e)
		if !ok {
			sum.leave(t.noACLEDType(e))
			continue
		}
		c := t.countries[e.Country]
		in1, in2 := t.interCode(e.Source, true, rule), t.interCode(e.Target, false, rule)
		interaction := ""
		if in1 > 0 {
			a, b := in1, in2
			if b > 0 && b < a {
				a, b = b, a
			}
			interaction = strconv.Itoa(a*10 + b)
			if b == 0 {
				interaction = strconv.Itoa(a * 10)
			}
		}
		civ := ""
		if in2 == 7 && strings.HasPrefix(rule.disorderType, "Political violence") {
			civ = "Civilian targeting"
		}
		precision := "1"
		if e.Date == "" {
			precision = "2" // the report's date, not the event's
		}
		year := ""
		if len(e.Day) >= 4 {
			year = e.Day[:4]
		}
		var loc, lat, lon, geo, admin1 string
		if l := e.Location; l != nil {
			loc = string(l.Name)
			if loc == "" {
				loc = l.Text
			}
			geo = "3"
			if l.Lat != nil && l.Lon != nil {
				lat = strconv.FormatFloat(*l.Lat, 'f', 4, 64)
				lon = strconv.FormatFloat(*l.Lon, 'f', 4, 64)
				geo = "1"
			}
			admin1 = t.admin1[string(l.GazetteerID)]
		}
		fat := "0"
		if e.Fatalities != nil {
			fat = strconv.Itoa(*e.Fatalities)
		}
		var tags []string
		if e.Modality != marsad.Asserted {
			tags = append(tags, e.Modality)
		}
		if e.FatalitiesApprox {
			tags = append(tags, "fatalities approximate")
		}
		if e.ClaimedBy != nil {
			tags = append(tags, "claimed by "+e.ClaimedBy.Text)
		}
		country := c.Name
		if country == "" {
			country = e.Country
		}
		eventID := e.ID
		if e.Country != "" {
			eventID = e.Country + "-" + e.ID
		}
		rec := []string{eventID, e.Day, year, precision, rule.disorderType, rule.eventType, rule.subEventType,
			actorName(e.Source), "", itoa0(in1), actorName(e.Target), "", itoa0(in2), interaction,
			civ, itoa0(c.Numeric), c.Region, country, admin1, "", "", loc, lat,
			lon, geo, acledSource(e), "", acledNotes(e), fat, strings.Join(tags, "; "), strconv.FormatInt(opts.CodedAt.Unix(), 10)}
		if err := cw.Write(safeCells(rec)); err != nil {
			return err
		}
		sum.Written++
	}
	cw.Flush()
	return cw.Error()
}

// safeCells keeps spreadsheet programs from reading untrusted text as a
// formula (OWASP's CSV injection rules): a cell that starts with = + - @, a
// tab, a carriage return or a line feed — also after leading spaces, NBSP,
// zero-width and direction marks or a byte-order mark, and in their
// full-width forms (＝ ＋ － ＠) — gets a leading apostrophe, which Excel and
// LibreOffice show as text. Plain numbers (a negative longitude, +1) are
// left as they are; -Infinity and 1e9 are not plain numbers.
func safeCells(rec []string) []string {
	for i, c := range rec {
		if c == "" || plainNumber(c) {
			continue
		}
		if strings.ContainsRune("\t\r\n", rune(c[0])) {
			rec[i] = "'" + c
			continue
		}
		t := strings.TrimLeftFunc(c, invisibleLead)
		if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("=+-@＝＋－＠\t\r\n", r) {
			rec[i] = "'" + c
		}
	}
	return rec
}

// invisibleLead reports the characters a spreadsheet may skip before a
// formula sign: white space, NBSP, zero-width and direction marks, BOM.
func invisibleLead(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r >= '\u200b' && r <= '\u200f' || r == '\ufeff' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// plainNumber: an optional sign, digits and an optional decimal part.
func plainNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	whole, frac, dot := strings.Cut(s, ".")
	digits := func(d string) bool {
		return d != "" && strings.Trim(d, "0123456789") == ""
	}
	return digits(whole) && (!dot || digits(frac))
}

// acledSource lists the outlets that report the happening, as ACLED's
// source column does ("; " between them).
func acledSource(e *store.StoredEvent) string {
	if len(e.Sources) == 0 {
		return e.DocSource
	}
	return strings.Join(e.Sources, "; ")
}

// acledNotes is the evidence sentence, with the reports' differing death
// tolls when there are any.
func acledNotes(e *store.StoredEvent) string {
	if len(e.Tolls) < 2 {
		return e.Sentence
	}
	t := make([]string, len(e.Tolls))
	for i, n := range e.Tolls {
		t[i] = strconv.Itoa(n)
	}
	return e.Sentence + " [reported tolls: " + strings.Join(t, ", ") + "]"
}

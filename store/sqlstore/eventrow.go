package sqlstore

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

type column struct{ name, typ string }

// eventColumns are the events table without its seq key, in the order of
// eventValues and scanEvent. The sub-objects of marsad.Event are flattened;
// *_present keeps nil apart from empty. The *_norm columns and the last
// five are for filtering and clustering: derived at save time (day,
// country, doc_source, cluster_id) or given by the item's store.EventKeys
// (*_norm, cluster_key).
var eventColumns = []column{
	{"id", "TEXT NOT NULL UNIQUE"}, {"doc_id", "TEXT NOT NULL"}, {"event_type", "TEXT NOT NULL"},
	{"mode", "TEXT NOT NULL"}, {"context", "TEXT NOT NULL"}, {"cameo", "TEXT NOT NULL"},
	{"source_present", "BOOLEAN NOT NULL"}, {"source_text", "TEXT NOT NULL"}, {"source_start", "INTEGER NOT NULL"},
	{"source_end", "INTEGER NOT NULL"}, {"source_actor_id", "TEXT NOT NULL"}, {"source_name", "TEXT NOT NULL"},
	{"source_country", "TEXT NOT NULL"}, {"source_sector", "TEXT NOT NULL"}, {"source_side", "TEXT NOT NULL"},
	{"source_norm", "TEXT NOT NULL"},
	{"target_present", "BOOLEAN NOT NULL"}, {"target_text", "TEXT NOT NULL"}, {"target_start", "INTEGER NOT NULL"},
	{"target_end", "INTEGER NOT NULL"}, {"target_actor_id", "TEXT NOT NULL"}, {"target_name", "TEXT NOT NULL"},
	{"target_country", "TEXT NOT NULL"}, {"target_sector", "TEXT NOT NULL"}, {"target_side", "TEXT NOT NULL"},
	{"target_norm", "TEXT NOT NULL"},
	{"loc_present", "BOOLEAN NOT NULL"}, {"loc_text", "TEXT NOT NULL"}, {"loc_start", "INTEGER NOT NULL"},
	{"loc_end", "INTEGER NOT NULL"}, {"loc_name", "TEXT NOT NULL"}, {"loc_country", "TEXT NOT NULL"},
	{"loc_lat", "DOUBLE PRECISION"}, {"loc_lon", "DOUBLE PRECISION"}, {"loc_gazetteer_id", "TEXT NOT NULL"},
	{"loc_norm", "TEXT NOT NULL"},
	{"event_date", "TEXT NOT NULL"}, {"date_text", "TEXT NOT NULL"}, {"modality", "TEXT NOT NULL"},
	{"claim_present", "BOOLEAN NOT NULL"}, {"claim_text", "TEXT NOT NULL"}, {"claim_start", "INTEGER NOT NULL"},
	{"claim_end", "INTEGER NOT NULL"}, {"claim_actor_id", "TEXT NOT NULL"},
	{"fatalities", "INTEGER"}, {"fatalities_approx", "BOOLEAN NOT NULL"}, {"confidence", "DOUBLE PRECISION NOT NULL"},
	{"sentence_index", "INTEGER NOT NULL"}, {"sentence_start", "INTEGER NOT NULL"}, {"sentence_end", "INTEGER NOT NULL"},
	{"sentence", "TEXT NOT NULL"}, {"trigger_text", "TEXT NOT NULL"}, {"trigger_start", "INTEGER NOT NULL"},
	{"trigger_end", "INTEGER NOT NULL"}, {"coder_version", "TEXT NOT NULL"},
	{"day", "TEXT NOT NULL"}, {"country", "TEXT NOT NULL"}, {"doc_source", "TEXT NOT NULL"},
	{"cluster_key", "TEXT NOT NULL"}, {"cluster_id", "TEXT NOT NULL"},
}

// laterEventColumns were added to the events table by later migrations
// (the first migration creates eventColumns), each with the schema version
// that added it; they follow eventColumns in eventValues and scanEvent.
var laterEventColumns = []struct {
	column
	version int
}{
	{column{"happening_id", "TEXT NOT NULL DEFAULT ''"}, 3}, {column{"mention", "TEXT NOT NULL DEFAULT ''"}, 3},
	{column{"loc_kind", "TEXT NOT NULL DEFAULT ''"}, 4}, {column{"loc_admin1", "TEXT NOT NULL DEFAULT ''"}, 4},
	{column{"loc_precision", "TEXT NOT NULL DEFAULT ''"}, 4}, {column{"loc_basis", "TEXT NOT NULL DEFAULT ''"}, 4},
	{column{"date_precision", "TEXT NOT NULL DEFAULT ''"}, 4},
	{column{"cluster_report", "TEXT NOT NULL DEFAULT ''"}, 7},
}

// eventColumnsAt are the events table's columns at a schema version.
func eventColumnsAt(version int) []column {
	cols := append([]column{}, eventColumns...)
	for _, c := range laterEventColumns {
		if c.version <= version {
			cols = append(cols, c.column)
		}
	}
	return cols
}

// allEventColumns are the events table's columns today.
var allEventColumns = eventColumnsAt(len(SQLite.migrations()))

// eventNames is "e.id, e.doc_id, …" for SELECT.
func eventNames(cols []column, prefix string) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = prefix + c.name
	}
	return strings.Join(names, ", ")
}

// refValues flattens an actor reference; norm is its normalised text.
func refValues(r *marsad.ActorRef, norm string) []any {
	if r == nil {
		return []any{false, "", 0, 0, "", "", "", "", "", ""}
	}
	return []any{true, r.Text, r.Start, r.End, string(r.ActorID), string(r.Name), string(r.Country),
		string(r.Sector), string(r.Side), norm}
}

func optFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// eventValues returns the column values of a StoredEvent with its keys and
// its encoded dedup.Report ("" when it is never clustered), in column order.
func eventValues(e *store.StoredEvent, k store.EventKeys, report string) ([]any, error) {
	ctx, err := json.Marshal(e.Context)
	if err != nil {
		return nil, fmt.Errorf("event %s context: %w", e.ID, err)
	}
	v := []any{e.ID, e.DocID, e.EventType, string(e.Mode), string(ctx), string(e.CAMEO)}
	v = append(v, refValues(e.Source, k.Source)...)
	v = append(v, refValues(e.Target, k.Target)...)
	if l := e.Location; l != nil {
		v = append(v, true, l.Text, l.Start, l.End, string(l.Name), string(l.Country), optFloat(l.Lat), optFloat(l.Lon),
			string(l.GazetteerID), k.Place)
	} else {
		v = append(v, false, "", 0, 0, "", "", nil, nil, "", "")
	}
	v = append(v, string(e.Date), string(e.DateText), e.Modality)
	if c := e.ClaimedBy; c != nil {
		v = append(v, true, c.Text, c.Start, c.End, string(c.ActorID))
	} else {
		v = append(v, false, "", 0, 0, "")
	}
	var fat any
	if e.Fatalities != nil {
		fat = *e.Fatalities
	}
	v = append(v, fat, e.FatalitiesApprox, e.Confidence,
		e.SentenceIndex, e.SentenceStart, e.SentenceEnd, e.Sentence,
		e.Trigger.Text, e.Trigger.Start, e.Trigger.End, e.CoderVersion,
		e.Day, e.Country, e.DocSource, k.Cluster, e.ClusterID,
		string(e.HappeningID), string(e.Mention))
	if l := e.Location; l != nil {
		v = append(v, string(l.Kind), string(l.Admin1), string(l.Precision), string(l.Basis))
	} else {
		v = append(v, "", "", "", "")
	}
	v = append(v, string(e.DatePrecision), report)
	return v, nil
}

// refScan holds the scanned columns of one flattened ActorRef.
type refScan struct {
	present                                   bool
	text, id, name, country, sector, side, nm string
	start, end                                int
}

func (r *refScan) dest() []any {
	return []any{&r.present, &r.text, &r.start, &r.end, &r.id, &r.name, &r.country, &r.sector, &r.side, &r.nm}
}

func (r *refScan) ref() *marsad.ActorRef {
	if !r.present {
		return nil
	}
	return &marsad.ActorRef{Text: r.text, Start: r.start, End: r.end, ActorID: marsad.OptText(r.id),
		Name: marsad.OptText(r.name), Country: marsad.OptText(r.country), Sector: marsad.OptText(r.sector),
		Side: marsad.OptText(r.side)}
}

// scanEvent reads the cols of eventNames followed by the document's
// title, date and url.
func scanEvent(cols []column, rows Rows) (store.StoredEvent, error) {
	var (
		e                                             store.StoredEvent
		mode, ctx, cameo, date, dateText, clusterKey  string
		happening, mention                            string
		locKind, locAdmin1, locPrecision, locBasis    string
		datePrecision, clusterReport                  string
		src, tgt                                      refScan
		locPresent, claimPresent                      bool
		locText, locName, locCountry, locGaz, locNorm string
		locStart, locEnd                              int
		lat, lon                                      sql.NullFloat64
		claimText, claimActor                         string
		claimStart, claimEnd                          int
		fat                                           sql.NullInt64
	)
	dest := []any{&e.ID, &e.DocID, &e.EventType, &mode, &ctx, &cameo}
	dest = append(dest, src.dest()...)
	dest = append(dest, tgt.dest()...)
	dest = append(dest, &locPresent, &locText, &locStart, &locEnd, &locName, &locCountry, &lat, &lon, &locGaz, &locNorm,
		&date, &dateText, &e.Modality,
		&claimPresent, &claimText, &claimStart, &claimEnd, &claimActor,
		&fat, &e.FatalitiesApprox, &e.Confidence,
		&e.SentenceIndex, &e.SentenceStart, &e.SentenceEnd, &e.Sentence,
		&e.Trigger.Text, &e.Trigger.Start, &e.Trigger.End, &e.CoderVersion,
		&e.Day, &e.Country, &e.DocSource, &clusterKey, &e.ClusterID)
	later := []any{&happening, &mention, &locKind, &locAdmin1, &locPrecision, &locBasis, &datePrecision, &clusterReport}
	dest = append(dest, later[:len(cols)-len(eventColumns)]...)
	dest = append(dest, &e.DocTitle, &e.DocDate, &e.DocURL)
	if err := rows.Scan(dest...); err != nil {
		return e, fmt.Errorf("scan event: %w", err)
	}
	if err := json.Unmarshal([]byte(ctx), &e.Context); err != nil {
		return e, fmt.Errorf("event %s: bad context %q: %w", e.ID, ctx, err)
	}
	e.Mode, e.CAMEO, e.Date, e.DateText = marsad.OptText(mode), marsad.OptText(cameo), marsad.OptText(date), marsad.OptText(dateText)
	e.Source, e.Target = src.ref(), tgt.ref()
	e.HappeningID, e.Mention = marsad.OptText(happening), marsad.OptText(mention)
	e.DatePrecision = marsad.OptText(datePrecision)
	if locPresent {
		l := &marsad.PlaceRef{Text: locText, Start: locStart, End: locEnd, Name: marsad.OptText(locName),
			Country: marsad.OptText(locCountry), GazetteerID: marsad.OptText(locGaz),
			Kind: marsad.OptText(locKind), Admin1: marsad.OptText(locAdmin1),
			Precision: marsad.OptText(locPrecision), Basis: marsad.OptText(locBasis)}
		if lat.Valid {
			l.Lat = &lat.Float64
		}
		if lon.Valid {
			l.Lon = &lon.Float64
		}
		e.Location = l
	}
	if claimPresent {
		e.ClaimedBy = &marsad.Claim{Text: claimText, Start: claimStart, End: claimEnd, ActorID: marsad.OptText(claimActor)}
	}
	if fat.Valid {
		n := int(fat.Int64)
		e.Fatalities = &n
	}
	return e, nil
}

package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// CSVColumns are the columns of the flat CSV export: every event field,
// sub-objects flattened with a prefix, then what the store adds.
var CSVColumns = func() []string {
	cols := []string{"id", "doc_id", "event_type", "mode", "context", "cameo"}
	for _, p := range []string{"source", "target"} {
		for _, f := range []string{"text", "start", "end", "actor_id", "name", "country", "sector", "side"} {
			cols = append(cols, p+"_"+f)
		}
	}
	cols = append(cols, "location_text", "location_start", "location_end", "location_name", "location_country",
		"location_lat", "location_lon", "location_gazetteer_id", "date", "date_text", "modality",
		"claimed_by_text", "claimed_by_start", "claimed_by_end", "claimed_by_actor_id",
		"fatalities", "fatalities_approx", "confidence", "sentence_index", "sentence_start", "sentence_end", "sentence",
		"trigger_text", "trigger_start", "trigger_end", "coder_version",
		"day", "country", "cluster_id", "doc_title", "doc_date", "doc_source", "doc_url")
	return cols
}()

func optFloat(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// refFields flattens an actor; an absent actor is empty cells.
func refFields(r *marsad.ActorRef) []string {
	if r == nil {
		return make([]string, 8)
	}
	return []string{r.Text, strconv.Itoa(r.Start), strconv.Itoa(r.End), string(r.ActorID), string(r.Name),
		string(r.Country), string(r.Sector), string(r.Side)}
}

// writeCSV writes one row per event. Context is joined with ";"; absent
// values are empty cells.
func writeCSV(w io.Writer, events []store.StoredEvent) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, e := range events {
		row := []string{e.ID, e.DocID, e.EventType, string(e.Mode), strings.Join(e.Context, ";"), string(e.CAMEO)}
		row = append(row, refFields(e.Source)...)
		row = append(row, refFields(e.Target)...)
		if l := e.Location; l != nil {
			row = append(row, l.Text, strconv.Itoa(l.Start), strconv.Itoa(l.End), string(l.Name), string(l.Country),
				optFloat(l.Lat), optFloat(l.Lon), string(l.GazetteerID))
		} else {
			row = append(row, make([]string, 8)...)
		}
		row = append(row, string(e.Date), string(e.DateText), e.Modality)
		if c := e.ClaimedBy; c != nil {
			row = append(row, c.Text, strconv.Itoa(c.Start), strconv.Itoa(c.End), string(c.ActorID))
		} else {
			row = append(row, make([]string, 4)...)
		}
		fat := ""
		if e.Fatalities != nil {
			fat = strconv.Itoa(*e.Fatalities)
		}
		row = append(row, fat, strconv.FormatBool(e.FatalitiesApprox), strconv.FormatFloat(e.Confidence, 'f', -1, 64),
			strconv.Itoa(e.SentenceIndex), strconv.Itoa(e.SentenceStart), strconv.Itoa(e.SentenceEnd), e.Sentence,
			e.Trigger.Text, strconv.Itoa(e.Trigger.Start), strconv.Itoa(e.Trigger.End), e.CoderVersion,
			e.Day, e.Country, e.ClusterID, e.DocTitle, e.DocDate, e.DocSource, e.DocURL)
		if err := cw.Write(safeCells(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

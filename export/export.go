// Package export writes stored events in the formats analysts load into
// their tools: PLOVER JSONL (the ontology's own record), ACLED-style CSV
// (for people used to ACLED's columns and categories), GeoJSON (maps),
// GraphML (actor networks in Gephi) and a flat CSV of every field.
//
// Mappings that are knowledge rather than code — PLOVER to ACLED types,
// sectors to ACLED actor types, ISO country codes, PLOVER quad codes — are
// TSV files in the knowledge folder (data/export/, data/countries.tsv),
// documented in ACLED.md.
package export

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/store"
)

// Options tune an export.
type Options struct {
	// CodedAt is stamped as coded_date/timestamp; zero means now. Set it for
	// reproducible output.
	CodedAt time.Time
	// Tables are the mappings of the ACLED and PLOVER exports (LoadTables);
	// nil loads the built-in ones.
	Tables *Tables
	// AllModalities keeps, in the ACLED and GeoJSON exports, the events
	// they leave out by default: historical background, events dated over
	// a year before their article, and negated, hypothetical or future
	// ones (the modality is then in ACLED's tags).
	AllModalities bool
	// Mentions keeps every report of a happening in the ACLED and GeoJSON
	// exports instead of one per event cluster.
	Mentions bool
	// Summary, when set, is filled with what was written and what was
	// left out, and why.
	Summary *Summary
}

// Formats are the names Write accepts.
var Formats = []string{"acled", "csv", "geojson", "graphml", "plover"}

// Write writes events to w in format. Output is deterministic for the same
// events and Options.
func Write(w io.Writer, format string, events []store.StoredEvent, opts Options) error {
	if opts.CodedAt.IsZero() {
		opts.CodedAt = time.Now().UTC()
	}
	if opts.Tables == nil {
		t, err := LoadTables(data.FS)
		if err != nil {
			return fmt.Errorf("built-in tables: %w", err)
		}
		opts.Tables = t
	}
	sum := opts.Summary
	if sum == nil {
		sum = &Summary{}
	}
	*sum = Summary{Format: strings.ToLower(format), Events: len(events), Unit: "rows"}
	events = settleActors(events, opts.Tables)
	var err error
	switch sum.Format {
	case "plover", "jsonl":
		sum.Unit = "records"
		err = writePLOVER(w, events, opts)
		sum.Written = len(events)
	case "acled":
		err = writeACLED(w, current(events, opts, sum), opts, sum)
	case "geojson":
		sum.Unit = "features"
		err = writeGeoJSON(w, current(events, opts, sum), sum)
	case "graphml":
		sum.Unit = "edges"
		err = writeGraphML(w, events, sum)
	case "csv":
		err = writeCSV(w, events)
		sum.Written = len(events)
	default:
		return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", format, err)
	}
	return nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

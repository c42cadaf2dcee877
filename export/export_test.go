package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

func ptr[T any](v T) *T { return &v }

var codedAt = time.Date(2019, 10, 26, 8, 0, 0, 0, time.UTC)

// sample is three stored events: an air strike in Tripoli with every field,
// a protest in Baghdad without coordinates, and a denied clash.
func sample() []store.StoredEvent {
	strike := store.StoredEvent{
		Event: marsad.Event{ID: "e1", DocID: "seed", EventType: "ASSAULT", Mode: "aerial", Context: []string{"military"}, CAMEO: "195",
			Source: &marsad.ActorRef{Text: "طيران الجيش الليبي", ActorID: "LBYMIL", Name: "Libyan National Army", Country: "LBY", Sector: "MIL"},
			Target: &marsad.ActorRef{Text: "ميليشيات مصراتة", Country: "LBY", Sector: "UAF"},
			Location: &marsad.PlaceRef{Text: "طرابلس", Name: "Tripoli", Country: "LBY", Lat: ptr(32.8872), Lon: ptr(13.1913),
				GazetteerID: "geonames:2210247"},
			Date: "2019-10-25", Modality: marsad.Asserted, Fatalities: ptr(3), Confidence: 0.9,
			ClaimedBy: &marsad.Claim{Text: "العميد خالد المحجوب"},
			Sentence:  "شن طيران الجيش الليبي غارات على مواقع ميليشيات مصراتة في طرابلس، ما أسفر عن مقتل 3 مسلحين.",
			Trigger:   marsad.Span{Text: "غارات", Start: 19, End: 24}, CoderVersion: marsad.CoderVersion},
		Day: "2019-10-25", Country: "LBY", ClusterID: "e1", DocTitle: "غارات على طرابلس", DocDate: "2019-10-25",
		DocSource: "Al Arabiya", DocURL: "https://www.alarabiya.net/x",
	}
	protest := store.StoredEvent{
		Event: marsad.Event{ID: "e2", DocID: "d2", EventType: "PROTEST", Mode: "demo", Modality: marsad.Asserted,
			Source:   &marsad.ActorRef{Text: "آلاف المتظاهرين", Country: "IRQ", Sector: "CVL"},
			Target:   &marsad.ActorRef{Text: "الحكومة العراقية", ActorID: "IRQGOV", Country: "IRQ", Sector: "GOV"},
			Location: &marsad.PlaceRef{Text: "بغداد", Country: "IRQ"},
			Sentence: "خرج آلاف المتظاهرين في بغداد احتجاجا على الفساد."},
		Day: "2019-10-28", Country: "IRQ", ClusterID: "e2", DocSource: "BBC Arabic",
	}
	denied := store.StoredEvent{
		Event: marsad.Event{ID: "e3", DocID: "d3", EventType: "ASSAULT", Mode: "firearms", Modality: marsad.Negated,
			Source: &marsad.ActorRef{Text: "قوات الوفاق", Country: "LBY", Sector: "MIL"},
			Target: &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "LBYMIL", Country: "LBY", Sector: "MIL"}},
		Day: "2019-11-01", Country: "LBY", ClusterID: "e3",
	}
	return []store.StoredEvent{strike, protest, denied}
}

func write(t *testing.T, format string) string {
	t.Helper()
	return write2(t, format, sample())
}

func TestPLOVER(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(write(t, "plover")), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want one record per event", len(lines))
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	actor := rec["actor"].([]any)[0].(map[string]any)
	loc := rec["event_loc"].(map[string]any)
	cite := rec["cite_info"].(map[string]any)
	checks := map[string][2]any{
		"id":            {rec["id"], "e1"},
		"date":          {rec["date"], "2019-10-25"},
		"event":         {rec["event"].([]any)[0], "ASSAULT"},
		"mode":          {rec["mode"].([]any)[0], "aerial"},
		"quad_code":     {rec["quad_code"], 4.0},
		"actor code":    {actor["code"], "LBY"},
		"actor sector":  {actor["sector"], "MIL"},
		"entity_text":   {actor["entity_text"], "طيران الجيش الليبي"},
		"recipient":     {rec["recipient"].([]any)[0].(map[string]any)["sector"], "UAF"},
		"event_loc lat": {loc["lat"], 32.8872},
		"event_text":    {rec["event_text"], "غارات"},
		"cite source":   {cite["source"], "Al Arabiya"},
		"coder":         {rec["coder"], marsad.CoderVersion},
		"coded_date":    {rec["coded_date"], "2019-10-26"},
		"fatalities":    {rec["fatalities"], 3.0},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
	if err := json.Unmarshal([]byte(lines[2]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["has_event"] != false || rec["event_loc"] != nil || rec["comment"] != "modality: negated" {
		t.Errorf("denied event: has_event %v, event_loc %v, comment %v", rec["has_event"], rec["event_loc"], rec["comment"])
	}
}

func readCSV(t *testing.T, s string) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, col := range rows[0] {
			m[col] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func TestACLED(t *testing.T) {
	rows := readCSV(t, write(t, "acled"))
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2: the denied clash is not an ACLED event", len(rows))
	}
	strike, protest := rows[0], rows[1]
	want := map[string]string{
		"event_id_cnty": "LBY-e1", "event_date": "2019-10-25", "year": "2019", "time_precision": "1",
		"disorder_type": "Political violence", "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
		"actor1": "Libyan National Army", "inter1": "1", "actor2": "ميليشيات مصراتة", "inter2": "3", "interaction": "13",
		"iso": "434", "country": "Libya", "region": "Northern Africa", "location": "Tripoli",
		"latitude": "32.8872", "longitude": "13.1913", "geo_precision": "1", "source": "Al Arabiya", "fatalities": "3",
		"timestamp": "1572076800",
	}
	for col, v := range want {
		if strike[col] != v {
			t.Errorf("strike %s = %q, want %q", col, strike[col], v)
		}
	}
	want = map[string]string{"event_type": "Protests", "sub_event_type": "Peaceful protest", "disorder_type": "Demonstrations",
		"inter1": "6", "inter2": "1", "interaction": "16", "country": "Iraq", "iso": "368", "time_precision": "2",
		"geo_precision": "3", "latitude": "", "civilian_targeting": "", "fatalities": "0"}
	for col, v := range want {
		if protest[col] != v {
			t.Errorf("protest %s = %q, want %q", col, protest[col], v)
		}
	}
}

// A hand-made table of PLOVER events and the ACLED rows they become
// (ACLED codebook: event type from the PLOVER type, mode and both actors'
// sectors; interaction from both; civilian targeting when civilians are
// the target of political violence), or the reason they are left out.
func TestACLEDMapping(t *testing.T) {
	actor := func(sector string) *marsad.ActorRef {
		if sector == "" {
			return nil
		}
		return &marsad.ActorRef{Text: "x" + sector, Sector: marsad.OptText(sector)}
	}
	cases := []struct {
		typ, mode, src, tgt, modality string
		want                          string // event_type/sub_event_type interaction civilian_targeting, or the reason left out
	}{
		{"ASSAULT", "aerial", "MIL", "REB", "", "Explosions/Remote violence/Air/drone strike 12 "},
		{"ASSAULT", "aerial", "MIL", "CVL", "", "Explosions/Remote violence/Air/drone strike 17 Civilian targeting"},
		{"ASSAULT", "heavy-weapons", "REB", "", "", "Explosions/Remote violence/Shelling/artillery/missile attack 20 "},
		{"ASSAULT", "explosives", "", "COP", "", "Explosions/Remote violence/Remote explosive/landmine/IED  "},
		{"ASSAULT", "firearms", "UAF", "REB", "", "Battles/Armed clash 23 "},
		{"ASSAULT", "firearms", "MIL", "CVL", "", "Violence against civilians/Attack 17 Civilian targeting"},
		{"ASSAULT", "", "REB", "JRN", "", "Violence against civilians/Attack 27 Civilian targeting"},
		{"ASSAULT", "", "MIL", "IMG", "", "Battles/Armed clash 18 "},
		{"ASSAULT", "abduct", "UAF", "NGO", "", "Violence against civilians/Abduction/forced disappearance 37 Civilian targeting"},
		// An air strike on military sites is no violence against civilians;
		// an assault on no one known has no ACLED type.
		{"ASSAULT", "", "MIL", "", "", "no ACLED type: ASSAULT with no weapon and no known armed or civilian target"},
		{"ASSAULT", "", "", "", "", "no ACLED type: ASSAULT with no weapon and no known armed or civilian target"},
		{"ASSAULT", "crowd-control", "COP", "CVL", "", "Protests/Excessive force against protesters 17 Civilian targeting"},
		{"ASSAULT", "destroy", "REB", "", "", "Strategic developments/Looting/property destruction 20 "},
		{"PROTEST", "demo", "CVL", "GOV", "", "Protests/Peaceful protest 16 "},
		{"PROTEST", "riot", "CVL", "COP", "", "Riots/Violent demonstration 15 "},
		{"COERCE", "arrest", "COP", "JRN", "", "Strategic developments/Arrests 17 "},
		// Taking ground is a battle for it, not looting.
		{"COERCE", "seize", "MIL", "REB", "", "Battles/Government regains territory 12 "},
		{"COERCE", "seize", "REB", "MIL", "", "Battles/Non-state actor overtakes territory 12 "},
		{"COERCE", "seize", "", "", "", "Strategic developments/Other  "},
		{"RETREAT", "withdraw", "UAF", "", "", "Strategic developments/Non-violent transfer of territory 30 "},
		{"AGREE", "", "GOV", "REB", "", "Strategic developments/Agreement 12 "},
		{"CONSULT", "", "GOV", "GOV", "", "no ACLED type: CONSULT"},
		{"ASSAULT", "aerial", "MIL", "REB", marsad.Historical, leftHistorical},
		{"ASSAULT", "aerial", "MIL", "REB", marsad.Negated, leftUnasserted},
		{"ASSAULT", "aerial", "MIL", "REB", marsad.Future, leftUnasserted},
	}
	for i, c := range cases {
		modality := c.modality
		if modality == "" {
			modality = marsad.Asserted
		}
		e := store.StoredEvent{Event: marsad.Event{ID: "e", EventType: c.typ, Mode: marsad.OptText(c.mode), Modality: modality,
			Source: actor(c.src), Target: actor(c.tgt)}, Day: "2019-10-25", ClusterID: "e"}
		var b bytes.Buffer
		var sum Summary
		if err := Write(&b, "acled", []store.StoredEvent{e}, Options{CodedAt: codedAt, Summary: &sum}); err != nil {
			t.Fatal(err)
		}
		got := ""
		if rows := readCSV(t, b.String()); len(rows) == 1 {
			r := rows[0]
			got = r["event_type"] + "/" + r["sub_event_type"] + " " + r["interaction"] + " " + r["civilian_targeting"]
		} else {
			for reason := range sum.LeftOut {
				got = reason
			}
		}
		if got != c.want {
			t.Errorf("%d: %s %s %s→%s %s: %q, want %q", i, c.typ, c.mode, c.src, c.tgt, c.modality, got, c.want)
		}
	}
}

// Background and repeats are left out by default and counted; the flags
// keep them.
func TestACLEDLeavesOutBackgroundAndRepeats(t *testing.T) {
	base := sample()[0]
	old := base
	old.ID, old.ClusterID, old.Day, old.DocDate = "old", "old", "1970-05-01", "2019-10-25"
	repeat := base
	repeat.ID = "e1b" // another report in the cluster of e1
	events := []store.StoredEvent{repeat, base, old}
	var sum Summary
	var b bytes.Buffer
	if err := Write(&b, "acled", events, Options{CodedAt: codedAt, Summary: &sum}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.String())
	if len(rows) != 1 || rows[0]["event_id_cnty"] != "LBY-e1" {
		t.Fatalf("rows %v, want only the cluster's first report e1", rows)
	}
	want := "acled: 1 rows from 3 events; left out 2: 1 dated over a year before its article, 1 other reports of a happening already written (same event cluster)"
	if sum.String() != want {
		t.Errorf("summary\n  %s\nwant\n  %s", sum.String(), want)
	}
	b.Reset()
	if err := Write(&b, "acled", events, Options{CodedAt: codedAt, Summary: &sum, AllModalities: true, Mentions: true}); err != nil {
		t.Fatal(err)
	}
	if rows := readCSV(t, b.String()); len(rows) != 3 || len(sum.LeftOut) != 0 {
		t.Errorf("with AllModalities and Mentions: %d rows, left out %v; want all 3", len(rows), sum.LeftOut)
	}
}

// Every actor has one profile in an export: a dictionary actor the
// dictionary's, another the majority of its mentions.
func TestActorsHaveOneProfile(t *testing.T) {
	ev := func(id string, src *marsad.ActorRef) store.StoredEvent {
		return store.StoredEvent{Event: marsad.Event{ID: id, EventType: "PROTEST", Modality: marsad.Asserted, Source: src,
			Target: &marsad.ActorRef{Text: "الحكومة", ActorID: "syr-gov", Sector: "REB"}}, ClusterID: id}
	}
	events := []store.StoredEvent{
		ev("a", &marsad.ActorRef{Text: "المحتجون", Sector: "CVL", Country: "SYR"}),
		ev("b", &marsad.ActorRef{Text: "المحتجون", Sector: "CVL"}),
		ev("c", &marsad.ActorRef{Text: "المحتجون", Sector: "REB"}),
	}
	out := write2(t, "graphml", events)
	for _, want := range []string{
		`<node id="syr-gov"><data key="label">الحكومة</data><data key="country">SYR</data><data key="sector">GOV</data>`,
		`<data key="country">SYR</data><data key="sector">CVL</data>`,
	} {
		if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(out, "\n", ""), "  ", ""), want) {
			t.Errorf("GraphML lacks %s:\n%s", want, out)
		}
	}
	rows := readCSV(t, write2(t, "csv", events))
	for _, r := range rows {
		if r["target_sector"] != "GOV" || r["source_sector"] != "CVL" || r["source_country"] != "SYR" {
			t.Errorf("CSV row %s: source %s/%s target %s, want CVL/SYR and GOV", r["id"], r["source_sector"], r["source_country"], r["target_sector"])
		}
	}
	if events[2].Source.Sector != "REB" {
		t.Error("the caller's events were changed")
	}
}

func write2(t *testing.T, format string, events []store.StoredEvent) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, events, Options{CodedAt: codedAt}); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.String()
}

func TestGeoJSON(t *testing.T) {
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			ID       string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal([]byte(write(t, "geojson")), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 {
		t.Fatalf("%s with %d features, want one (only the strike has coordinates)", fc.Type, len(fc.Features))
	}
	f := fc.Features[0]
	if f.Geometry.Type != "Point" || f.Geometry.Coordinates[0] != 13.1913 || f.Geometry.Coordinates[1] != 32.8872 {
		t.Errorf("geometry %+v, want Point [lon, lat]", f.Geometry)
	}
	if f.Properties["event_type"] != "ASSAULT" || f.Properties["cluster_id"] != "e1" || f.Properties["fatalities"] != 3.0 {
		t.Errorf("properties %v", f.Properties)
	}
}

func TestGraphML(t *testing.T) {
	out := write(t, "graphml")
	var g graphML
	if err := xml.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	if g.XMLNS != "http://graphml.graphdrawing.org/xmlns" || g.Graph.EdgeDefault != "directed" {
		t.Errorf("header: %+v", g)
	}
	if len(g.Graph.Nodes) != 5 || len(g.Graph.Edges) != 3 {
		t.Fatalf("%d nodes and %d edges, want 5 and 3", len(g.Graph.Nodes), len(g.Graph.Edges))
	}
	ids := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, e := range g.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s joins unknown nodes %s → %s", e.ID, e.Source, e.Target)
		}
	}
	if !ids["LBYMIL"] || !ids["~ميليشيات مصراته"] {
		t.Errorf("nodes %v: want resolved ids and folded texts", ids)
	}
	// Two events between the same actors with the same type make one edge of weight 2.
	evs := append(sample(), sample()[0])
	var b bytes.Buffer
	if err := Write(&b, "graphml", evs, Options{CodedAt: codedAt}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `<data key="weight">2</data>`) {
		t.Errorf("no edge of weight 2 in\n%s", b.String())
	}
}

func TestCSV(t *testing.T) {
	rows := readCSV(t, write(t, "csv"))
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	r := rows[0]
	want := map[string]string{"id": "e1", "context": "military", "source_actor_id": "LBYMIL", "location_lat": "32.8872",
		"fatalities": "3", "claimed_by_text": "العميد خالد المحجوب", "trigger_start": "19", "cluster_id": "e1", "doc_source": "Al Arabiya"}
	for col, v := range want {
		if r[col] != v {
			t.Errorf("%s = %q, want %q", col, r[col], v)
		}
	}
	if rows[2]["location_text"] != "" || rows[2]["fatalities"] != "" || rows[2]["modality"] != "negated" {
		t.Errorf("absent values should be empty cells: %v", rows[2])
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xlsx", sample(), Options{})
	if err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Errorf("err = %v, want one naming the format", err)
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range Formats {
		if a, b := write(t, f), write(t, f); a != b {
			t.Errorf("%s output differs between runs", f)
		}
	}
}

func TestCSVCellsAreNotFormulas(t *testing.T) {
	in := []string{"=HYPERLINK(\"x\")", "-12.5", "@SUM(A1)", "+1", "طرابلس", "-x",
		" =1+1", "\u00a0=1+1", "\n=1+1", "\u200f=1+1", "\ufeff=1+1", "＝1+1", "-Infinity", "1e9", "\t1", "a=b"}
	got := safeCells(append([]string{}, in...))
	want := []string{"'=HYPERLINK(\"x\")", "-12.5", "'@SUM(A1)", "+1", "طرابلس", "'-x",
		"' =1+1", "'\u00a0=1+1", "'\n=1+1", "'\u200f=1+1", "'\ufeff=1+1", "'＝1+1", "'-Infinity", "1e9", "'\t1", "a=b"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// One row per happening lists every outlet that reports it and the death
// tolls when they differ.
func TestACLEDRowListsTheHappeningsSources(t *testing.T) {
	first := sample()[0]
	first.DocSource, first.Fatalities = "Sky News Arabia", ptr(12)
	other := first
	other.ID, other.DocSource, other.Fatalities = "e1b", "BBC Arabic", ptr(15)
	var b bytes.Buffer
	if err := Write(&b, "acled", []store.StoredEvent{other, first}, Options{CodedAt: codedAt, Summary: &Summary{}}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.String())
	if len(rows) != 1 {
		t.Fatalf("%d rows, want one for the happening", len(rows))
	}
	if got := rows[0]["source"]; got != "BBC Arabic; Sky News Arabia" {
		t.Errorf("source %q, want both outlets", got)
	}
	if got := rows[0]["notes"]; !strings.HasSuffix(got, "[reported tolls: 12, 15]") {
		t.Errorf("notes %q, want the two tolls", got)
	}
}

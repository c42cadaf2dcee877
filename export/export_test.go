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
	"github.com/marsad/marsad/data"
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
	var b bytes.Buffer
	if err := Write(&b, format, sample(), Options{CodedAt: codedAt}); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.String()
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

func TestACLEDRules(t *testing.T) {
	tb, err := LoadTables(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		typ, mode, targetSector string
		want                    string
	}{
		{"ASSAULT", "firearms", "REB", "Battles/Armed clash"},
		{"ASSAULT", "firearms", "CVL", "Violence against civilians/Attack"},
		{"ASSAULT", "", "", "Violence against civilians/Attack"},
		{"ASSAULT", "explosives", "MIL", "Explosions/Remote violence/Remote explosive/landmine/IED"},
		{"ASSAULT", "abduct", "CVL", "Violence against civilians/Abduction/forced disappearance"},
		{"PROTEST", "riot", "", "Riots/Violent demonstration"},
		{"PROTEST", "strike", "", "Protests/Peaceful protest"},
		{"COERCE", "arrest", "JRN", "Strategic developments/Arrests"},
		{"CONSULT", "", "", ""},
	}
	for _, c := range cases {
		e := &store.StoredEvent{Event: marsad.Event{EventType: c.typ, Mode: marsad.OptText(c.mode)}}
		if c.targetSector != "" {
			e.Target = &marsad.ActorRef{Sector: marsad.OptText(c.targetSector)}
		}
		got := ""
		if r, ok := tb.acledRule(e); ok {
			got = r.eventType + "/" + r.subEventType
		}
		if got != c.want {
			t.Errorf("%s %s against %s → %q, want %q", c.typ, c.mode, c.targetSector, got, c.want)
		}
	}
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
	got := safeCells([]string{"=HYPERLINK(\"x\")", "-12.5", "@SUM(A1)", "+1", "طرابلس", "-x"})
	want := []string{"'=HYPERLINK(\"x\")", "-12.5", "'@SUM(A1)", "+1", "طرابلس", "'-x"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d = %q, want %q", i, got[i], want[i])
		}
	}
}

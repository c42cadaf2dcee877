package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// seedDoc finds the seed article by its title words.
func seedDoc(t *testing.T, s http.Handler) string {
	t.Helper()
	m := getOK(t, s, "/api/search?q="+url.QueryEscape("ميليشيا مصراتة تلوي ذراع الوفاق"))
	docs := list(m, "documents")
	if len(docs) == 0 {
		t.Fatal("search does not find the seed article by its title")
	}
	return docs[0]["id"].(string)
}

func TestEventsPageWithACursorAndSort(t *testing.T) {
	s := newTestServer(t)
	first := getOK(t, s, "/api/events?limit=3")
	evs := list(first, "events")
	next, _ := first["next_cursor"].(string)
	if len(evs) != 3 || next == "" {
		t.Fatalf("first page: %d events, cursor %q; want 3 and a cursor", len(evs), next)
	}
	second := list(getOK(t, s, "/api/events?limit=3&cursor="+next), "events")
	if len(second) == 0 || second[0]["id"] == evs[0]["id"] || second[0]["id"] == evs[2]["id"] {
		t.Errorf("the second page repeats the first: %v then %v", evs[0]["id"], second[0]["id"])
	}
	for i := 1; i < len(evs); i++ {
		if evs[i-1]["day"].(string) < evs[i]["day"].(string) {
			t.Errorf("newest first: day %v before %v", evs[i-1]["day"], evs[i]["day"])
		}
	}
	oldest := list(getOK(t, s, "/api/events?limit=3&sort=oldest"), "events")
	if oldest[0]["day"].(string) > evs[0]["day"].(string) {
		t.Errorf("sort=oldest starts at %v, after the newest first page's %v", oldest[0]["day"], evs[0]["day"])
	}
	all := getOK(t, s, "/api/events?limit=1000")
	if all["next_cursor"] != nil {
		t.Errorf("a page holding every event has a next cursor: %v", all["next_cursor"])
	}
}

func TestEventFilters(t *testing.T) {
	s := newTestServer(t)
	for _, e := range list(getOK(t, s, "/api/events?type=ASSAULT,RETREAT&country=lby&from=2019-01-01&to=2019-12-31"), "events") {
		if typ := e["event_type"]; (typ != "ASSAULT" && typ != "RETREAT") || e["country"] != "LBY" || e["day"].(string) < "2019-01-01" || e["day"].(string) > "2019-12-31" {
			t.Errorf("event outside the filter: %v %v %v", typ, e["country"], e["day"])
		}
	}
	retreats := list(getOK(t, s, "/api/events?type=RETREAT&actor=lby-misrata-armed"), "events")
	if len(retreats) == 0 {
		t.Fatal("no RETREAT of the Misrata armed groups: the seed article's story is missing")
	}
	happenings := list(getOK(t, s, "/api/happenings?limit=1000"), "events")
	mentions := list(getOK(t, s, "/api/events?limit=1000"), "events")
	if len(happenings) == 0 || len(happenings) >= len(mentions) {
		t.Errorf("%d happenings of %d mentions: want fewer, but some", len(happenings), len(mentions))
	}
	for _, e := range happenings {
		if m := e["mention"]; m != nil && m != "report" {
			t.Errorf("a happening that is a %v, not a report", m)
		}
	}
}

func TestBadInputIs400WithAMessage(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{
		"/api/events?type=BOMBING", "/api/events?from=2019-13-01", "/api/events?from=2019-10-02&to=2019-10-01",
		"/api/events?limit=0", "/api/events?limit=many", "/api/events?limit=1001", "/api/events?cursor=%21%21",
		"/api/events?cursor=bzEyYQ", "/api/events?sort=loudest", "/api/events?modality=maybe", "/api/events?country=LIBYA",
		"/api/events?happenings=perhaps", "/api/events?format=xml", "/api/events?type=ASSAULT&type=PROTEST",
		"/api/happenings?to=yesterday", "/api/search", "/api/search?q=x&limit=-1", "/api/timeline?from=1.1.2019",
		"/api/places?limit=0", "/api/network?type=x", "/api/documents?limit=99999", "/api/actors?limit=x",
		"/api/actors/lby-misrata-armed?from=x", "/api/events?text=" + strings.Repeat("x", 1200),
	} {
		code, m := get(t, s, target)
		if code != http.StatusBadRequest || m["error"] == "" || m["error"] == nil {
			t.Errorf("GET %s = %d %v, want 400 with an error message", target, code, m)
		}
	}
}

func TestUnknownIdsAndPathsAre404AndWrongMethods405(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{"/api/events/no-such-event", "/api/documents/no-such-document", "/api/actors/no-such-actor",
		"/api/nothing", "/api/events/x/y", "/no-such-page.html"} {
		if code, m := get(t, s, target); code != http.StatusNotFound || m["error"] == nil {
			t.Errorf("GET %s = %d %v, want 404 with an error message", target, code, m)
		}
	}
	code, h, m := call(t, s, "DELETE", "/api/events", nil, nil)
	if code != http.StatusMethodNotAllowed || m["error"] == nil || !strings.Contains(h.Get("Allow"), "GET") {
		t.Errorf("DELETE /api/events = %d %v (Allow %q), want 405 in JSON with Allow: GET", code, m, h.Get("Allow"))
	}
}

func TestEventHasItsMentionsAndSentences(t *testing.T) {
	s := newTestServer(t)
	retreat := list(getOK(t, s, "/api/events?type=RETREAT&actor=lby-misrata-armed&happenings=true"), "events")[0]
	m := getOK(t, s, "/api/events/"+url.PathEscape(retreat["id"].(string)))
	ev := m["event"].(map[string]any)
	if ev["id"] != retreat["id"] || m["document"].(map[string]any)["id"] != retreat["doc_id"] {
		t.Errorf("event %v of document %v, want %v of %v", ev["id"], m["document"], retreat["id"], retreat["doc_id"])
	}
	ms := list(m, "mentions")
	found := false
	for _, x := range ms {
		e := x["event"].(map[string]any)
		sent := x["sentence"].(map[string]any)
		found = found || e["id"] == ev["id"]
		if e["happening_id"] != ev["happening_id"] {
			t.Errorf("mention %v of happening %v, not %v", e["id"], e["happening_id"], ev["happening_id"])
		}
		if sent["text"] != e["sentence"] {
			t.Errorf("mention %v: sentence %q, event says %q", e["id"], sent["text"], e["sentence"])
		}
	}
	if !found {
		t.Errorf("the event is not among its happening's mentions: %v", ms)
	}
}

// Every span of every document is at code point offsets: the text between
// them is the span's text, whatever the script (Arabic, Latin, emoji).
func TestDocumentSpansAreCodePointOffsets(t *testing.T) {
	s := newTestServer(t)
	id := seedDoc(t, s)
	m := getOK(t, s, "/api/documents/"+url.PathEscape(id))
	text := []rune(m["document"].(map[string]any)["text"].(string))
	roles := map[string]bool{}
	for _, sp := range list(m, "spans") {
		start, end := int(sp["start"].(float64)), int(sp["end"].(float64))
		if got := string(text[start:end]); got != sp["text"] {
			t.Errorf("span %v [%d:%d] covers %q, not %q", sp["role"], start, end, got, sp["text"])
		}
		roles[sp["role"].(string)] = true
	}
	for _, r := range []string{"trigger", "source", "place", "date"} {
		if !roles[r] {
			t.Errorf("the seed article has no %s span: %v", r, roles)
		}
	}
	if len(list(m, "events")) == 0 || len(list(m, "sentences")) == 0 {
		t.Error("the document comes without its events or sentences")
	}
}

func TestTimelinePlacesNetworkActors(t *testing.T) {
	s := newTestServer(t)
	total := 0
	for _, c := range list(getOK(t, s, "/api/timeline?type=ASSAULT"), "counts") {
		if c["type"] != "ASSAULT" || len(c["day"].(string)) != 10 {
			t.Errorf("timeline row %v", c)
		}
		total += int(c["count"].(float64))
	}
	if n := len(list(getOK(t, s, "/api/events?type=ASSAULT&limit=1000"), "events")); total != n {
		t.Errorf("timeline counts %d ASSAULT events, /api/events lists %d", total, n)
	}
	tripoli := false
	for _, p := range list(getOK(t, s, "/api/places"), "places") {
		tripoli = tripoli || p["name"] == "Tripoli" && p["country"] == "LBY"
	}
	if !tripoli {
		t.Error("Tripoli is not among the places")
	}
	net := getOK(t, s, "/api/network")
	nodes := map[string]bool{}
	for _, n := range list(net, "nodes") {
		nodes[n["id"].(string)] = true
	}
	edges := list(net, "edges")
	if len(edges) == 0 {
		t.Fatal("the network has no edges")
	}
	for _, e := range edges {
		q := e["quad"].(float64)
		if !nodes[e["source"].(string)] || !nodes[e["target"].(string)] || q < 1 || q > 4 {
			t.Errorf("edge %v: an end is not a node, or no quad class", e)
		}
	}
	actors := list(getOK(t, s, "/api/actors?limit=5"), "actors")
	if len(actors) == 0 || len(actors) > 5 {
		t.Fatalf("%d actors, want 1 to 5", len(actors))
	}
	page := getOK(t, s, "/api/actors/"+url.PathEscape(actors[0]["key"].(string)))
	if len(list(page, "events")) == 0 || len(list(page, "months")) == 0 {
		t.Errorf("actor page of %v has no events or months: %v", actors[0]["key"], page)
	}
	if page["as_source"].(float64)+page["as_target"].(float64) < float64(len(list(page, "events"))) {
		t.Errorf("actor page counts %v as source and %v as target, fewer than its events", page["as_source"], page["as_target"])
	}
}

func TestExportFormats(t *testing.T) {
	s := newTestServer(t)
	for format, want := range map[string]string{"csv": "text/csv", "geojson": "application/geo+json"} {
		req, rec := httpGet("/api/events?type=RETREAT&format=" + format)
		s.ServeHTTP(rec, req)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), want) ||
			!strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") || rec.Body.Len() == 0 {
			t.Errorf("format %s: %d %q %q", format, rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
	}
}

func TestSearchIsArabicAware(t *testing.T) {
	s := newTestServer(t)
	id := seedDoc(t, s)
	// Written with a different hamza and the clitic و, as readers type.
	for _, q := range []string{"مصراتة", "ومصراته"} {
		found := false
		for _, d := range list(getOK(t, s, "/api/search?q="+url.QueryEscape(q)), "documents") {
			found = found || d["id"] == id
		}
		if !found {
			t.Errorf("search %q does not find the seed article", q)
		}
	}
}

package server

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"
)

const article = `{"id": "test-1", "title": "انسحاب", "date": "2019-10-26", "source": "Test", "text": "بدأ مقاتلو مصراتة السبت في الانسحاب من محاور القتال في العاصمة طرابلس."}`

func TestPostDocumentsNeedsTheToken(t *testing.T) {
	s := newTestServer(t)
	post := func(body, token string) (int, http.Header, map[string]any) {
		h := map[string]string{"Content-Type": "application/json"}
		if token != "" {
			h["Authorization"] = "Bearer " + token
		}
		return call(t, s, "POST", "/api/documents", strings.NewReader(body), h)
	}
	if code, h, m := post(article, ""); code != http.StatusUnauthorized || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") || m["error"] == nil {
		t.Errorf("no token: %d %v", code, m)
	}
	if code, _, _ := post(article, "s3cret-not"); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d, want 401", code)
	}
	code, _, m := post(article, "s3cret")
	if code != http.StatusCreated || m["new"] != 1.0 || m["events"].(float64) < 1 {
		t.Fatalf("first post: %d %v, want 201 with one new article and its events", code, m)
	}
	if code, _, m := post(article, "s3cret"); code != http.StatusOK || m["duplicate"] != 1.0 {
		t.Errorf("second post: %d %v, want 200 and a duplicate", code, m)
	}
	if evs := list(getOK(t, s, "/api/events?doc=test-1"), "events"); len(evs) == 0 {
		t.Error("the posted article's events are not served")
	}
	batch := strings.NewReplacer("test-1", "test-2", "السبت", "الاثنين").Replace(article) + "\n" + strings.NewReplacer("test-1", "test-3", "السبت", "الأحد").Replace(article) + "\n"
	if code, _, m := call(t, s, "POST", "/api/documents", strings.NewReader(batch),
		map[string]string{"Authorization": "Bearer s3cret", "Content-Type": "application/x-ndjson"}); code != http.StatusCreated || m["new"] != 2.0 {
		t.Errorf("JSON Lines batch: %d %v, want 2 new", code, m)
	}
	for body, want := range map[string]int{
		"":                     http.StatusBadRequest,
		"not json":             http.StatusBadRequest,
		`{"title": "no text"}`: http.StatusBadRequest,
		`{"text": "` + strings.Repeat("ن", 1<<20) + `"}`: http.StatusRequestEntityTooLarge,
	} {
		if code, _, m := post(body, "s3cret"); code != want || m["error"] == nil {
			t.Errorf("post %.40q: %d %v, want %d with an error", body, code, m, want)
		}
	}
}

func TestWritesAreOffWithoutAToken(t *testing.T) {
	st, c := testStore(t)
	s, err := New(st, Options{Coder: c})
	if err != nil {
		t.Fatal(err)
	}
	code, _, m := call(t, s, "POST", "/api/documents", strings.NewReader(article), map[string]string{"Authorization": "Bearer "})
	if code != http.StatusForbidden || !strings.Contains(m["error"].(string), "--token") {
		t.Errorf("post with writes off: %d %v, want 403 saying how to turn them on", code, m)
	}
}

func TestHealthMetricsAndOpenAPI(t *testing.T) {
	s := newTestServer(t)
	if m := getOK(t, s, "/healthz"); m["status"] != "ok" {
		t.Errorf("healthz: %v", m)
	}
	get(t, s, "/api/events?limit=1")
	get(t, s, "/api/events?limit=x")
	req, rec := httpGet("/metrics")
	s.ServeHTTP(rec, req)
	body := rec.Body.String()
	for _, want := range []string{`marsad_http_requests_total{route="GET /api/events",status="200"} 1`,
		`marsad_http_requests_total{route="GET /api/events",status="400"} 1`,
		`marsad_http_request_duration_seconds_count{route="GET /api/events"} 2`, "# TYPE marsad_http_request_duration_seconds histogram"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
	// The description lists exactly the routes the server has.
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	var described, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	for _, rt := range s.apiRoutes() {
		served = append(served, rt.pattern)
	}
	sort.Strings(described)
	sort.Strings(served)
	if strings.Join(described, "\n") != strings.Join(served, "\n") {
		t.Errorf("openapi.json describes\n%s\nthe server serves\n%s", strings.Join(described, "\n"), strings.Join(served, "\n"))
	}
	if m := getOK(t, s, "/api/openapi.json"); m["openapi"] != "3.1.0" {
		t.Errorf("/api/openapi.json: %v", m["openapi"])
	}
}

func TestSecurityHeadersAndTheDashboard(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{"/", "/api/events?limit=1", "/api/nothing"} {
		req, rec := httpGet(target)
		s.ServeHTTP(rec, req)
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", target)
		}
	}
	req, rec := httpGet("/")
	s.ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "<title>") {
		t.Errorf("/ = %d %q, want the dashboard", rec.Code, rec.Body.String())
	}
	if _, err := New(nil, Options{TileURL: "javascript:alert(1)"}); err == nil {
		t.Error("a javascript: tile URL was accepted")
	}
}

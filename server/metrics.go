package server

import (
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// metrics are the server's counters in the Prometheus text format: requests
// by route and status, request durations by route (a histogram), and what
// POST /api/documents stored.
type metrics struct {
	mu        sync.Mutex
	start     time.Time
	requests  map[[2]string]int // route, status
	durations map[string]*histogram
	docs, evs int
}

// buckets are the upper bounds of the duration histogram, in seconds.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

type histogram struct {
	counts []int // per bucket, not cumulative
	sum    float64
	n      int
}

func newMetrics() *metrics {
	return &metrics{start: time.Now(), requests: map[[2]string]int{}, durations: map[string]*histogram{}}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{route, fmt.Sprint(status)}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]int, len(buckets))}
		m.durations[route] = h
	}
	sec := d.Seconds()
	for i, b := range buckets {
		if sec <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += sec
	h.n++
}

func (m *metrics) ingested(docs, events int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs += docs
	m.evs += events
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	m := s.metrics
	m.mu.Lock()
	var b strings.Builder
	b.WriteString("# HELP marsad_http_requests_total HTTP requests by route pattern and status.\n# TYPE marsad_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "marsad_http_requests_total{route=%s,status=%q} %d\n", label(k[0]), k[1], m.requests[k])
	}
	b.WriteString("# HELP marsad_http_request_duration_seconds HTTP request durations by route pattern.\n# TYPE marsad_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, rt := range routes {
		h := m.durations[rt]
		cum := 0
		for i, ub := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "marsad_http_request_duration_seconds_bucket{route=%s,le=\"%g\"} %d\n", label(rt), ub, cum)
		}
		fmt.Fprintf(&b, "marsad_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", label(rt), h.n)
		fmt.Fprintf(&b, "marsad_http_request_duration_seconds_sum{route=%s} %g\n", label(rt), h.sum)
		fmt.Fprintf(&b, "marsad_http_request_duration_seconds_count{route=%s} %d\n", label(rt), h.n)
	}
	fmt.Fprintf(&b, "# HELP marsad_ingested_documents_total Documents stored by POST /api/documents.\n# TYPE marsad_ingested_documents_total counter\nmarsad_ingested_documents_total %d\n", m.docs)
	fmt.Fprintf(&b, "# HELP marsad_ingested_events_total Events stored by POST /api/documents.\n# TYPE marsad_ingested_events_total counter\nmarsad_ingested_events_total %d\n", m.evs)
	uptime := time.Since(m.start).Seconds()
	m.mu.Unlock()
	fmt.Fprintf(&b, "# HELP marsad_uptime_seconds Seconds since the server started.\n# TYPE marsad_uptime_seconds gauge\nmarsad_uptime_seconds %g\n", uptime)
	fmt.Fprintf(&b, "# HELP go_goroutines Goroutines that currently exist.\n# TYPE go_goroutines gauge\ngo_goroutines %d\n", runtime.NumGoroutine())
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, err := w.Write([]byte(b.String()))
	return err
}

// label quotes a label value as Prometheus' text format wants it.
func label(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(v) + `"`
}

// Package server is Marsad's HTTP API and the dashboard that uses it: JSON
// over the store's queries (events, happenings, actors, the actor network,
// the timeline, places, documents with their coded spans, full-text
// search), an ingest endpoint behind a bearer token, health, Prometheus
// metrics and an OpenAPI description, and the built dashboard (package web)
// on the same port.
//
// Every answer to a bad request is JSON with a message and a 4xx status:
// 400 for a bad parameter, 404 for an unknown id or path, 405 for a wrong
// method, 401/403 for writes without the token, 413 for a body too large.
// A 500 means the store failed, never that the input was wrong.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/export"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/store"
)

// Options configure a Server.
type Options struct {
	// Token is the bearer token write endpoints require; "" turns writes off.
	Token string
	// Coder codes posted articles; nil turns writes off.
	Coder ingest.Coder
	// Tables map event types to PLOVER quad classes (export.LoadTables);
	// nil uses the built-in tables.
	Tables *export.Tables
	// Assets are the dashboard's files (web.Assets); nil serves the API only.
	Assets fs.FS
	// TileURL is a raster tile URL template ({z}/{x}/{y}) for the map;
	// "" keeps the offline basemap only.
	TileURL string
	// MaxBody bounds a POSTed body in bytes (0: DefaultMaxBody).
	MaxBody int64
	// Log receives one line per request at debug level and errors at
	// error level (nil: slog.Default()).
	Log *slog.Logger
}

// DefaultMaxBody is the largest article batch POST /api/documents accepts.
const DefaultMaxBody = 16 << 20

// Server serves the API and the dashboard. Create it with New.
type Server struct {
	st      store.Store
	opt     Options
	mux     *http.ServeMux
	metrics *metrics
	token   [32]byte // SHA-256 of Options.Token: compared in constant time
	writeMu sync.Mutex
	csp     string
}

// New returns a Server over st.
func New(st store.Store, opt Options) (*Server, error) {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	if opt.Tables == nil {
		t, err := export.LoadTables(data.FS)
		if err != nil {
			return nil, err
		}
		opt.Tables = t
	}
	s := &Server{st: st, opt: opt, mux: http.NewServeMux(), metrics: newMetrics(), token: sha256.Sum256([]byte(opt.Token))}
	imgSrc := "'self' data:"
	if opt.TileURL != "" {
		u, err := url.Parse(strings.NewReplacer("{", "", "}", "").Replace(opt.TileURL))
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, fmt.Errorf("tile URL %q: want http(s)://host/…/{z}/{x}/{y}.png", opt.TileURL)
		}
		imgSrc += " " + u.Scheme + "://" + u.Host
	}
	// No inline script or style anywhere: the dashboard is files of its
	// own origin, and article text only ever becomes text nodes.
	s.csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + imgSrc +
		"; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
	s.routes()
	return s, nil
}

// route is one endpoint: its pattern and what it does, for the mux, the
// metrics and the test that the OpenAPI description lists every route.
type route struct {
	pattern string
	handler func(w http.ResponseWriter, r *http.Request) error
}

func (s *Server) apiRoutes() []route {
	return []route{
		{"GET /api/events", s.events},
		{"GET /api/events/{id}", s.event},
		{"GET /api/happenings", s.happenings},
		{"GET /api/actors", s.actors},
		{"GET /api/actors/{id}", s.actor},
		{"GET /api/network", s.network},
		{"GET /api/timeline", s.timeline},
		{"GET /api/places", s.places},
		{"GET /api/documents", s.documents},
		{"GET /api/documents/{id}", s.document},
		{"POST /api/documents", s.postDocuments},
		{"GET /api/search", s.search},
		{"GET /api/stats", s.stats},
		{"GET /api/config", s.config},
		{"GET /api/openapi.json", s.openapi},
		{"GET /healthz", s.healthz},
		{"GET /metrics", s.serveMetrics},
	}
}

func (s *Server) routes() {
	for _, rt := range s.apiRoutes() {
		s.mux.Handle(rt.pattern, s.api(rt.handler))
	}
	s.mux.Handle("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		// A path served for other methods is a 405, as the mux would say.
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			other := r.Clone(r.Context())
			other.Method = m
			if _, p := s.mux.Handler(other); p != "/api/" && p != "" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			return errorf(http.StatusMethodNotAllowed, "method %s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", "))
		}
		return errorf(http.StatusNotFound, "no API endpoint %s %s (see /api/openapi.json)", r.Method, r.URL.Path)
	}))
	if s.opt.Assets != nil {
		files := http.FileServerFS(s.opt.Assets)
		s.mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				writeError(w, errorf(http.StatusMethodNotAllowed, "method %s is not allowed on %s (allowed: GET, HEAD)", r.Method, r.URL.Path))
				return
			}
			if r.URL.Path != "/" {
				if _, err := fs.Stat(s.opt.Assets, strings.TrimPrefix(r.URL.Path, "/")); err != nil {
					writeError(w, errorf(http.StatusNotFound, "no page %s", r.URL.Path))
					return
				}
				// Built file names do not change between builds of one
				// version, so a short cache is safe.
				w.Header().Set("Cache-Control", "public, max-age=300")
			} else {
				w.Header().Set("Cache-Control", "no-cache")
			}
			files.ServeHTTP(w, r)
		}))
	}
}

// ServeHTTP serves one request with the security headers, metrics and
// panic recovery every response gets.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("Content-Security-Policy", s.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if v := recover(); v != nil {
			s.opt.Log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v)
			if !rec.wrote {
				writeError(rec, errorf(http.StatusInternalServerError, "internal error"))
			}
		}
		pattern := r.Pattern
		if pattern == "" {
			pattern = "unmatched"
		}
		d := time.Since(start)
		s.metrics.observe(pattern, rec.status, d)
		s.opt.Log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "ms", d.Milliseconds())
	}()
	if _, pattern := s.mux.Handler(r); pattern == "" {
		// The mux's own answers are plain text; this one is JSON.
		writeError(rec, errorf(http.StatusNotFound, "no page %s", r.URL.Path))
		return
	}
	s.mux.ServeHTTP(rec, r)
}

// api adapts a handler that returns an error: an *httpError is answered
// with its status, any other error (the store failing) with 500.
func (s *Server) api(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var he *httpError
		if !errors.As(err, &he) {
			if errors.Is(err, store.ErrNotFound) {
				he = &httpError{status: http.StatusNotFound, msg: err.Error()}
			} else if errors.Is(err, context.Canceled) {
				return // the client went away
			} else {
				s.opt.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
				he = &httpError{status: http.StatusInternalServerError, msg: "the store failed; see the server log"}
			}
		}
		writeError(w, he)
	})
}

// httpError is an error with the status it is answered with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) *httpError {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// badRequest is errorf(400, …).
func badRequest(format string, args ...any) *httpError {
	return errorf(http.StatusBadRequest, format, args...)
}

func writeError(w http.ResponseWriter, e *httpError) {
	writeJSON(w, e.status, map[string]any{"error": e.msg, "status": e.status})
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // "<" as \u003c: JSON is never read as HTML
	return enc.Encode(v)
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// authorized checks the bearer token in constant time.
func (s *Server) authorized(r *http.Request) *httpError {
	if s.opt.Token == "" || s.opt.Coder == nil {
		return errorf(http.StatusForbidden, "writes are off: start marsad serve with --token (or MARSAD_TOKEN) to allow them")
	}
	auth := r.Header.Get("Authorization")
	got, ok := strings.CutPrefix(auth, "Bearer ")
	sum := sha256.Sum256([]byte(got))
	if !ok || subtle.ConstantTimeCompare(sum[:], s.token[:]) != 1 {
		return errorf(http.StatusUnauthorized, "a valid bearer token is required (Authorization: Bearer TOKEN)")
	}
	return nil
}

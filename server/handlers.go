package server

import (
	"bytes"
	_ "embed"
	"net/http"
	"sort"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/export"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// eventPage is the answer of /api/events and /api/happenings.
type eventPage struct {
	Events []store.StoredEvent `json:"events"`
	// NextCursor fetches the next page (parameter cursor); null on the last.
	NextCursor *string `json:"next_cursor"`
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	return s.eventList(w, r, false)
}

// happenings are the events one per happening of an article: its report.
func (s *Server) happenings(w http.ResponseWriter, r *http.Request) error {
	return s.eventList(w, r, true)
}

func (s *Server) eventList(w http.ResponseWriter, r *http.Request, happenings bool) error {
	q := newQuery(r.URL)
	f := q.filter()
	f.Happenings = f.Happenings || happenings
	format := q.str("format")
	max := maxPage
	switch format {
	case "", "json":
	case "csv", "geojson":
		max = maxExport
	default:
		q.bad("format %q: use json, csv or geojson", format)
	}
	q.page(&f, max)
	if err := q.err(); err != nil {
		return err
	}
	// One more than asked says whether there is a next page.
	want := f.Limit
	f.Limit++
	evs, err := s.st.Events(r.Context(), f)
	if err != nil {
		return err
	}
	page := eventPage{Events: evs}
	if len(evs) > want {
		page.Events = evs[:want]
		c := cursorFor(f.Offset + want)
		page.NextCursor = &c
	}
	if page.Events == nil {
		page.Events = []store.StoredEvent{}
	}
	if format == "csv" || format == "geojson" {
		var b bytes.Buffer
		if err := export.Write(&b, format, page.Events, export.Options{Tables: s.opt.Tables}); err != nil {
			return err
		}
		ct := map[string]string{"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json"}[format]
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="marsad-events.`+format+`"`)
		_, err := w.Write(b.Bytes())
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// mention is one event of a happening with the sentence it was coded from.
type mention struct {
	Event    store.StoredEvent `json:"event"`
	Sentence marsad.Sentence   `json:"sentence"`
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	e, err := s.st.Event(r.Context(), id)
	if err != nil {
		return err
	}
	doc, err := s.st.Document(r.Context(), e.DocID)
	if err != nil {
		return err
	}
	others, err := s.st.Events(r.Context(), store.Filter{DocID: e.DocID, Sort: store.SortOldest, Limit: maxExport})
	if err != nil {
		return err
	}
	var ms []mention
	for _, o := range others {
		if o.ID == e.ID || (e.HappeningID != "" && o.HappeningID == e.HappeningID) {
			ms = append(ms, mention{Event: o, Sentence: sentenceAt(doc.Sentences, o.SentenceIndex)})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Event.SentenceIndex < ms[j].Event.SentenceIndex })
	return writeJSON(w, http.StatusOK, map[string]any{
		"event": e, "mentions": ms, "spans": eventSpans(&e, []rune(doc.Text)),
		"document": docHeader(doc),
	})
}

func sentenceAt(ss []marsad.Sentence, i int) marsad.Sentence {
	for _, s := range ss {
		if s.Index == i {
			return s
		}
	}
	return marsad.Sentence{Index: i}
}

// docHeader is a document without its text.
func docHeader(d store.StoredDocument) map[string]any {
	return map[string]any{"id": d.ID, "title": d.Title, "date": d.Date, "source": d.Source, "url": safeURL(d.URL), "cluster": d.Cluster}
}

// safeURL keeps http(s) links only: a javascript: or data: URL from an
// article must never become a link.
func safeURL(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
		return u
	}
	return ""
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	doc, err := s.st.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	evs, err := s.st.Events(r.Context(), store.Filter{DocID: doc.ID, Sort: store.SortOldest, Limit: maxExport})
	if err != nil {
		return err
	}
	spans := []span{}
	runes := []rune(doc.Text)
	for i := range evs {
		spans = append(spans, eventSpans(&evs[i], runes)...)
	}
	head := docHeader(doc)
	head["text"] = doc.Text
	if doc.Sentences == nil {
		doc.Sentences = []marsad.Sentence{}
	}
	if evs == nil {
		evs = []store.StoredEvent{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"document": head, "sentences": doc.Sentences, "events": evs, "spans": spans})
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r.URL)
	limit := q.integer("limit", defaultPage, 1, maxPage)
	offset := q.cursor()
	if err := q.err(); err != nil {
		return err
	}
	docs, err := s.st.Documents(r.Context(), limit+1, offset)
	if err != nil {
		return err
	}
	var next *string
	if len(docs) > limit {
		docs = docs[:limit]
		c := cursorFor(offset + limit)
		next = &c
	}
	for i := range docs {
		docs[i].URL = safeURL(docs[i].URL)
	}
	if docs == nil {
		docs = []store.DocumentInfo{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"documents": docs, "next_cursor": next})
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r.URL)
	text := q.str("q")
	limit := q.integer("limit", defaultPage, 1, maxPage)
	if text == "" {
		q.bad("q is required: the words to find")
	}
	if err := q.err(); err != nil {
		return err
	}
	docs, err := s.st.Search(r.Context(), prep.Terms(text), limit)
	if err != nil {
		return err
	}
	if docs == nil {
		docs = []store.DocumentInfo{}
	}
	for i := range docs {
		docs[i].URL = safeURL(docs[i].URL)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"query": text, "documents": docs})
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r.URL)
	f := q.filter()
	if err := q.err(); err != nil {
		return err
	}
	counts, err := s.st.Timeline(r.Context(), f)
	if err != nil {
		return err
	}
	if counts == nil {
		counts = []store.DayCount{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"counts": counts})
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r.URL)
	f := q.filter()
	f.Limit = q.integer("limit", maxPage, 1, maxExport)
	if err := q.err(); err != nil {
		return err
	}
	ps, err := s.st.Places(r.Context(), f)
	if err != nil {
		return err
	}
	if ps == nil {
		ps = []store.PlaceCount{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"places": ps})
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r.URL)
	limit := q.integer("limit", defaultPage, 1, maxExport)
	name := strings.ToLower(q.str("q"))
	if err := q.err(); err != nil {
		return err
	}
	as, err := s.st.Actors(r.Context())
	if err != nil {
		return err
	}
	out := []store.ActorCount{}
	for _, a := range as {
		if len(out) == limit {
			break
		}
		if name == "" || strings.Contains(strings.ToLower(a.Name), name) || strings.Contains(strings.ToLower(a.Key), name) {
			out = append(out, a)
		}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"actors": out})
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

func (s *Server) config(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, map[string]any{
		"tile_url": s.opt.TileURL, "writes": s.opt.Token != "" && s.opt.Coder != nil,
		"types": eventTypes(), "version": marsad.CoderVersion,
	})
}

// eventTypes are the PLOVER event types, cooperation to conflict, for the
// dashboard's type filter.
func eventTypes() []string {
	return []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
		"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
}

//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openapiJSON)
	return err
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.st.HasDocument(r.Context(), ""); err != nil {
		s.opt.Log.Error("health check: store", "err", err)
		return writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "store unavailable"})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
}

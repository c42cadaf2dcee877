package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/reader"
)

// postDocuments codes and stores one article (a JSON object) or a batch
// (a JSON array, or JSON Lines), with the fields of `marsad ingest`'s
// .jsonl input: id, title, date, source, url, text.
func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorized(r); err != nil {
		if err.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
		}
		return err
	}
	q := newQuery(r.URL)
	date := q.date("date")
	if err := q.err(); err != nil {
		return err
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return errorf(http.StatusRequestEntityTooLarge, "the body is larger than %d bytes: post fewer articles at a time", s.opt.MaxBody)
	}
	if err != nil {
		return badRequest("reading the body: %v", err)
	}
	format := "jsonl"
	ct := r.Header.Get("Content-Type")
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return badRequest("the body is empty: post a JSON article {\"title\", \"date\", \"text\", …} or JSON Lines")
	case strings.Contains(ct, "ndjson") || strings.Contains(ct, "jsonl"):
	case trimmed[0] == '[' || json.Valid(trimmed):
		format = "json" // an array, or one object (JSON Lines of several objects is not one JSON value)
	}
	s.writeMu.Lock() // one ingest at a time: batches stay in order
	defer s.writeMu.Unlock()
	opt := ingest.Options{Reader: reader.Options{Format: format, Date: date, Stdin: bytes.NewReader(body)}, Workers: 2}
	sum, err := ingest.Run(r.Context(), s.st, s.opt.Coder, []string{"-"}, opt)
	if err != nil {
		return err
	}
	s.metrics.ingested(sum.New, sum.Events)
	status := http.StatusOK
	if sum.New > 0 {
		status = http.StatusCreated
	}
	if sum.Documents == 0 {
		return writeJSON(w, http.StatusBadRequest, map[string]any{
			"error": "no article could be read: " + strings.Join(sum.Rejects, "; "), "status": http.StatusBadRequest, "summary": sum})
	}
	return writeJSON(w, status, sum)
}

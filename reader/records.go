package reader

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	marsad "github.com/marsad/marsad"
)

// fieldNames are the Document fields a record can fill; every other field
// goes into Document.Meta.
var fieldNames = []string{"id", "title", "date", "source", "url", "text"}

// columnAliases are the CSV/TSV header names tried, in order, for a field
// that Options.Columns does not map.
var columnAliases = map[string][]string{
	"id":     {"id", "guid", "doc_id"},
	"title":  {"title", "headline"},
	"date":   {"date", "published", "pubdate", "published_at", "datetime"},
	"source": {"source", "outlet", "publisher"},
	"url":    {"url", "link"},
	"text":   {"text", "body", "content", "article"},
}

// ParseColumns reads a column mapping such as "text=body,date=published".
func ParseColumns(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		field, col, ok := strings.Cut(part, "=")
		field, col = strings.TrimSpace(field), strings.TrimSpace(col)
		if !ok || field == "" || col == "" {
			return nil, fmt.Errorf("column mapping %q: want FIELD=COLUMN", part)
		}
		if !contains(fieldNames, field) {
			return nil, fmt.Errorf("column mapping %q: unknown field %q (fields: %s)", part, field, strings.Join(fieldNames, ", "))
		}
		out[field] = col
	}
	return out, nil
}

// setField stores one known field; date is normalised, and a date that
// cannot be read is kept in Meta["date"] rather than lost.
func setField(doc *marsad.Document, field, value string) {
	switch field {
	case "id":
		doc.ID = value
	case "title":
		doc.Title = strings.TrimSpace(value)
	case "date":
		if d, ok := normDate(value); ok {
			doc.Date = d
		} else if strings.TrimSpace(value) != "" {
			doc.Meta["date"] = value
		}
	case "source":
		doc.Source = value
	case "url":
		doc.URL = value
	case "text":
		doc.Text = value
	}
}

// stripMarkup replaces a text field that is really HTML by its visible
// text, and says so in Meta, because feeds and scrapers often store markup.
func stripMarkup(doc *marsad.Document) {
	if looksLikeHTML(doc.Text) {
		doc.Text = extractHTML([]byte(doc.Text)).text
		doc.Meta["html_stripped"] = true
	}
}

// docFromObject maps one decoded JSON object; reason is "" on success.
func docFromObject(m map[string]any) (doc marsad.Document, reason string) {
	doc.Meta = map[string]any{}
	for k, v := range m {
		if !contains(fieldNames, k) {
			doc.Meta[k] = v
		}
	}
	for _, f := range fieldNames {
		v, ok := m[f]
		if !ok || v == nil {
			continue
		}
		switch x := v.(type) {
		case string:
			setField(&doc, f, x)
		case json.Number:
			if f != "id" {
				// a number is an id, never an article's text or title
				return doc, fmt.Sprintf("field %q is a number, want a string", f)
			}
			setField(&doc, f, x.String())
		default:
			return doc, fmt.Sprintf("field %q is %s, want a string", f, jsonKind(v))
		}
	}
	if _, ok := m["text"]; !ok {
		return doc, fmt.Sprintf("no \"text\" field (fields: %s)", strings.Join(sortedKeys(m), ", "))
	}
	stripMarkup(&doc)
	return doc, ""
}

func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	}
	return "null"
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// decodeObject decodes raw as exactly one JSON object.
func decodeObject(raw []byte) (map[string]any, string) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, "invalid JSON: " + jsonErr(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Sprintf("invalid JSON: unexpected data after the value at byte %d", dec.InputOffset())
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Sprintf("not a JSON object (got %s)", jsonKind(v))
	}
	return m, ""
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of JSON input"
	}
	return err.Error()
}

// errRecordTooLarge stops a CSV or JSON decoder in the middle of a record
// that is longer than the text limit allows.
var errRecordTooLarge = errors.New("record too large")

// limitedReader fails once more than limit bytes were read since the last
// reset. The CSV and JSON decoders hold a whole field or array element in
// memory: a huge one is stopped while it is read, not after. Decoders read
// ahead a little, which the generous limit absorbs.
type limitedReader struct {
	r        io.Reader
	n, limit int64
}

func (s *source) recordLimit() *limitedReader {
	// JSON escapes (\u0627) can take up to three times the bytes of UTF-8.
	return &limitedReader{r: s.br, limit: 4*int64(s.opts.maxText()) + 1<<20}
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n > l.limit {
		return 0, errRecordTooLarge
	}
	if room := l.limit + 1 - l.n; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}

func (l *limitedReader) reset() { l.n = 0 }

// readJSONL reads one JSON object a line. Each line is checked and decoded
// on its own, so one bad line costs one Reject, and a line longer than the
// text limit allows is skipped without being held in memory.
func readJSONL(src *source, yield func(Item) bool) {
	// JSON escapes (\u0627) can take up to three times the bytes of UTF-8.
	maxLine := 4*src.opts.maxText() + 1<<20
	offset := src.base
	lineNo, record := 0, 0
	for {
		line, n, tooLong, err := readLine(src.br, maxLine)
		if n == 0 && err != nil {
			if err != io.EOF {
				yield(src.reject(lineNo+1, 0, "cannot read: %v", err))
			}
			return
		}
		start := offset
		offset += n
		lineNo++
		if !tooLong && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		record++
		var item Item
		switch {
		case tooLong:
			item = src.reject(lineNo, record, "too large (line longer than %d bytes)", maxLine)
		case invalidUTF8(line) >= 0:
			item = src.reject(lineNo, record, "invalid UTF-8 at byte %d", start+int64(invalidUTF8(line)))
		default:
			item = src.fromJSON(line, lineNo, record)
		}
		if !yield(item) {
			return
		}
		if err != nil {
			if err != io.EOF {
				yield(src.reject(lineNo+1, 0, "cannot read: %v", err))
			}
			return
		}
	}
}

func (s *source) fromJSON(raw []byte, line, record int) Item {
	m, reason := decodeObject(raw)
	if reason != "" {
		return s.reject(line, record, "%s", reason)
	}
	doc, reason := docFromObject(m)
	if reason != "" {
		return s.reject(line, record, "%s", reason)
	}
	return s.finish(doc, line, record)
}

// readLine reads one line of at most limit bytes; n counts every byte
// consumed, including those of a line too long to keep.
func readLine(br *bufio.Reader, limit int) (line []byte, n int64, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		n += int64(len(chunk))
		if !tooLong {
			if len(line)+len(chunk) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if e != bufio.ErrBufferFull {
			return line, n, tooLong, e
		}
	}
}

// readJSON reads a JSON array of objects, or one object (or several in a
// row), element by element.
func readJSON(src *source, yield func(Item) bool) {
	first, err := firstNonSpace(src.br)
	if err != nil {
		yield(src.reject(0, 0, "empty"))
		return
	}
	lim := src.recordLimit()
	dec := json.NewDecoder(lim)
	dec.UseNumber()
	array := first == '['
	if array {
		dec.Token() // the '[' just peeked
	}
	for record := 1; ; record++ {
		if array && !dec.More() {
			break
		}
		var raw json.RawMessage
		err := dec.Decode(&raw)
		lim.reset()
		if err == io.EOF && !array {
			return
		}
		if errors.Is(err, errRecordTooLarge) {
			yield(src.reject(0, record, "too large (record longer than %d bytes; rest of the file skipped)", lim.limit))
			return
		}
		if err != nil {
			yield(src.reject(0, record, "invalid JSON: %s (rest of the file skipped)", jsonErr(err)))
			return
		}
		var item Item
		if at := invalidUTF8(raw); at >= 0 {
			item = src.reject(0, record, "invalid UTF-8 at byte %d of the record", at)
		} else {
			item = src.fromJSON(raw, 0, record)
		}
		if !yield(item) {
			return
		}
	}
	if _, err := dec.Token(); err != nil {
		yield(src.reject(0, 0, "invalid JSON: %s after the last element", jsonErr(err)))
	}
}

func firstNonSpace(br *bufio.Reader) (byte, error) {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c, br.UnreadByte()
		}
	}
}

// readCSV reads a CSV or TSV file with a header row.
func readCSV(src *source, tab bool, yield func(Item) bool) {
	lim := src.recordLimit()
	cr := csv.NewReader(lim)
	if tab {
		cr.Comma = '\t'
		cr.LazyQuotes = true // TSV exports rarely quote, and stray quotes are text
	}
	header, err := cr.Read()
	if err != nil {
		yield(src.reject(1, 0, "invalid header: %v", err))
		return
	}
	cols, reason := mapColumns(header, src.opts.Columns)
	if reason != "" {
		yield(src.reject(1, 0, "%s", reason))
		return
	}
	for record := 1; ; record++ {
		lim.reset()
		row, err := cr.Read()
		if err == io.EOF {
			return
		}
		var item Item
		var pe *csv.ParseError
		switch {
		case errors.Is(err, errRecordTooLarge):
			line, _ := cr.FieldPos(0)
			yield(src.reject(line, record, "too large (record longer than %d bytes; rest of the file skipped)", lim.limit))
			return
		case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount):
			item = src.reject(pe.StartLine, record, "has %d fields, the header has %d", len(row), len(header))
		case errors.As(err, &pe):
			item = src.reject(pe.StartLine, record, "invalid CSV: %v", pe.Err)
		case err != nil:
			yield(src.reject(0, record, "cannot read: %v", err))
			return
		default:
			line, _ := cr.FieldPos(0)
			item = src.fromRow(header, row, cols, line, record)
		}
		if !yield(item) {
			return
		}
	}
}

func (s *source) fromRow(header, row []string, cols map[string]int, line, record int) Item {
	for i, v := range row {
		if at := invalidUTF8([]byte(v)); at >= 0 {
			return s.reject(line, record, "invalid UTF-8 in column %q at byte %d of the field", header[i], at)
		}
	}
	doc := marsad.Document{Meta: map[string]any{}}
	used := map[int]bool{}
	for _, f := range fieldNames {
		if i, ok := cols[f]; ok {
			setField(&doc, f, row[i])
			used[i] = true
		}
	}
	for i, v := range row {
		if !used[i] && v != "" {
			doc.Meta[header[i]] = v
		}
	}
	stripMarkup(&doc)
	return s.finish(doc, line, record)
}

// mapColumns finds the header column of each field.
func mapColumns(header []string, explicit map[string]string) (map[string]int, string) {
	index := map[string]int{}
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		if _, dup := index[key]; !dup {
			index[key] = i
		}
	}
	cols := map[string]int{}
	for _, f := range fieldNames {
		if name, ok := explicit[f]; ok {
			i, found := index[strings.ToLower(strings.TrimSpace(name))]
			if !found {
				return nil, fmt.Sprintf("column %q (for %s) is not in the header (%s)", name, f, strings.Join(header, ", "))
			}
			cols[f] = i
			continue
		}
		for _, alias := range columnAliases[f] {
			if i, found := index[alias]; found {
				cols[f] = i
				break
			}
		}
	}
	if _, ok := cols["text"]; !ok {
		return nil, fmt.Sprintf("no text column (header: %s); name one, e.g. text=body", strings.Join(header, ", "))
	}
	return cols, ""
}

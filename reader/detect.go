package reader

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"
	"unicode/utf8"

	marsad "github.com/marsad/marsad"
)

// sniffSize is how much of a source is inspected for binary content and,
// when the extension says nothing, for the format.
const sniffSize = 8 << 10

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

var formatByExt = map[string]string{
	".txt": "txt", ".text": "txt",
	".jsonl": "jsonl", ".ndjson": "jsonl",
	".json": "json",
	".csv":  "csv", ".tsv": "tsv",
	".xml": "feed", ".rss": "feed", ".atom": "feed",
	".html": "html", ".htm": "html", ".xhtml": "html",
}

// source is one input being read: its name for Rejects and the buffered
// bytes after any byte-order mark (base bytes were skipped before them).
type source struct {
	name string
	br   *bufio.Reader
	base int64
	opts Options
}

func (s *source) reject(line, record int, format string, args ...any) Item {
	return Item{Err: &Reject{Source: s.name, Line: line, Record: record, Reason: fmt.Sprintf(format, args...)}}
}

// items reads r, checks that it is text at all, picks the format and hands
// over to the format's reader.
func items(r io.Reader, name string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		src := &source{name: name, br: bufio.NewReaderSize(r, 64<<10), opts: opts}
		head, err := src.br.Peek(sniffSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			yield(src.reject(0, 0, "cannot read: %v", err))
			return
		}
		if bytes.HasPrefix(head, utf8BOM) {
			src.br.Discard(len(utf8BOM))
			src.base = int64(len(utf8BOM))
			head = head[len(utf8BOM):]
		}
		if reason := sniffBinary(head); reason != "" {
			yield(src.reject(0, 0, "%s", reason))
			return
		}
		if len(head) < sniffSize && len(bytes.TrimSpace(head)) == 0 {
			yield(src.reject(0, 0, "empty"))
			return
		}
		format := opts.Format
		if format == "" {
			format = formatByExt[strings.ToLower(filepath.Ext(name))]
		}
		if format == "" {
			format = sniffFormat(head)
		}
		switch format {
		case "jsonl":
			readJSONL(src, yield)
		case "json":
			readJSON(src, yield)
		case "csv", "tsv":
			readCSV(src, format == "tsv", yield)
		case "feed":
			readFeed(src, yield)
		case "html":
			readHTMLFile(src, yield)
		default:
			readText(src, yield)
		}
	}
}

// sniffBinary says why head is not text, or "".
func sniffBinary(head []byte) string {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return "binary file (UTF-16 text; convert it to UTF-8)"
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Sprintf("binary file (NUL byte at byte %d)", i)
	}
	control := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
			control++
		}
	}
	if len(head) > 0 && control*10 > len(head) {
		return "binary file (control bytes)"
	}
	return ""
}

// sniffFormat guesses the format of a source whose name says nothing.
func sniffFormat(head []byte) string {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(t) == 0 {
		return "txt"
	}
	switch t[0] {
	case '[':
		return "json"
	case '{':
		// A pretty-printed object starts with a line holding only "{".
		line, _, _ := bytes.Cut(t, []byte("\n"))
		if len(bytes.TrimSpace(line)) == 1 {
			return "json"
		}
		return "jsonl"
	case '<':
		low := bytes.ToLower(t[:min(len(t), 2048)])
		for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if bytes.Contains(low, []byte(root)) {
				return "feed"
			}
		}
		return "html"
	}
	return "txt"
}

// slurp reads the rest of src up to limit bytes; when it cannot it yields
// the Reject and returns false.
func (s *source) slurp(limit int64, what string, yield func(Item) bool) ([]byte, bool) {
	data, err := io.ReadAll(io.LimitReader(s.br, limit+1))
	switch {
	case err != nil:
		yield(s.reject(0, 0, "cannot read: %v", err))
		return nil, false
	case int64(len(data)) > limit:
		yield(s.reject(0, 0, "too large (more than %d bytes of %s)", limit, what))
		return nil, false
	}
	return data, true
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence in
// b, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) { // the fast path, almost always taken
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// readText reads a plain text file: one Document whose Text is the whole
// file as read, so offsets point into the file, and whose Title is the
// first line.
func readText(src *source, yield func(Item) bool) {
	data, ok := src.slurp(int64(src.opts.maxText()), "text", yield)
	if !ok {
		return
	}
	if at := invalidUTF8(data); at >= 0 {
		yield(src.reject(0, 0, "invalid UTF-8 at byte %d", src.base+int64(at)))
		return
	}
	text := string(data)
	doc := newDoc(src.name)
	if looksLikeHTML(text) {
		// Markup saved as .txt: code its visible text, not the tags.
		h := extractHTML(data)
		doc.Title, doc.Text, doc.Date = h.title, h.text, h.date
		doc.Meta["html_stripped"] = true
	} else {
		first, _, _ := strings.Cut(text, "\n")
		doc.Title = strings.TrimSpace(first)
		doc.Text = text
	}
	yield(src.finish(doc, 0, 0))
}

// newDoc starts a Document for a one-document file, remembering the file.
func newDoc(name string) marsad.Document {
	doc := marsad.Document{Meta: map[string]any{}}
	if name != "-" {
		doc.Meta["file"] = name
	}
	return doc
}

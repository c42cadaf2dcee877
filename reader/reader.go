package reader

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	marsad "github.com/marsad/marsad"
)

// Defaults for the zero Options.
const (
	DefaultMaxText  = 1 << 20  // bytes of text in one record (news articles are well under 100 KB)
	DefaultMaxFetch = 32 << 20 // bytes fetched from one URL or read from one feed/HTML file
	DefaultTimeout  = 30 * time.Second
	DefaultMaxItems = 2000 // items read from one feed
)

// Formats accepted by Options.Format.
var Formats = []string{"txt", "jsonl", "json", "csv", "tsv", "feed", "html"}

// Options control how inputs are read. The zero value reads every format
// with the default limits.
type Options struct {
	// Format forces one of Formats instead of detecting it.
	Format string
	// Columns maps Document fields to CSV/TSV header names, e.g.
	// {"text": "body", "date": "published"} (see ParseColumns). Fields not
	// named here are found by their own name and a few common aliases.
	Columns map[string]string
	// Date (YYYY-MM-DD) fills Document.Date when the input has none.
	Date string
	// MaxText rejects records whose text has more bytes (0: DefaultMaxText).
	MaxText int
	// MaxFetch bounds a fetched URL body and a feed or HTML file (0: DefaultMaxFetch).
	MaxFetch int64
	// MaxItems bounds the items read from one feed; the rest are one
	// Reject (0: DefaultMaxItems).
	MaxItems int
	// Timeout bounds one URL fetch (0: DefaultTimeout).
	Timeout time.Duration
	// Client fetches URLs (nil: a client with Timeout that connects to
	// public addresses only; a Client given here is used as it is).
	Client *http.Client
	// AllowPrivate lets URL fetches connect to loopback, link-local and
	// private-range addresses, which are refused by default.
	AllowPrivate bool
	// trusted is one "ip:port" fetched from as if public (tests).
	trusted string
	// Stdin is read for the path "-" (nil: os.Stdin).
	Stdin io.Reader
}

// Item is one result: a Document, or Err (a *Reject for a record that was
// skipped).
type Item struct {
	Doc marsad.Document
	Err error
}

// Reject says why one record (or a whole source) was skipped. Line and
// Record are 1-based and 0 when they do not apply.
type Reject struct {
	Source string // file path, URL or "-"
	Line   int    // line of the record in the source
	Record int    // record number within the source (JSON element, CSV row, feed item)
	Reason string
}

func (r *Reject) Error() string {
	var b strings.Builder
	b.WriteString(r.Source)
	if r.Line > 0 {
		fmt.Fprintf(&b, ":%d", r.Line)
	}
	if r.Record > 0 {
		fmt.Fprintf(&b, " (record %d)", r.Record)
	}
	b.WriteString(": ")
	b.WriteString(r.Reason)
	return b.String()
}

// Iterator yields the Items of one source in input order.
type Iterator struct {
	next   func() (Item, bool)
	stop   func()
	closer io.Closer
}

// Next returns the next Item; ok is false at the end.
func (it *Iterator) Next() (item Item, ok bool) { return it.next() }

// Close releases the source. It is safe to call more than once.
func (it *Iterator) Close() error {
	it.stop()
	if it.closer == nil {
		return nil
	}
	c := it.closer
	it.closer = nil
	return c.Close()
}

// All ranges over the remaining Items and closes the Iterator at the end.
func (it *Iterator) All() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		defer it.Close()
		for {
			item, ok := it.Next()
			if !ok || !yield(item) {
				return
			}
		}
	}
}

func newIterator(seq iter.Seq[Item], closer io.Closer) *Iterator {
	next, stop := iter.Pull(seq)
	return &Iterator{next: next, stop: stop, closer: closer}
}

// Open reads one file, "-" (stdin) or http(s) URL. Errors are for bad
// options and sources that cannot be opened at all; everything wrong inside
// the source comes as Rejects from the Iterator.
func Open(path string, opts Options) (*Iterator, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	switch {
	case path == "-":
		return newIterator(items(opts.stdin(), "-", opts), nil), nil
	case isURL(path):
		return newIterator(fetch(path, opts), nil), nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("open %s: is a folder (use Walk)", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return newIterator(items(f, path, opts), f), nil
}

// Read reads r as the source called name (its extension picks the format
// unless Options.Format is set).
func Read(r io.Reader, name string, opts Options) (*Iterator, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	return newIterator(items(r, name, opts), nil), nil
}

// Walk reads every path in order: files, "-" (stdin), URLs and folders
// (recursively, in lexical order, skipping hidden files and folders). It
// calls fn for every Item, Rejects included, and stops early only when fn
// returns an error, which Walk returns. Sources that cannot be opened are
// passed to fn as Rejects too.
func Walk(paths []string, opts Options, fn func(Item) error) error {
	if err := opts.check(); err != nil {
		return err
	}
	for _, p := range paths {
		if err := walkOne(p, opts, fn); err != nil {
			return err
		}
	}
	return nil
}

func walkOne(root string, opts Options, fn func(Item) error) error {
	if root == "-" || isURL(root) {
		return readOne(root, opts, fn)
	}
	st, err := os.Stat(root)
	if err != nil {
		return fn(Item{Err: &Reject{Source: root, Reason: "cannot open: " + errText(err)}})
	}
	if !st.IsDir() {
		return readOne(root, opts, fn)
	}
	var files []string
	werr := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			files = append(files, p) // reported when opened
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || (d.Type()&os.ModeSymlink != 0 && !d.IsDir()) {
			files = append(files, p)
		}
		return nil
	})
	if werr != nil {
		return fn(Item{Err: &Reject{Source: root, Reason: "cannot list folder: " + errText(werr)}})
	}
	sort.Strings(files)
	for _, f := range files {
		if err := readOne(f, opts, fn); err != nil {
			return err
		}
	}
	return nil
}

func readOne(path string, opts Options, fn func(Item) error) error {
	it, err := Open(path, opts)
	if err != nil {
		return fn(Item{Err: &Reject{Source: path, Reason: "cannot open: " + errText(err)}})
	}
	defer it.Close()
	for {
		item, ok := it.Next()
		if !ok {
			return nil
		}
		if err := fn(item); err != nil {
			return err
		}
	}
}

// errText drops the "open PATH:" prefix that *PathError repeats.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (o *Options) check() error {
	if o.Format != "" && !contains(Formats, o.Format) {
		return fmt.Errorf("unknown format %q (want one of %s)", o.Format, strings.Join(Formats, ", "))
	}
	if o.Date != "" {
		if _, err := time.Parse("2006-01-02", o.Date); err != nil {
			return fmt.Errorf("default date %q is not YYYY-MM-DD", o.Date)
		}
	}
	for field := range o.Columns {
		if !contains(fieldNames, field) {
			return fmt.Errorf("column mapping for unknown field %q (fields: %s)", field, strings.Join(fieldNames, ", "))
		}
	}
	if o.MaxText < 0 || o.MaxFetch < 0 || o.Timeout < 0 || o.MaxItems < 0 {
		return errors.New("limits must not be negative")
	}
	return nil
}

func (o *Options) maxText() int {
	if o.MaxText > 0 {
		return o.MaxText
	}
	return DefaultMaxText
}

func (o *Options) maxItems() int {
	if o.MaxItems > 0 {
		return o.MaxItems
	}
	return DefaultMaxItems
}

func (o *Options) maxFetch() int64 {
	if o.MaxFetch > 0 {
		return o.MaxFetch
	}
	return DefaultMaxFetch
}

func (o *Options) stdin() io.Reader {
	if o.Stdin != nil {
		return o.Stdin
	}
	return os.Stdin
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

package server

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// filterParams are the query parameters of an event filter, the flags of
// `marsad events` by the same names.
var filterParams = []string{"type", "actor", "country", "place", "from", "to", "source", "modality", "text", "doc", "cluster", "happenings"}

// Page sizes of the list endpoints.
const (
	defaultPage = 100
	maxPage     = 1000
	// maxExport is the most events one CSV or GeoJSON download holds.
	maxExport = 100_000
)

// query reads parameters and collects what is wrong with them, so that one
// 400 answer names every bad parameter at once.
type query struct {
	v    url.Values
	errs []string
}

func newQuery(u *url.URL) *query { return &query{v: u.Query()} }

func (q *query) bad(format string, args ...any) {
	q.errs = append(q.errs, strings.TrimSpace(fmt.Sprintf(format, args...)))
}

// err is the 400 answer for what was wrong, or nil.
func (q *query) err() error {
	if len(q.errs) == 0 {
		return nil
	}
	return badRequest("%s", strings.Join(q.errs, "; "))
}

// str returns a parameter, rejecting one given twice or too long.
func (q *query) str(name string) string {
	vs := q.v[name]
	if len(vs) > 1 {
		q.bad("%s is given %d times", name, len(vs))
	}
	if len(vs) == 0 {
		return ""
	}
	v := strings.TrimSpace(vs[0])
	if len(v) > 1000 {
		q.bad("%s is longer than 1000 bytes", name)
		return ""
	}
	return v
}

func (q *query) date(name string) string {
	d := q.str(name)
	if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
		q.bad("%s %q is not a date (YYYY-MM-DD)", name, d)
	}
	return d
}

func (q *query) boolean(name string) bool {
	switch v := q.str(name); v {
	case "", "0", "false", "no":
		return false
	case "1", "true", "yes":
		return true
	default:
		q.bad("%s %q: use true or false", name, v)
		return false
	}
}

// integer reads a whole number in [lo, hi], def when absent.
func (q *query) integer(name string, def, lo, hi int) int {
	v := q.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		q.bad("%s %q: want a whole number from %d to %d", name, v, lo, hi)
		return def
	}
	return n
}

// filter reads the event filter parameters into a prepared store.Filter.
func (q *query) filter() store.Filter {
	f := store.Filter{
		Actor: q.str("actor"), Country: strings.ToUpper(q.str("country")), Place: q.str("place"),
		From: q.date("from"), To: q.date("to"), Source: q.str("source"), Modality: q.str("modality"),
		Text: q.str("text"), DocID: q.str("doc"), Cluster: q.str("cluster"), Happenings: q.boolean("happenings"),
	}
	if ts := q.str("type"); ts != "" {
		for _, t := range strings.Split(ts, ",") {
			t = strings.ToUpper(strings.TrimSpace(t))
			if !lexicon.IsEventType(t) {
				q.bad("type %q is not a PLOVER event type (AGREE, CONSULT, …, ASSAULT)", t)
			}
			f.Types = append(f.Types, t)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		q.bad("from %s is after to %s", f.From, f.To)
	}
	switch f.Modality {
	case "", marsad.Asserted, marsad.Negated, marsad.Hypothetical, marsad.Future, marsad.Historical:
	default:
		q.bad("modality %q: use asserted, negated, hypothetical, future or historical", f.Modality)
	}
	if f.Country != "" && (len(f.Country) != 3 || strings.Trim(f.Country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "") {
		q.bad("country %q: want an ISO 3166-1 alpha-3 code such as LBY", f.Country)
	}
	prep.Filter(&f)
	return f
}

// page reads limit, cursor and sort into f.
func (q *query) page(f *store.Filter, maxLimit int) {
	f.Limit = q.integer("limit", defaultPage, 1, maxLimit)
	f.Offset = q.cursor()
	switch s := q.str("sort"); s {
	case "", "newest":
		f.Sort = store.SortNewest
	case store.SortOldest, store.SortConfidence:
		f.Sort = s
	default:
		q.bad("sort %q: use newest, oldest or confidence", s)
	}
}

// A cursor is the opaque form of the offset of the next page.
func cursorFor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o" + strconv.Itoa(offset)))
}

func (q *query) cursor() int {
	c := q.str("cursor")
	if c == "" {
		return 0
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	n, err2 := strconv.Atoi(strings.TrimPrefix(string(b), "o"))
	if err != nil || err2 != nil || !strings.HasPrefix(string(b), "o") || n < 0 {
		q.bad("cursor %q is not one this server gave (use the next_cursor of the previous page)", c)
		return 0
	}
	return n
}

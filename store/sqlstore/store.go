package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/dedup"
	"github.com/marsad/marsad/store"
)

// Store is the SQL implementation of store.Store.
type Store struct {
	db DB
	d  Dialect
	q  Querier // db with the dialect's placeholders
	// WindowDays is the event clustering window (dedup.DefaultWindowDays).
	WindowDays int
	reports    reportCache
	// cols are the events columns of this store's schema: a store kept at
	// an older version (tests) lacks the later ones.
	cols []column
	// schema is the schema version the store was opened at.
	schema int
}

var _ store.Store = (*Store)(nil)

// Open migrates db to the latest schema and returns the store. The store
// owns db: Close closes it.
func Open(ctx context.Context, db DB, d Dialect) (*Store, error) {
	return OpenVersion(ctx, db, d, 0)
}

// OpenVersion is Open that migrates only up to version (0: latest). Tests
// use it to build a store of an older schema.
func OpenVersion(ctx context.Context, db DB, d Dialect, version int) (*Store, error) {
	if err := migrate(ctx, db, d, version); err != nil {
		return nil, err
	}
	cols, schema := allEventColumns, len(d.migrations())
	if version > 0 && version < schema {
		cols, schema = eventColumnsAt(version), version
	}
	return &Store{db: db, d: d, q: boundQuerier{db, d}, WindowDays: dedup.DefaultWindowDays, cols: cols, schema: schema}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Version returns the schema version stored in the database.
func (s *Store) Version(ctx context.Context) (int, error) { return version(ctx, s.q) }

// HasDocument reports whether a document with this hash is stored.
func (s *Store) HasDocument(ctx context.Context, hash string) (bool, error) {
	var n int
	if err := queryRow(ctx, s.q, []any{&n}, `SELECT COUNT(*) FROM documents WHERE hash = ?`, hash); err != nil {
		return false, fmt.Errorf("has document %s: %w", hash, err)
	}
	return n > 0, nil
}

// HashText is the content hash of a document text (hex SHA-256), the
// default for marsad.Document.Hash.
func HashText(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// SaveBatch writes items in one transaction.
func (s *Store) SaveBatch(ctx context.Context, items []store.Item) (store.BatchResult, error) {
	return s.saveBatch(ctx, items, nil)
}

// saveBatch is SaveBatch that also runs then in the transaction, after
// the items are written (the queue marks their jobs done there).
func (s *Store) saveBatch(ctx context.Context, items []store.Item, then func(q Querier, res *store.BatchResult) error) (store.BatchResult, error) {
	for i, it := range items {
		if it.Keys == nil || len(it.Keys.Events) != len(it.Events) {
			return store.BatchResult{}, fmt.Errorf("save batch: item %d (document %q): %w", i, it.Doc.ID, store.ErrNotPrepared)
		}
	}
	var res store.BatchResult
	// An item the database refuses (ErrUnstorable) is rejected and the
	// batch written again without it: the transaction it failed in is lost.
	refused := map[int]string{}
	for {
		bad, why := -1, ""
		err := s.db.Tx(ctx, func(tq Querier) error {
			res = store.BatchResult{Items: make([]store.ItemResult, len(items))}
			q := boundQuerier{tq, s.d}
			if err := s.lockClusters(ctx, q, items); err != nil {
				return err
			}
			for i := range items {
				r, err := store.ItemResult{DocID: items[i].Doc.ID, Rejected: refused[i]}, error(nil)
				if r.Rejected == "" {
					r, err = s.saveItem(ctx, q, &items[i])
				}
				if errors.Is(err, ErrUnstorable) {
					bad, why = i, err.Error()
				}
				if err != nil {
					return err
				}
				res.Items[i] = r
				switch {
				case r.Rejected != "":
					res.Rejected++
				case r.Duplicate:
					res.Duplicates++
				default:
					res.Saved++
				}
			}
			if then != nil {
				return then(q, &res)
			}
			return nil
		})
		if bad >= 0 && refused[bad] == "" { // at most one rerun per item
			refused[bad] = why
			continue
		}
		if err != nil {
			return store.BatchResult{}, fmt.Errorf("save batch of %d documents: %w", len(items), err)
		}
		return res, nil
	}
}

func (s *Store) saveItem(ctx context.Context, q Querier, it *store.Item) (store.ItemResult, error) {
	doc, reject := storable(it.Doc)
	if doc.Hash == "" {
		doc.Hash = HashText(doc.Text)
	}
	if doc.ID == "" {
		doc.ID = doc.Hash[:16]
	}
	r := store.ItemResult{DocID: doc.ID, Hash: doc.Hash, Rejected: reject}
	if reject != "" {
		return r, nil
	}
	given := doc.ID
	meta, err := json.Marshal(doc.Meta)
	if err != nil {
		return r, fmt.Errorf("document %s: meta: %w", doc.ID, err)
	}
	sig := it.Keys.MinHash
	var seq int64
	var near string
	// Look, then insert unless another ingest got there first (ON
	// CONFLICT): two ingests of the same documents at once must not fail
	// on the unique keys. The loser of that race looks again.
	for try := 0; ; try++ {
		dup, err := s.claimID(ctx, q, &doc, given)
		r = store.ItemResult{DocID: doc.ID, Hash: doc.Hash, Duplicate: dup}
		if errors.Is(err, ErrUnstorable) {
			r.Rejected = err.Error() // nothing of it is written yet
			return r, nil
		}
		if err != nil || dup {
			return r, err
		}
		if try == 0 && sig != nil {
			if near, err = s.nearDuplicate(ctx, q, sig); err != nil {
				return r, fmt.Errorf("document %s: near-duplicate lookup: %w", doc.ID, err)
			}
		}
		r.Cluster = near
		if r.Cluster == "" {
			r.Cluster = doc.ID
		}
		cols, args := "", []any{doc.ID, doc.Hash, doc.Title, doc.Date, doc.Source, doc.URL, doc.Text, string(meta), sig.String(), r.Cluster}
		if s.schema >= knowledgeSchema {
			cols, args = ", knowledge", append(args, it.Knowledge)
		}
		err = queryRow(ctx, q, []any{&seq}, `INSERT INTO documents (id, hash, title, date, source, url, text, meta, minhash, cluster`+cols+`)
		VALUES (`+placeholders(len(args))+`) ON CONFLICT DO NOTHING RETURNING seq`, args...)
		if err == nil {
			break
		}
		if !errors.Is(err, errNoRows) || try == 2 {
			return r, fmt.Errorf("insert document %s: %w", doc.ID, err)
		}
	}
	if sig != nil {
		var rows [][]any
		for b, v := range sig.Bands() {
			rows = append(rows, []any{b, v, seq})
		}
		if err := insertRows(ctx, q, "doc_bands (band, value, doc_seq)", rows); err != nil {
			return r, fmt.Errorf("document %s: bands: %w", doc.ID, err)
		}
	}
	body := capIndexText(it.Keys.IndexText)
	ftsSQL := `INSERT INTO doc_fts (rowid, body) VALUES (?, ?)`
	if s.d == Postgres {
		ftsSQL = `UPDATE documents SET fts = to_tsvector('simple', ?) WHERE seq = ?`
		if err := q.Exec(ctx, ftsSQL, body, seq); err != nil {
			return r, fmt.Errorf("document %s: full-text index: %w", doc.ID, err)
		}
	} else if err := q.Exec(ctx, ftsSQL, seq, body); err != nil {
		return r, fmt.Errorf("document %s: full-text index: %w", doc.ID, err)
	}
	if doc.Source != "" {
		if err := q.Exec(ctx, `INSERT INTO sources (name, first_seen) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, doc.Source, doc.Date); err != nil {
			return r, fmt.Errorf("document %s: source: %w", doc.ID, err)
		}
	}
	rows := make([][]any, 0, len(it.Sentences))
	for _, sn := range it.Sentences {
		rows = append(rows, []any{doc.ID, sn.Index, sn.Start, sn.End, sn.Text})
	}
	if err := insertRows(ctx, q, "sentences (doc_id, idx, start_off, end_off, text)", rows); err != nil {
		return r, fmt.Errorf("document %s sentences: %w", doc.ID, err)
	}
	n, err := s.saveEvents(ctx, q, &doc, given, it, nil)
	r.Events = n
	return r, err
}

// saveEvents stores the events of it, a document stored as doc (given is
// the id it came with), and returns how many it stored. kept are the
// cluster ids that events keep by their id (recode).
func (s *Store) saveEvents(ctx context.Context, q Querier, doc *marsad.Document, given string, it *store.Item, kept map[string]string) (int, error) {
	// Reports first: the other mentions of a happening join the
	// cross-article cluster their report joined.
	clusterOf := map[marsad.OptText]string{}
	var w eventBatch
	n := 0
	for _, reports := range []bool{true, false} {
		for i := range it.Events {
			ev := it.Events[i]
			if isReport(&ev) != reports {
				continue
			}
			if doc.ID != given && ev.ID != "" {
				ev.ID += "~" + doc.Hash[:8] // the document was given a new id above
				if ev.HappeningID != "" {
					ev.HappeningID += marsad.OptText("~" + doc.Hash[:8])
				}
			}
			cluster := clusterOf[ev.HappeningID]
			if c, ok := kept[ev.ID]; ok {
				cluster = c
			}
			cluster, err := s.saveEvent(ctx, q, &w, doc, i, ev, storableKeys(it.Keys.Events[i]), cluster)
			if err != nil {
				return n, err
			}
			if reports && ev.HappeningID != "" {
				clusterOf[ev.HappeningID] = cluster
			}
			n++
		}
	}
	if err := w.flush(ctx, q, s.cols); err != nil {
		return n, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	return n, nil
}

// eventBatch holds a document's events and mentions until flush writes
// them with multi-row INSERTs: two round trips per document instead of two
// per event, which is what PostgreSQL ingest spent its time on.
// Events of one document never cluster with each other across
// happenings, so a report's candidates are all stored already.
type eventBatch struct {
	events, mentions [][]any
}

func (w *eventBatch) flush(ctx context.Context, q Querier, cols []column) error {
	if err := insertRows(ctx, q, "events ("+eventNames(cols, "")+")", w.events); err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	if err := insertRows(ctx, q, "mentions (event_id, role, text, start_off, end_off, ref_id)", w.mentions); err != nil {
		return fmt.Errorf("insert mentions: %w", err)
	}
	*w = eventBatch{}
	return nil
}

// claimID looks for a stored document with doc's id or hash: the same
// hash makes doc a duplicate; another text under the id gives doc a new
// id made unique by its hash (two CSV exports numbering rows 1..N, a feed
// item updated under the same GUID), once. given is the id doc came with.
func (s *Store) claimID(ctx context.Context, q Querier, doc *marsad.Document, given string) (dup bool, err error) {
	var otherHash string
	err = queryRow(ctx, q, []any{&otherHash}, `SELECT hash FROM documents WHERE id = ? OR hash = ?
		ORDER BY CASE WHEN hash = ? THEN 0 ELSE 1 END LIMIT 1`, doc.ID, doc.Hash, doc.Hash)
	switch {
	case errors.Is(err, errNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("document %s: %w", doc.ID, err)
	case otherHash == doc.Hash:
		return true, nil
	case doc.ID == given:
		doc.ID = capKey(doc.ID + "~" + doc.Hash[:12])
		return s.claimID(ctx, q, doc, given)
	}
	return false, fmt.Errorf("document %s is already stored with other text (hash %s, now %s): %w", doc.ID, otherHash, doc.Hash, ErrUnstorable)
}

// isReport: the event is its happening's report, or was coded before
// events had happenings.
func isReport(e *marsad.Event) bool { return e.Mention == "" || e.Mention == "report" }

// rowsPerInsert bounds a multi-row INSERT, well under both databases'
// limits on bound parameters.
const rowsPerInsert = 100

// insertRows writes rows into table ("name (col, …)") with one multi-row
// INSERT per rowsPerInsert rows: one round trip instead of one per row,
// which is most of the cost on a networked PostgreSQL.
func insertRows(ctx context.Context, q Querier, table string, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), rowsPerInsert)
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " VALUES ")
		args := make([]any, 0, n*len(rows[0]))
		for i, row := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(" + placeholders(len(row)) + ")")
			args = append(args, row...)
		}
		if err := q.Exec(ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// placeholders is "?, ?, …" for n values.
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// nearDuplicate returns the cluster of the first stored document that
// shares an LSH band with sig and is near it, or "".
func (s *Store) nearDuplicate(ctx context.Context, q Querier, sig dedup.Signature) (string, error) {
	var where []string
	var args []any
	for b, v := range sig.Bands() {
		where = append(where, "(b.band = ? AND b.value = ?)")
		args = append(args, b, v)
	}
	best := ""
	var bestSeq int64 = -1
	err := queryAll(ctx, q, func(rows Rows) error {
		var seq int64
		var h, cluster string
		if err := rows.Scan(&seq, &h, &cluster); err != nil {
			return err
		}
		other, err := dedup.ParseSignature(h)
		if err != nil {
			return fmt.Errorf("stored document %d: %w", seq, err)
		}
		if dedup.Near(sig, other) && (bestSeq < 0 || seq < bestSeq) {
			best, bestSeq = cluster, seq
		}
		return nil
	}, `SELECT DISTINCT d.seq, d.minhash, d.cluster FROM doc_bands b JOIN documents d ON d.seq = b.doc_seq WHERE `+
		strings.Join(where, " OR "), args...)
	return best, err
}

// saveEvent stores one event and returns its cluster: cluster when it is
// not "" (the cluster of the happening's report), else the cluster of an
// earlier report of the same happening (assignCluster), else its own id.
func (s *Store) saveEvent(ctx context.Context, q Querier, w *eventBatch, doc *marsad.Document, i int, ev marsad.Event, k store.EventKeys, cluster string) (string, error) {
	e := store.StoredEvent{Event: ev, DocSource: doc.Source}
	e.DocID = doc.ID
	if e.ID == "" {
		e.ID = fmt.Sprintf("%s-%d", doc.ID, i)
	}
	e.Day = string(e.Date)
	if len(e.Day) < 10 {
		e.Day = doc.Date
	}
	if len(e.Day) > 10 {
		e.Day = e.Day[:10]
	}
	e.Country = eventCountry(&ev)
	e.ClusterID = e.ID
	report := ""
	if cluster != "" {
		e.ClusterID = cluster
	} else if k.Report != nil && isReport(&ev) {
		r := *k.Report
		r.Day = e.Day
		c, err := s.assignCluster(ctx, q, &r)
		if err != nil {
			return "", fmt.Errorf("event %s: %w", e.ID, err)
		}
		if c != "" {
			e.ClusterID = c
		}
		report = r.Encode()
		s.reports.put(e.ID, &r)
	} else {
		s.reports.put(e.ID, nil)
	}
	vals, err := eventValues(&e, k, report)
	if err != nil {
		return "", err
	}
	w.events = append(w.events, vals[:len(s.cols)])
	type mention struct {
		role, text, ref string
		start, end      int
	}
	var ms []mention
	if r := ev.Source; r != nil {
		ms = append(ms, mention{"source", r.Text, string(r.ActorID), r.Start, r.End})
	}
	if r := ev.Target; r != nil {
		ms = append(ms, mention{"target", r.Text, string(r.ActorID), r.Start, r.End})
	}
	if l := ev.Location; l != nil {
		ms = append(ms, mention{"location", l.Text, string(l.GazetteerID), l.Start, l.End})
	}
	if c := ev.ClaimedBy; c != nil {
		ms = append(ms, mention{"claimed_by", c.Text, string(c.ActorID), c.Start, c.End})
	}
	for _, m := range ms {
		w.mentions = append(w.mentions, []any{e.ID, m.role, m.text, m.start, m.end, m.ref})
	}
	return e.ClusterID, nil
}

// assignCluster is the clustering step, one call per new report: the
// cluster of the earlier report of the same happening (dedup.Choose over
// the stored reports of its type dated within the window), or "". It only
// reads, and never changes a stored cluster id.
func (s *Store) assignCluster(ctx context.Context, q Querier, r *dedup.Report) (string, error) {
	from, to, ok := dedup.DayWindow(r.Day, s.WindowDays)
	if !ok || s.cols[len(s.cols)-1].name != "cluster_report" {
		return "", nil // no date, or a store kept at an older schema (tests)
	}
	type row struct{ id, cluster string }
	var rows []row
	err := queryAll(ctx, q, func(rs Rows) error {
		var x row
		if err := rs.Scan(&x.id, &x.cluster); err != nil {
			return err
		}
		rows = append(rows, x)
		return nil
	}, `SELECT id, cluster_id FROM events WHERE event_type = ? AND day >= ? AND day <= ? ORDER BY seq`,
		// In the order stored: ties in score go to the first stored report,
		// the same on SQLite and PostgreSQL.
		r.Type, from, to)
	if err != nil {
		return "", fmt.Errorf("cluster candidates: %w", err)
	}
	// The cache knows every event this process stored; the others are
	// read once. Events without a report (mentions, denials) are cached
	// as such and left out.
	var missing []any
	for _, x := range rows {
		if _, ok := s.reports.get(x.id); !ok {
			missing = append(missing, x.id)
		}
	}
	if err := s.loadReports(ctx, q, missing); err != nil {
		return "", err
	}
	var cands []dedup.Candidate
	for _, x := range rows {
		if c, ok := s.reports.get(x.id); ok && c != nil {
			cands = append(cands, dedup.Candidate{Cluster: x.cluster, Report: *c})
		}
	}
	return dedup.Choose(r, cands, &dedup.DefaultWeights, s.WindowDays, func(cluster string) (first, last string, err error) {
		err = queryRow(ctx, q, []any{&first, &last}, `SELECT MIN(day), MAX(day) FROM events WHERE cluster_id = ?`, cluster)
		return first, last, err
	})
}

// loadReports reads the cluster reports of the events with these ids into
// the cache.
func (s *Store) loadReports(ctx context.Context, q Querier, ids []any) error {
	for len(ids) > 0 {
		n := min(len(ids), rowsPerInsert)
		err := queryAll(ctx, q, func(rs Rows) error {
			var id, enc string
			if err := rs.Scan(&id, &enc); err != nil {
				return err
			}
			if enc == "" {
				s.reports.put(id, nil)
				return nil
			}
			r, err := dedup.ParseReport(enc)
			if err != nil {
				return fmt.Errorf("event %s: %w", id, err)
			}
			s.reports.put(id, &r)
			return nil
		}, `SELECT id, cluster_report FROM events WHERE id IN (`+strings.TrimSuffix(strings.Repeat("?, ", n), ", ")+`)`, ids[:n]...)
		if err != nil {
			return fmt.Errorf("cluster reports: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// reportCache keeps the parsed cluster reports of stored events by event
// id (nil for an event without one), so that an ingest compares each new
// report with the earlier ones of its window without reading and parsing
// them again for every report.
type reportCache struct {
	mu sync.Mutex
	m  map[string]*dedup.Report
}

// maxCachedReports bounds the cache (about 300 bytes a report); when it
// is full it starts again empty, and misses are read from the store.
const maxCachedReports = 200_000

func (c *reportCache) get(id string) (*dedup.Report, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[id]
	return r, ok
}

func (c *reportCache) put(id string, r *dedup.Report) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxCachedReports {
		c.m = map[string]*dedup.Report{}
	}
	c.m[id] = r
}

// eventCountry is the location's country, else the source's, else the target's.
func eventCountry(e *marsad.Event) string {
	if e.Location != nil && e.Location.Country != "" {
		return string(e.Location.Country)
	}
	if e.Source != nil && e.Source.Country != "" {
		return string(e.Source.Country)
	}
	if e.Target != nil {
		return string(e.Target.Country)
	}
	return ""
}

package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// ftsMatch returns the condition "document seq has every one of terms" and
// its argument, or ok false when there are no terms.
func (s *Store) ftsMatch(seqCol string, terms []string) (cond string, arg any, ok bool) {
	if len(terms) == 0 {
		return "", nil, false
	}
	if s.d == Postgres {
		// plainto_tsquery ANDs the words, split by the same parser as the index.
		return seqCol + ` IN (SELECT seq FROM documents WHERE fts @@ plainto_tsquery('simple', ?))`, strings.Join(terms, " "), true
	}
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return seqCol + ` IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)`, strings.Join(quoted, " "), true
}

// Events returns the events matching f, newest first.
func (s *Store) Events(ctx context.Context, f store.Filter) ([]store.StoredEvent, error) {
	where, args, none, err := s.filterWhere(f)
	if err != nil || none {
		return nil, err
	}
	order, ok := eventOrders[f.Sort]
	if !ok {
		return nil, fmt.Errorf("query events: unknown sort %q", f.Sort)
	}
	query := `SELECT ` + eventNames(s.cols, "e.") + `, d.title, d.date, d.url FROM events e JOIN documents d ON d.id = e.doc_id`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	args = append(args, limit(f.Limit), max(f.Offset, 0))
	out, err := collect(ctx, s.q, func(r Rows) (store.StoredEvent, error) { return scanEvent(s.cols, r) }, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query events %+v: %w", f, err)
	}
	return out, nil
}

// eventOrders are the ORDER BY clauses of store.Filter.Sort; seq breaks
// ties so that pages never overlap.
var eventOrders = map[string]string{
	store.SortNewest:     `e.day DESC, e.seq DESC`,
	store.SortOldest:     `e.day, e.seq`,
	store.SortConfidence: `e.confidence DESC, e.seq DESC`,
}

// filterWhere returns the conditions on events e (and documents d, for a
// text query) that select f's events; none is true when f can match
// nothing.
func (s *Store) filterWhere(f store.Filter) (where []string, args []any, none bool, err error) {
	if f.Keys == nil && (f.Actor != "" || f.Place != "" || f.Text != "") {
		return nil, nil, false, fmt.Errorf("query events %+v: %w", f, store.ErrNotPrepared)
	}
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if len(f.Types) > 0 {
		add(`e.event_type IN (`+marks(len(f.Types))+`)`, toAny(f.Types)...)
	}
	if f.Actor != "" {
		// A text that normalises to nothing ("%", "-") matches no text:
		// it would match every event without that role.
		ids := append([]string{f.Actor}, f.Keys.ActorIDs...)
		cond := `e.source_actor_id IN (` + marks(len(ids)) + `) OR e.target_actor_id IN (` + marks(len(ids)) + `)`
		a := append(toAny(ids), toAny(ids)...)
		if f.Keys.Actor != "" {
			cond += ` OR e.source_norm = ? OR e.target_norm = ?`
			a = append(a, f.Keys.Actor, f.Keys.Actor)
		}
		add(`(`+cond+`)`, a...)
	}
	if f.Country != "" {
		add(`e.country = ?`, strings.ToUpper(f.Country))
	}
	if f.Place != "" {
		ids := append([]string{f.Place}, f.Keys.PlaceIDs...)
		cond := `e.loc_gazetteer_id IN (` + marks(len(ids)) + `)`
		a := toAny(ids)
		if f.Keys.Place != "" {
			cond += ` OR e.loc_norm = ?`
			a = append(a, f.Keys.Place)
		}
		add(`(`+cond+`)`, a...)
	}
	if f.From != "" {
		add(`e.day >= ?`, f.From)
	}
	if f.To != "" {
		add(`e.day <= ?`, f.To)
	}
	if f.Source != "" {
		// The outlet's name or the start of one of its words, any case:
		// "sky" finds "Sky News Arabia", "bbc.com" "BBC Arabic (bbc.com/arabic)".
		q := strings.ToLower(likeEscaper.Replace(f.Source))
		add(`(LOWER(e.doc_source) LIKE ? ESCAPE '\' OR LOWER(e.doc_source) LIKE ? ESCAPE '\' OR LOWER(e.doc_source) LIKE ? ESCAPE '\')`,
			q+"%", "% "+q+"%", "%("+q+"%")
	}
	if f.Happenings {
		add(`e.mention IN ('report', '')`)
	}
	if f.Modality != "" {
		add(`e.modality = ?`, f.Modality)
	}
	if f.DocID != "" {
		add(`e.doc_id = ?`, f.DocID)
	}
	if f.Cluster != "" {
		add(`e.cluster_id = ?`, f.Cluster)
	}
	if f.Text != "" {
		cond, arg, ok := s.ftsMatch("d.seq", f.Keys.Terms)
		if !ok {
			return nil, nil, true, nil // a query of no words matches nothing
		}
		add(cond, arg)
	}
	return where, args, false, nil
}

// limit is the SQL LIMIT of a page size: 0 is the default page, a
// negative size no limit.
func limit(n int) int64 {
	switch {
	case n == 0:
		return store.DefaultLimit
	case n < 0:
		return math.MaxInt64
	}
	return int64(n)
}

// likeEscaper escapes the LIKE wildcards of a user's text (ESCAPE '\').
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// marks returns n comma-separated placeholders.
func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

const docInfoCols = `d.id, d.hash, d.title, d.date, d.source, d.url, d.cluster,
	(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id)`

func scanDocInfo(rows Rows) (store.DocumentInfo, error) {
	var d store.DocumentInfo
	err := rows.Scan(&d.ID, &d.Hash, &d.Title, &d.Date, &d.Source, &d.URL, &d.Cluster, &d.Events)
	return d, err
}

func (s *Store) docInfos(ctx context.Context, query string, args ...any) ([]store.DocumentInfo, error) {
	return collect(ctx, s.q, scanDocInfo, query, args...)
}

// Documents lists documents, newest first.
func (s *Store) Documents(ctx context.Context, lim, offset int) ([]store.DocumentInfo, error) {
	out, err := s.docInfos(ctx, `SELECT `+docInfoCols+` FROM documents d ORDER BY d.date DESC, d.seq DESC LIMIT ? OFFSET ?`,
		limit(lim), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return out, nil
}

// Search finds documents having every one of terms, best first.
func (s *Store) Search(ctx context.Context, terms []string, lim int) ([]store.DocumentInfo, error) {
	if len(terms) == 0 {
		return nil, nil
	}
	var sqlText string
	var arg any
	if s.d == Postgres {
		arg = strings.Join(terms, " ")
		sqlText = `SELECT ` + docInfoCols + ` FROM documents d WHERE d.fts @@ plainto_tsquery('simple', ?)
			ORDER BY ts_rank(d.fts, plainto_tsquery('simple', ?)) DESC, d.seq LIMIT ?`
	} else {
		_, a, _ := s.ftsMatch("", terms)
		arg = a
		sqlText = `SELECT ` + docInfoCols + ` FROM doc_fts f JOIN documents d ON d.seq = f.rowid WHERE doc_fts MATCH ?
			ORDER BY f.rank, d.seq LIMIT ?`
	}
	args := []any{arg, limit(lim)}
	if s.d == Postgres {
		args = []any{arg, arg, limit(lim)}
	}
	out, err := s.docInfos(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", terms, err)
	}
	return out, nil
}

// Document returns one document with its sentences.
func (s *Store) Document(ctx context.Context, id string) (store.StoredDocument, error) {
	var d store.StoredDocument
	var meta string
	err := queryRow(ctx, s.q, []any{&d.ID, &d.Hash, &d.Title, &d.Date, &d.Source, &d.URL, &d.Text, &meta, &d.Cluster},
		`SELECT id, hash, title, date, source, url, text, meta, cluster FROM documents WHERE id = ?`, id)
	if errors.Is(err, errNoRows) {
		return d, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("document %q: %w", id, err)
	}
	if err := json.Unmarshal([]byte(meta), &d.Meta); err != nil {
		return d, fmt.Errorf("document %q: bad meta: %w", id, err)
	}
	err = queryAll(ctx, s.q, func(rows Rows) error {
		var sn marsad.Sentence
		if err := rows.Scan(&sn.Index, &sn.Start, &sn.End, &sn.Text); err != nil {
			return err
		}
		d.Sentences = append(d.Sentences, sn)
		return nil
	}, `SELECT idx, start_off, end_off, text FROM sentences WHERE doc_id = ? ORDER BY idx`, id)
	if err != nil {
		return d, fmt.Errorf("document %q sentences: %w", id, err)
	}
	return d, nil
}

// Actors counts events per actor key (id, or folded text when
// unresolved). Each actor has one profile: a dictionary actor its entry's
// name, country, sector and side; another the majority of its mentions
// (store.ProfileVotes), as every export gives it.
func (s *Store) Actors(ctx context.Context) ([]store.ActorCount, error) {
	side := func(p string, src, tgt int) string {
		return fmt.Sprintf(`SELECT CASE WHEN %[1]s_actor_id <> '' THEN %[1]s_actor_id ELSE %[1]s_norm END AS k,
			CASE WHEN %[1]s_name <> '' THEN %[1]s_name ELSE %[1]s_text END AS name,
			%[1]s_country AS country, %[1]s_sector AS sector, %[1]s_side AS side, %[2]d AS src, %[3]d AS tgt
			FROM events WHERE %[1]s_present`, p, src, tgt)
	}
	query := `SELECT a.k, a.name, a.country, a.sector, a.side, SUM(a.src), SUM(a.tgt),
		COALESCE(d.name, ''), COALESCE(d.country, ''), COALESCE(d.sector, ''), COALESCE(d.side, ''), d.id IS NOT NULL
		FROM (` + side("source", 1, 0) + ` UNION ALL ` + side("target", 0, 1) + `) a
		LEFT JOIN actors d ON d.id = a.k
		WHERE a.k <> '' GROUP BY a.k, a.name, a.country, a.sector, a.side, d.name, d.country, d.sector, d.side, d.id`
	type tally struct {
		ac    store.ActorCount
		votes store.ProfileVotes
		names map[string]int
		dict  bool
	}
	byKey := map[string]*tally{}
	err := queryAll(ctx, s.q, func(rows Rows) error {
		var k, name, country, sector, side, dName, dCountry, dSector, dSide string
		var src, tgt int
		var inDict bool
		if err := rows.Scan(&k, &name, &country, &sector, &side, &src, &tgt, &dName, &dCountry, &dSector, &dSide, &inDict); err != nil {
			return err
		}
		t := byKey[k]
		if t == nil {
			t = &tally{ac: store.ActorCount{Key: k}, names: map[string]int{}, dict: inDict}
			if inDict {
				t.ac.Name, t.ac.Country, t.ac.Sector, t.ac.Side = dName, dCountry, dSector, dSide
			}
			byKey[k] = t
		}
		t.ac.AsSource += src
		t.ac.AsTarget += tgt
		t.votes.Add(country, sector, side, src+tgt)
		t.names[name] += src + tgt
		return nil
	}, query)
	if err != nil {
		return nil, fmt.Errorf("count actors: %w", err)
	}
	out := make([]store.ActorCount, 0, len(byKey))
	for _, t := range byKey {
		if !t.dict {
			t.ac.Country, t.ac.Sector, t.ac.Side = t.votes.Majority()
			t.ac.Name = store.MostFrequent(t.names)
		}
		out = append(out, t.ac)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].AsSource+out[i].AsTarget, out[j].AsSource+out[j].AsTarget
		if a != b {
			return a > b
		}
		return out[i].Key < out[j].Key
	})
	return out, nil
}

// Stats summarises the store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{ByType: map[string]int{}}
	counts := []struct {
		dst   *int
		query string
	}{
		{&st.Documents, `SELECT COUNT(*) FROM documents`},
		{&st.DocumentClusters, `SELECT COUNT(DISTINCT cluster) FROM documents`},
		{&st.Sentences, `SELECT COUNT(*) FROM sentences`},
		{&st.Events, `SELECT COUNT(*) FROM events`},
		{&st.EventClusters, `SELECT COUNT(DISTINCT cluster_id) FROM events`},
		{&st.Actors, `SELECT COUNT(*) FROM actors`},
		{&st.Places, `SELECT COUNT(*) FROM places`},
		{&st.SchemaVersion, `SELECT COALESCE(MAX(version), 0) FROM schema_version`},
	}
	for _, c := range counts {
		if err := queryRow(ctx, s.q, []any{c.dst}, c.query); err != nil {
			return st, fmt.Errorf("stats %q: %w", c.query, err)
		}
	}
	err := queryAll(ctx, s.q, func(rows Rows) error {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return err
		}
		st.ByType[t] = n
		return nil
	}, `SELECT event_type, COUNT(*) FROM events GROUP BY event_type`)
	if err != nil {
		return st, fmt.Errorf("stats by type: %w", err)
	}
	st.Queue, err = s.QueueCounts(ctx)
	return st, err
}

// UpsertActors stores actor dictionary entries.
func (s *Store) UpsertActors(ctx context.Context, actors []marsad.Actor) error {
	return s.db.Tx(ctx, func(tq Querier) error {
		q := boundQuerier{tq, s.d}
		for _, a := range actors {
			data, err := json.Marshal(a)
			if err != nil {
				return fmt.Errorf("actor %s: %w", a.ID, err)
			}
			if err := q.Exec(ctx, `INSERT INTO actors (id, name, country, sector, side, data) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country,
				sector = excluded.sector, side = excluded.side, data = excluded.data`,
				a.ID, a.Name, a.Country, a.Sector, a.Side, string(data)); err != nil {
				return fmt.Errorf("upsert actor %s: %w", a.ID, err)
			}
		}
		return nil
	})
}

// UpsertPlaces stores gazetteer entries.
func (s *Store) UpsertPlaces(ctx context.Context, places []marsad.Place) error {
	return s.db.Tx(ctx, func(tq Querier) error {
		q := boundQuerier{tq, s.d}
		for _, p := range places {
			data, err := json.Marshal(p)
			if err != nil {
				return fmt.Errorf("place %s: %w", p.ID, err)
			}
			if err := q.Exec(ctx, `INSERT INTO places (id, name, country, admin1, lat, lon, population, kind, data)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, admin1 = excluded.admin1,
				lat = excluded.lat, lon = excluded.lon, population = excluded.population, kind = excluded.kind, data = excluded.data`,
				p.ID, p.Name, p.Country, p.Admin1, p.Lat, p.Lon, p.Population, p.Kind, string(data)); err != nil {
				return fmt.Errorf("upsert place %s: %w", p.ID, err)
			}
		}
		return nil
	})
}

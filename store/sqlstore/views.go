package sqlstore

import (
	"context"

	"fmt"
	"strings"

	"github.com/marsad/marsad/store"
)

// Event returns one event by id.
func (s *Store) Event(ctx context.Context, id string) (store.StoredEvent, error) {
	query := `SELECT ` + eventNames(s.cols, "e.") + `, d.title, d.date, d.url FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?`
	evs, err := collect(ctx, s.q, func(r Rows) (store.StoredEvent, error) { return scanEvent(s.cols, r) }, query, id)
	if err != nil {
		return store.StoredEvent{}, fmt.Errorf("event %q: %w", id, err)
	}
	if len(evs) == 0 {
		return store.StoredEvent{}, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	return evs[0], nil
}

// counts runs "SELECT cols FROM the events of f WHERE … GROUP BY … tail"
// and scans each row with scan. extra are conditions of this count.
func counts[T any](ctx context.Context, s *Store, f store.Filter, cols string, extra []string, tail string, tailArgs []any, scan func(Rows) (T, error)) ([]T, error) {
	where, args, none, err := s.filterWhere(f)
	if err != nil || none {
		return nil, err
	}
	where = append(where, extra...)
	from := `events e`
	if f.Text != "" {
		from += ` JOIN documents d ON d.id = e.doc_id` // the text condition is on d.seq
	}
	query := `SELECT ` + cols + ` FROM ` + from
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	return collect(ctx, s.q, scan, query+` `+tail, append(args, tailArgs...)...)
}

// Timeline counts events per day and type.
func (s *Store) Timeline(ctx context.Context, f store.Filter) ([]store.DayCount, error) {
	out, err := counts(ctx, s, f, `e.day, e.event_type, COUNT(*)`, []string{`e.day <> ''`},
		`GROUP BY e.day, e.event_type ORDER BY e.day, e.event_type`, nil,
		func(r Rows) (store.DayCount, error) {
			var c store.DayCount
			err := r.Scan(&c.Day, &c.Type, &c.Count)
			return c, err
		})
	if err != nil {
		return nil, fmt.Errorf("timeline %+v: %w", f, err)
	}
	return out, nil
}

// Places counts events per place with coordinates.
func (s *Store) Places(ctx context.Context, f store.Filter) ([]store.PlaceCount, error) {
	key := `CASE WHEN e.loc_gazetteer_id <> '' THEN e.loc_gazetteer_id ELSE e.loc_norm END`
	out, err := counts(ctx, s, f,
		key+`, MIN(e.loc_name), MIN(e.loc_text), MAX(e.loc_country), MIN(e.loc_lat), MIN(e.loc_lon), COUNT(*)`,
		[]string{`e.loc_present`, `e.loc_lat IS NOT NULL`, `e.loc_lon IS NOT NULL`},
		`GROUP BY `+key+` ORDER BY COUNT(*) DESC, 1 LIMIT ?`, []any{limit(f.Limit)},
		func(r Rows) (store.PlaceCount, error) {
			var c store.PlaceCount
			err := r.Scan(&c.Key, &c.Name, &c.Text, &c.Country, &c.Lat, &c.Lon, &c.Count)
			if c.Name == "" {
				c.Name = c.Text
			}
			return c, err
		})
	if err != nil {
		return nil, fmt.Errorf("places %+v: %w", f, err)
	}
	return out, nil
}

// Pairs counts events per source, target and type.
func (s *Store) Pairs(ctx context.Context, f store.Filter) ([]store.PairCount, error) {
	key := func(p string) string {
		return fmt.Sprintf(`CASE WHEN e.%[1]s_actor_id <> '' THEN e.%[1]s_actor_id ELSE e.%[1]s_norm END`, p)
	}
	name := func(p string) string {
		return fmt.Sprintf(`MIN(CASE WHEN e.%[1]s_name <> '' THEN e.%[1]s_name ELSE e.%[1]s_text END), MAX(e.%[1]s_side)`, p)
	}
	out, err := counts(ctx, s, f,
		key("source")+`, `+name("source")+`, `+key("target")+`, `+name("target")+`, e.event_type, COUNT(*)`,
		[]string{`e.source_present`, `e.target_present`, key("source") + ` <> ''`, key("target") + ` <> ''`},
		`GROUP BY `+key("source")+`, `+key("target")+`, e.event_type ORDER BY COUNT(*) DESC, 1, 4, 7 LIMIT ?`, []any{limit(f.Limit)},
		func(r Rows) (store.PairCount, error) {
			var c store.PairCount
			err := r.Scan(&c.Source, &c.SourceName, &c.SourceSide, &c.Target, &c.TargetName, &c.TargetSide, &c.Type, &c.Count)
			return c, err
		})
	if err != nil {
		return nil, fmt.Errorf("pairs %+v: %w", f, err)
	}
	return out, nil
}

package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/marsad/marsad/store"
)

var _ store.Watcher = (*Store)(nil)

// TakeLease takes or renews a named lease in one statement: the row is
// written only when it is new, ended, or holder's already, and RETURNING
// then gives a row.
func (s *Store) TakeLease(ctx context.Context, name, holder string, d time.Duration) (bool, error) {
	n := 0
	err := queryAll(ctx, s.q, func(r Rows) error { n++; var h string; return r.Scan(&h) },
		`INSERT INTO leases (name, holder, until_ms) VALUES (?, ?, `+s.d.nowMS()+` + ?)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
		WHERE leases.until_ms < `+s.d.nowMS()+` OR leases.holder = excluded.holder
		RETURNING holder`, name, holder, d.Milliseconds())
	if err != nil {
		return false, fmt.Errorf("take lease %s: %w", name, err)
	}
	return n > 0, nil
}

// DropLease ends holder's lease called name.
func (s *Store) DropLease(ctx context.Context, name, holder string) error {
	if err := s.q.Exec(ctx, `DELETE FROM leases WHERE name = ? AND holder = ?`, name, holder); err != nil {
		return fmt.Errorf("drop lease %s: %w", name, err)
	}
	return nil
}

// FeedStates returns the state of every feed polled so far.
func (s *Store) FeedStates(ctx context.Context) (map[string]store.FeedState, error) {
	out := map[string]store.FeedState{}
	err := queryAll(ctx, s.q, func(r Rows) error {
		var f store.FeedState
		var next int64
		var due int
		if err := r.Scan(&f.URL, &f.ETag, &f.LastModified, &f.Failures, &next, &f.LastError, &due); err != nil {
			return err
		}
		f.NextPoll = time.UnixMilli(next)
		f.Due = due == 1
		out[f.URL] = f
		return nil
	}, `SELECT url, etag, last_modified, failures, next_poll, last_error,
		CASE WHEN next_poll <= `+s.d.nowMS()+` THEN 1 ELSE 0 END FROM feeds`)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	return out, nil
}

// SaveFeedState records a feed's state, next polled after from now.
func (s *Store) SaveFeedState(ctx context.Context, f store.FeedState, after time.Duration) (time.Time, error) {
	var next int64
	err := queryRow(ctx, s.q, []any{&next},
		`INSERT INTO feeds (url, etag, last_modified, failures, next_poll, last_error) VALUES (?, ?, ?, ?, `+s.d.nowMS()+` + ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
		failures = excluded.failures, next_poll = excluded.next_poll, last_error = excluded.last_error
		RETURNING next_poll`, f.URL, f.ETag, f.LastModified, f.Failures, after.Milliseconds(), f.LastError)
	if err != nil {
		return time.Time{}, fmt.Errorf("save feed %s: %w", f.URL, err)
	}
	return time.UnixMilli(next), nil
}

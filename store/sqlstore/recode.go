package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/store"
)

var _ store.Recoder = (*Store)(nil)

// ToRecode returns up to limit stored documents, after seq after and in
// seq order, that were coded with another knowledge version than
// knowledge and are dated since (YYYY-MM-DD; "" for all).
func (s *Store) ToRecode(ctx context.Context, knowledge string, w store.RecodeWhere, after int64, limit int) ([]store.RecodeDoc, error) {
	return collect(ctx, s.q, func(r Rows) (store.RecodeDoc, error) {
		var d store.RecodeDoc
		var meta string
		if err := r.Scan(&d.Seq, &d.Doc.ID, &d.Doc.Hash, &d.Doc.Title, &d.Doc.Date, &d.Doc.Source, &d.Doc.URL, &d.Doc.Text, &meta); err != nil {
			return d, err
		}
		if err := json.Unmarshal([]byte(meta), &d.Doc.Meta); err != nil {
			return d, fmt.Errorf("document %s: meta: %w", d.Doc.ID, err)
		}
		return d, nil
	}, `SELECT seq, id, hash, title, date, source, url, text, meta FROM documents
		WHERE knowledge <> ? AND date >= ? AND seq > ?
		AND SUBSTR(LOWER(source), 1, ?) = ? AND SUBSTR(id, 1, ?) = ? ORDER BY seq LIMIT ?`,
		knowledge, w.Since, after, utf8.RuneCountInString(w.SourcePrefix), strings.ToLower(w.SourcePrefix),
		utf8.RuneCountInString(w.IDPrefix), w.IDPrefix, limit)
}

// ReplaceEvents replaces the events of stored documents with items'
// events, in one transaction. An event whose id was stored before keeps
// its cluster id; the others are clustered as when saved.
func (s *Store) ReplaceEvents(ctx context.Context, items []store.Item) (int, error) {
	n := 0
	err := s.db.Tx(ctx, func(tq Querier) error {
		q := boundQuerier{tq, s.d}
		n = 0
		if err := s.lockClusters(ctx, q, items); err != nil {
			return err
		}
		for i := range items {
			it := &items[i]
			if it.Keys == nil || len(it.Keys.Events) != len(it.Events) {
				return fmt.Errorf("document %s: %w", it.Doc.ID, store.ErrNotPrepared)
			}
			kept := map[string]string{}
			err := queryAll(ctx, q, func(r Rows) error {
				var id, c string
				err := r.Scan(&id, &c)
				kept[id] = c
				return err
			}, `SELECT id, cluster_id FROM events WHERE doc_id = ?`, it.Doc.ID)
			if err != nil {
				return err
			}
			for _, stmt := range []string{
				`DELETE FROM mentions WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)`,
				`DELETE FROM events WHERE doc_id = ?`,
			} {
				if err := q.Exec(ctx, stmt, it.Doc.ID); err != nil {
					return fmt.Errorf("document %s: %w", it.Doc.ID, err)
				}
			}
			doc := it.Doc
			m, err := s.saveEvents(ctx, q, &doc, doc.ID, it, kept)
			if err != nil {
				return err
			}
			n += m
			if err := q.Exec(ctx, `UPDATE documents SET knowledge = ? WHERE id = ?`, it.Knowledge, it.Doc.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("replace events: %w", err)
	}
	return n, nil
}

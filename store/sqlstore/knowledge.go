package sqlstore

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
)

// KnowledgeVersion is the version of the knowledge published in the store
// ("" when none is).
func (s *Store) KnowledgeVersion(ctx context.Context) (string, error) {
	var v string
	err := queryRow(ctx, s.q, []any{&v}, `SELECT value FROM settings WHERE name = 'knowledge'`)
	if errors.Is(err, errNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("knowledge version: %w", err)
	}
	return v, nil
}

// Knowledge returns the published knowledge: its version and files.
func (s *Store) Knowledge(ctx context.Context) (string, map[string][]byte, error) {
	var version string
	files := map[string][]byte{}
	err := s.db.Tx(ctx, func(tq Querier) error {
		q := boundQuerier{tq, s.d}
		clear(files)
		err := queryRow(ctx, q, []any{&version}, `SELECT value FROM settings WHERE name = 'knowledge'`)
		if err != nil && !errors.Is(err, errNoRows) {
			return err
		}
		return queryAll(ctx, q, func(r Rows) error {
			var path, data string
			if err := r.Scan(&path, &data); err != nil {
				return err
			}
			b, err := base64.StdEncoding.DecodeString(data)
			files[path] = b
			return err
		}, `SELECT path, data FROM knowledge_files`)
	})
	if err != nil {
		return "", nil, fmt.Errorf("read published knowledge: %w", err)
	}
	return version, files, nil
}

// PublishKnowledge replaces the published knowledge files and version in
// one transaction; workers reload it before their next claim.
func (s *Store) PublishKnowledge(ctx context.Context, version string, files map[string][]byte) error {
	err := s.db.Tx(ctx, func(tq Querier) error {
		q := boundQuerier{tq, s.d}
		if err := q.Exec(ctx, `DELETE FROM knowledge_files`); err != nil {
			return err
		}
		var rows [][]any
		for path, data := range files {
			rows = append(rows, []any{path, base64.StdEncoding.EncodeToString(data)})
		}
		if err := insertRows(ctx, q, "knowledge_files (path, data)", rows); err != nil {
			return err
		}
		return q.Exec(ctx, `INSERT INTO settings (name, value) VALUES ('knowledge', ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, version)
	})
	if err != nil {
		return fmt.Errorf("publish knowledge: %w", err)
	}
	return nil
}

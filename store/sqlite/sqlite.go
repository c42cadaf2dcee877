// Package sqlite is Marsad's default store: one SQLite file (pure Go,
// modernc.org/sqlite), in WAL mode so that readers (the API, exports) run
// while an ingest writes. The behaviour is that of store/sqlstore, shared
// with the PostgreSQL store.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/marsad/marsad/store/sqlstore"
)

// Open opens (creating if needed) the store in the SQLite file at path and
// migrates it to the latest schema.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	return OpenVersion(ctx, path, 0)
}

// OpenVersion opens the store migrated only up to schema version (0:
// latest); tests use it to build old stores.
func OpenVersion(ctx context.Context, path string, version int) (*sqlstore.Store, error) {
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	s, err := sqlstore.OpenVersion(ctx, db, sqlstore.SQLite, version)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	return s, nil
}

func openDB(path string) (*db, error) {
	if path == "" {
		return nil, fmt.Errorf("open sqlite store: empty path")
	}
	// WAL lets readers run beside the writer; busy_timeout makes a second
	// writer wait instead of failing; _txlock=immediate takes the write lock
	// at BEGIN so that read-then-write transactions cannot deadlock.
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_txlock", "immediate")
	// The path is escaped so that "#", "?" and "%" in a file name stay part
	// of it instead of starting the URI's fragment or query.
	sqldb, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	// Switching a new file to WAL does not wait for the busy timeout: a
	// second process opening it at the same moment gets SQLITE_BUSY.
	err = sqldb.Ping()
	for try := 0; err != nil && strings.Contains(err.Error(), "SQLITE_BUSY") && try < 100; try++ {
		time.Sleep(50 * time.Millisecond)
		err = sqldb.Ping()
	}
	if err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	return &db{sqldb}, nil
}

// db adapts database/sql to sqlstore.DB.
type db struct{ db *sql.DB }

func (d *db) Exec(ctx context.Context, query string, args ...any) error {
	_, err := d.db.ExecContext(ctx, query, args...)
	return err
}

func (d *db) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	r, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (d *db) Close() error { return d.db.Close() }

func (d *db) Tx(ctx context.Context, fn func(q sqlstore.Querier) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	t := &txq{tx: tx, stmts: map[string]*sql.Stmt{}}
	defer t.closeStmts()
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// txq runs statements in a transaction, preparing each distinct statement
// once: a batch runs the same few inserts thousands of times.
type txq struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (t *txq) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := t.stmts[query]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = s
	return s, nil
}

func (t *txq) closeStmts() {
	for _, s := range t.stmts {
		s.Close()
	}
}

func (t *txq) Exec(ctx context.Context, query string, args ...any) error {
	s, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	_, err = s.ExecContext(ctx, args...)
	return err
}

func (t *txq) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	s, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	r, err := s.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

type rows struct{ *sql.Rows }

func (r rows) Close() { r.Rows.Close() }

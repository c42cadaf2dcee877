// Package postgres is Marsad's store for teams: one PostgreSQL database
// that several people ingest into and query. It speaks to the server with
// pgx (github.com/jackc/pgx/v5) and behaves exactly as the SQLite store,
// because both are store/sqlstore over a different DB; full-text search
// uses a tsvector column with a GIN index.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/marsad/marsad/store/sqlstore"
)

// MaxConns bounds the connections one store opens.
const MaxConns = 8

// Open connects to the database at dsn (postgres://user@host:port/db) and
// migrates it to the latest schema.
func Open(ctx context.Context, dsn string) (*sqlstore.Store, error) {
	return OpenVersion(ctx, dsn, 0)
}

// OpenVersion opens the store migrated only up to schema version (0:
// latest); tests use it to build old stores.
func OpenVersion(ctx context.Context, dsn string, version int) (*sqlstore.Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres store: bad DSN: %w", err)
	}
	p := &pool{cfg: cfg, slots: make(chan struct{}, MaxConns)}
	// Connect once now so that a wrong address fails at Open, not later.
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("open postgres store %s@%s:%d/%s: %w", cfg.User, cfg.Host, cfg.Port, cfg.Database, err)
	}
	p.release(c)
	s, err := sqlstore.OpenVersion(ctx, p, sqlstore.Postgres, version)
	if err != nil {
		p.Close()
		return nil, fmt.Errorf("open postgres store %s/%s: %w", cfg.Host, cfg.Database, err)
	}
	return s, nil
}

// pool is a small connection pool over pgx.Conn (pgxpool would need one
// more module). Each statement or transaction holds one connection.
type pool struct {
	cfg    *pgx.ConnConfig
	slots  chan struct{} // one token per open or opening connection
	mu     sync.Mutex
	idle   []*pgx.Conn
	closed bool
}

func (p *pool) acquire(ctx context.Context) (*pgx.Conn, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		<-p.slots
		return nil, errors.New("postgres store is closed")
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	c, err := pgx.ConnectConfig(ctx, p.cfg)
	if err != nil {
		<-p.slots
		return nil, err
	}
	return c, nil
}

func (p *pool) release(c *pgx.Conn) {
	p.mu.Lock()
	if p.closed || c.IsClosed() || c.PgConn().TxStatus() != 'I' {
		p.mu.Unlock()
		c.Close(context.Background())
	} else {
		p.idle = append(p.idle, c)
		p.mu.Unlock()
	}
	<-p.slots
}

func (p *pool) Close() error {
	p.mu.Lock()
	p.closed = true
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, c := range idle {
		c.Close(context.Background())
	}
	return nil
}

func (p *pool) Exec(ctx context.Context, query string, args ...any) error {
	c, err := p.acquire(ctx)
	if err != nil {
		return err
	}
	defer p.release(c)
	_, err = c.Exec(ctx, query, args...)
	return err
}

func (p *pool) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	r, err := c.Query(ctx, query, args...)
	if err != nil {
		p.release(c)
		return nil, err
	}
	return &rows{Rows: r, done: func() { p.release(c) }}, nil
}

// Tx runs fn in a transaction, again when PostgreSQL aborted it for a
// deadlock or a serialization failure (two ingests writing the same
// documents in different orders): fn starts from scratch each time.
func (p *pool) Tx(ctx context.Context, fn func(q sqlstore.Querier) error) error {
	for try := 1; ; try++ {
		err := p.tx(ctx, fn)
		var pe *pgconn.PgError
		if try < 5 && errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001") {
			continue
		}
		return err
	}
}

func (p *pool) tx(ctx context.Context, fn func(q sqlstore.Querier) error) error {
	c, err := p.acquire(ctx)
	if err != nil {
		return err
	}
	defer p.release(c)
	tx, err := c.Begin(ctx)
	if err != nil {
		return err
	}
	if err := fn(txq{tx}); err != nil {
		tx.Rollback(ctx)
		return err
	}
	return tx.Commit(ctx)
}

type txq struct{ tx pgx.Tx }

func (t txq) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.Exec(ctx, query, args...)
	return unstorable(err)
}

func (t txq) Query(ctx context.Context, query string, args ...any) (sqlstore.Rows, error) {
	r, err := t.tx.Query(ctx, query, args...)
	if err != nil {
		return nil, unstorable(err)
	}
	return &rows{Rows: r}, nil
}

// unstorable marks the errors that one value causes (data exceptions,
// class 22: a NUL, bad UTF-8; program limits, class 54: an index row or a
// tsvector too big) as sqlstore.ErrUnstorable, so that the store rejects
// that record and saves the others.
func unstorable(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (strings.HasPrefix(pe.Code, "22") || strings.HasPrefix(pe.Code, "54")) {
		return fmt.Errorf("%w: %w", sqlstore.ErrUnstorable, err)
	}
	return err
}

// rows returns the connection to the pool when closed.
type rows struct {
	pgx.Rows
	done func()
}

func (r *rows) Err() error { return unstorable(r.Rows.Err()) }

func (r *rows) Close() {
	r.Rows.Close()
	if r.done != nil {
		r.done()
		r.done = nil
	}
}

// Package sqlstore implements store.Store once, over SQL that SQLite and
// PostgreSQL both accept, so that the two stores behave the same. The
// driver packages (sqlite, postgres) supply a DB and a Dialect; the few
// places where the databases differ (auto-increment keys, full-text search,
// placeholder syntax, migration locking) are methods of Dialect.
//
// The store does no language work: the MinHash signature, full-text index
// text and event and filter keys it compares arrive with store.Item and
// store.Filter (see package prep). It only compares signatures (dedup.Near)
// and date windows (dedup.DayWindow), which are arithmetic.
package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Querier runs statements; both a database handle and a transaction are
// Queriers. Statements use ? placeholders.
type Querier interface {
	Exec(ctx context.Context, query string, args ...any) error
	Query(ctx context.Context, query string, args ...any) (Rows, error)
}

// Rows is the subset of database/sql.Rows and pgx.Rows the store uses.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// DB is a connection pool as the store needs it.
type DB interface {
	Querier
	// Tx runs fn in one transaction, committed when fn returns nil.
	Tx(ctx context.Context, fn func(q Querier) error) error
	Close() error
}

// Dialect is the SQL flavour of a DB.
type Dialect int

const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// bind rewrites ? placeholders to $1, $2 … for PostgreSQL. The store's own
// SQL has no ? inside string literals.
func (d Dialect) bind(q string) string {
	if d != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// boundQuerier applies the dialect's placeholder syntax.
type boundQuerier struct {
	q Querier
	d Dialect
}

func (b boundQuerier) Exec(ctx context.Context, query string, args ...any) error {
	return b.q.Exec(ctx, b.d.bind(query), args...)
}

func (b boundQuerier) Query(ctx context.Context, query string, args ...any) (Rows, error) {
	return b.q.Query(ctx, b.d.bind(query), args...)
}

// errNoRows marks a queryRow that found nothing.
var errNoRows = errors.New("no rows")

// queryRow scans the first row of a query into dest.
func queryRow(ctx context.Context, q Querier, dest []any, query string, args ...any) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return errNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	return rows.Err()
}

// queryAll runs query and calls scan for each row.
func queryAll(ctx context.Context, q Querier, scan func(Rows) error, query string, args ...any) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// collect runs query and returns one value per row, read by scan.
func collect[T any](ctx context.Context, q Querier, scan func(Rows) (T, error), query string, args ...any) ([]T, error) {
	var out []T
	err := queryAll(ctx, q, func(rows Rows) error {
		v, err := scan(rows)
		if err == nil {
			out = append(out, v)
		}
		return err
	}, query, args...)
	return out, err
}

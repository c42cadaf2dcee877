// Package open picks a store implementation from a DSN. It is separate from
// package store so that store does not import its own implementations.
package open

import (
	"context"
	"strings"

	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/postgres"
	"github.com/marsad/marsad/store/sqlite"
)

// Open opens the store at dsn: postgres:// or postgresql:// URLs open
// PostgreSQL, anything else is the path of a SQLite file (created when
// missing). The schema is migrated to the latest version.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	if IsPostgres(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

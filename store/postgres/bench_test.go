package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/marsad/marsad/store/postgres"
	"github.com/marsad/marsad/store/sqlstore"
	"github.com/marsad/marsad/store/storetest"
)

// benchStore opens a synthetic store of MARSAD_BENCH_EVENTS events
// (default 1,000,000) in its own schema of the test database, generated on
// first use and kept for later runs.
func benchStore(b *testing.B) *sqlstore.Store {
	ctx := context.Background()
	base := testDSN(b)
	n := storetest.BenchEvents()
	schema := fmt.Sprintf("marsad_bench_%d_v%d", n, sqlstore.SchemaVersion())
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	dsn := base + sep + "search_path=" + schema
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	// The schema counts as built once the "complete" marker table exists.
	var done bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'bench_complete')`, schema).Scan(&done); err != nil {
		b.Fatal(err)
	}
	if !done {
		if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE; CREATE SCHEMA "+schema); err != nil {
			b.Fatal(err)
		}
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		storetest.Fill(b, s, n)
		s.Close()
		if _, err := conn.Exec(ctx, "ANALYZE; CREATE TABLE "+schema+".bench_complete ()"); err != nil {
			b.Fatal(err)
		}
	}
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkEventsQuery times the filtered events query on the synthetic store.
func BenchmarkEventsQuery(b *testing.B) {
	storetest.BenchmarkEvents(b, benchStore(b))
}

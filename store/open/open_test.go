package open_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/store/open"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()
	s, err := open.Open(ctx, filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 0 || st.SchemaVersion == 0 {
		t.Errorf("a new SQLite store: %+v, %v", st, err)
	}
	s.Close()
	if dsn := os.Getenv("MARSAD_TEST_POSTGRES"); dsn != "" {
		s, err := open.Open(ctx, dsn)
		if err != nil {
			t.Fatalf("Open(%s): %v", dsn, err)
		}
		s.Close()
	}
	for dsn, want := range map[string]bool{"postgres://u@h/db": true, "postgresql://h/db": true, "marsad.db": false, "/tmp/postgres.db": false} {
		if got := open.IsPostgres(dsn); got != want {
			t.Errorf("IsPostgres(%q) = %v", dsn, got)
		}
	}
}

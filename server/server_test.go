package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlite"
	"github.com/marsad/marsad/web"
)

// corpusArticles is how many corpus articles the test store holds besides
// the seed article.
const corpusArticles = 40

// seedDate is the seed article's publication date (it is a .txt file).
const seedDate = "2019-10-25"

var fixture struct {
	once  sync.Once
	dir   string
	coder ingest.Coder
	err   error
}

// testStore returns a new store holding the seed article (the Misrata
// groups' withdrawal from Tripoli) and the first corpus articles, coded by
// the built-in coder. The coded store is built once and copied per test.
func testStore(t *testing.T) (store.Store, ingest.Coder) {
	t.Helper()
	seed := shared.Path(t, "seed/000_a763ce97bed870a3.txt")
	corpus := shared.Path(t, "corpus/ant-politics-2000.jsonl")
	fixture.once.Do(func() {
		fixture.dir, fixture.err = os.MkdirTemp("", "marsad-server-test")
		if fixture.err != nil {
			return
		}
		c, err := knowledge.Builtin().Coder(true)
		if err != nil {
			fixture.err = err
			return
		}
		fixture.coder = c
		part := filepath.Join(fixture.dir, "corpus.jsonl")
		if fixture.err = firstLines(corpus, part, corpusArticles); fixture.err != nil {
			return
		}
		ctx := context.Background()
		st, err := sqlite.Open(ctx, filepath.Join(fixture.dir, "marsad.db"))
		if err != nil {
			fixture.err = err
			return
		}
		defer st.Close()
		_, fixture.err = ingest.Run(ctx, st, c, []string{seed, part}, ingest.Options{Reader: reader.Options{Date: seedDate}, Workers: 2})
	})
	if fixture.err != nil {
		t.Fatalf("building the test store: %v", fixture.err)
	}
	db := filepath.Join(t.TempDir(), "marsad.db")
	data, err := os.ReadFile(filepath.Join(fixture.dir, "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, fixture.coder
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.dir != "" {
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

func firstLines(src, dst string, n int) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		b.WriteString(sc.Text() + "\n")
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return os.WriteFile(dst, []byte(b.String()), 0o644)
}

// newTestServer serves the test store with writes on (token "s3cret").
func newTestServer(t *testing.T) *Server {
	t.Helper()
	st, c := testStore(t)
	s, err := New(st, Options{Token: "s3cret", Coder: c, Assets: web.Assets(), MaxBody: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// get serves one request and decodes the JSON answer into a map.
func call(t *testing.T, s http.Handler, method, target string, body io.Reader, header map[string]string) (int, http.Header, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	var m map[string]any
	if ct := rec.Header().Get("Content-Type"); strings.HasPrefix(ct, "application/json") {
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
			t.Fatalf("%s %s: answer is not JSON: %v\n%s", method, target, err, rec.Body.String())
		}
	}
	return rec.Code, rec.Header(), m
}

func get(t *testing.T, s http.Handler, target string) (int, map[string]any) {
	t.Helper()
	code, _, m := call(t, s, "GET", target, nil, nil)
	return code, m
}

// getOK is get that fails the test unless the answer is 200.
func getOK(t *testing.T, s http.Handler, target string) map[string]any {
	t.Helper()
	code, m := get(t, s, target)
	if code != http.StatusOK {
		t.Fatalf("GET %s = %d %v, want 200", target, code, m)
	}
	return m
}

// list returns m[key] as a list of objects.
func list(m map[string]any, key string) []map[string]any {
	var out []map[string]any
	for _, v := range m[key].([]any) {
		out = append(out, v.(map[string]any))
	}
	return out
}

func httpGet(target string) (*http.Request, *httptest.ResponseRecorder) {
	return httptest.NewRequest("GET", target, nil), httptest.NewRecorder()
}

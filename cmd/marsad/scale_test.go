package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/postgres"
)

// TestMain lets the scale test start this test binary as the marsad
// command (MARSAD_TEST_MAIN=1), so that it can kill real processes.
func TestMain(m *testing.M) {
	if os.Getenv("MARSAD_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// marsadCmd is the marsad command line args run by this test binary.
func marsadCmd(args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "MARSAD_TEST_MAIN=1")
	return c
}

func runMarsad(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	c := marsadCmd(args...)
	c.Stdout, c.Stderr = &out, &errs
	if err := c.Run(); err != nil {
		t.Fatalf("marsad %s: %v\n%s", strings.Join(args, " "), err, errs.String())
	}
	return out.String()
}

// sortedExport is the PLOVER export of db, its lines sorted.
func sortedExport(t *testing.T, db string) []byte {
	lines := strings.Split(strings.TrimSpace(runMarsad(t, "export", "--format", "plover", "--coded-at", "2019-10-26T08:00:00Z", "--db", db)), "\n")
	slices.Sort(lines)
	return []byte(strings.Join(lines, "\n") + "\n")
}

// Three worker processes code the corpus from a PostgreSQL queue while one
// of them is killed (SIGKILL) twice mid-batch and the database restarts
// once. At the end every document is stored once, every job is done, and
// the sorted PLOVER export is byte for byte that of one ingest into
// SQLite. The test runs its own PostgreSQL cluster (scripts/postgres.sh)
// so that restarting it disturbs no other test. MARSAD_SCALE_DOCS sets how
// many corpus articles it codes (default: all).
func TestWorkersSurviveKillsAndARestart(t *testing.T) {
	if os.Getenv("MARSAD_TEST_POSTGRES") == "" {
		t.Skip("MARSAD_TEST_POSTGRES is not set: ./scripts/test.sh starts PostgreSQL")
	}
	corpus := shared.Path(t, "corpus/ant-politics-2000.jsonl")
	dir := t.TempDir()
	input := corpus
	if n, err := strconv.Atoi(os.Getenv("MARSAD_SCALE_DOCS")); err == nil && n > 0 {
		input = filepath.Join(dir, "corpus.jsonl")
		firstLines(t, corpus, input, n)
	}

	// Not under dir: the server may run as another user (postgres), who
	// must reach the folder.
	pgdir, err := os.MkdirTemp("", "marsad-scale-pg.")
	if err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs("../../scripts/postgres.sh")
	var errs bytes.Buffer
	start := exec.Command(script, "start", pgdir)
	start.Stderr = &errs
	out, err := start.Output()
	if err != nil {
		t.Fatalf("start PostgreSQL: %v\n%s", err, errs.String())
	}
	t.Cleanup(func() { exec.Command(script, "stop", pgdir).Run() })
	_, dsn, ok := strings.Cut(strings.TrimSpace(string(out)), "=")
	if !ok {
		t.Fatalf("postgres.sh printed %q", out)
	}
	dsn = strings.Trim(dsn, "'")

	ref := filepath.Join(dir, "ref.db")
	runMarsad(t, "ingest", "--quiet", "--db", ref, input)
	runMarsad(t, "ingest", "--enqueue", "--quiet", "--db", dsn, input)

	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, err := st.QueueCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := before.Pending

	type worker struct {
		cmd  *exec.Cmd
		done chan error
	}
	startWorker := func(i int) *worker {
		c := marsadCmd("worker", "--db", dsn, "--drain", "--quiet", "--workers", "1", "--batch", "25",
			"--lease", "3s", "--idle", "200ms")
		log, err := os.Create(filepath.Join(dir, fmt.Sprintf("worker%d-%d.log", i, time.Now().UnixNano())))
		if err != nil {
			t.Fatal(err)
		}
		c.Stdout, c.Stderr = log, log
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		w := &worker{cmd: c, done: make(chan error, 1)}
		go func() { w.done <- c.Wait(); log.Close() }()
		return w
	}
	workers := []*worker{startWorker(0), startWorker(1), startWorker(2)}
	defer func() {
		for _, w := range workers {
			w.cmd.Process.Kill()
		}
	}()
	// done waits until n jobs are done, reading through the restart.
	done := func(n int) {
		deadline := time.Now().Add(5 * time.Minute)
		for time.Now().Before(deadline) {
			if c, err := st.QueueCounts(ctx); err == nil && c.Done >= n {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%d jobs not done in time", n)
	}
	kill := func() {
		// Mid-batch: the first worker holds a lease by now.
		if err := workers[0].cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-workers[0].done
		workers[0] = startWorker(0)
	}
	done(total / 5)
	kill()
	done(total / 2)
	if out, err := exec.Command(script, "restart", pgdir).CombinedOutput(); err != nil {
		t.Fatalf("restart PostgreSQL: %v\n%s", err, out)
	}
	done(total * 7 / 10)
	kill()
	for i, w := range workers {
		select {
		case err := <-w.done:
			if err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		case <-time.After(5 * time.Minute):
			t.Fatalf("worker %d did not finish", i)
		}
	}
	after, err := st.QueueCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.QueueCounts{Done: total}); after != want {
		t.Errorf("queue at the end: %+v, want %+v", after, want)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != total {
		t.Errorf("%d documents stored, want %d: one each", stats.Documents, total)
	}
	if got, want := sortedExport(t, dsn), sortedExport(t, ref); !bytes.Equal(got, want) {
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		i := 0
		for i < min(len(g), len(w))-1 && g[i] == w[i] {
			i++
		}
		t.Errorf("the sorted PLOVER exports differ (%d and %d bytes), first at line %d:\n%s\nwant\n%s", len(got), len(want), i+1, g[i], w[i])
	}
	if t.Failed() {
		logs, _ := filepath.Glob(filepath.Join(dir, "worker*.log"))
		for _, l := range logs {
			b, _ := os.ReadFile(l)
			t.Logf("%s:\n%s", filepath.Base(l), b)
		}
	}
}

// firstLines copies the first n lines of src to dst.
func firstLines(t *testing.T, src, dst string, n int) {
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		b.Write(sc.Bytes())
		b.WriteByte('\n')
	}
	if err := os.WriteFile(dst, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

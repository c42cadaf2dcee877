// Command loadserve measures `marsad serve` under load, on loopback only:
// it builds (once) a SQLite store holding the corpus and a million
// synthetic events, serves it with package server on 127.0.0.1, and sends
// each request of a fixed list from several workers for a bounded time,
// then prints requests per second, p50, p99 and errors per request.
//
//	go run ./tools/loadserve                       # store in /tmp/marsad-load.db
//	go run ./tools/loadserve -events 200000 -duration 5s -workers 4
//
// Building the store takes a few minutes the first time; later runs reuse
// it. It is a measurement for people, never a test with a threshold.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/store/sqlite"
	"github.com/marsad/marsad/store/storetest"
)

// targets are the requests measured: the dashboard's table page (a
// filtered page of 100 events, as the issue asks), the same for a rare
// type, the first page of everything, and the timeline filtered and whole.
var targets = []string{
	"/api/events?type=ASSAULT&country=LBY&from=2019-03-01&to=2019-06-30&limit=100",
	"/api/events?type=RETREAT&country=MLI&from=2019-03-01&to=2019-06-30&limit=100",
	"/api/events?limit=100",
	"/api/events?actor=LBYACT2&limit=100",
	"/api/timeline?country=LBY&from=2019-01-01&to=2019-12-31",
	"/api/timeline?type=ASSAULT",
	"/api/timeline",
}

func main() {
	db := flag.String("db", "/tmp/marsad-load.db", "SQLite store to build (when missing) and serve")
	corpus := flag.String("corpus", "../shared/corpus/ant-politics-2000.jsonl", "real articles ingested first")
	events := flag.Int("events", 1_000_000, "synthetic events added to the corpus")
	duration := flag.Duration("duration", 10*time.Second, "time spent on each request")
	maxRequests := flag.Int("max-requests", 20000, "most requests sent for each request")
	workers := flag.Int("workers", 4, "concurrent clients")
	flag.Parse()
	if err := run(*db, *corpus, *events, *duration, *maxRequests, *workers); err != nil {
		fmt.Fprintln(os.Stderr, "loadserve:", err)
		os.Exit(1)
	}
}

func run(db, corpus string, events int, duration time.Duration, maxRequests, workers int) error {
	ctx := context.Background()
	_, statErr := os.Stat(db)
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	if errors.Is(statErr, os.ErrNotExist) {
		t0 := time.Now()
		c, err := knowledge.Builtin().Coder(true)
		if err != nil {
			return err
		}
		sum, err := ingest.Run(ctx, st, c, []string{corpus}, ingest.Options{Workers: 2})
		if err != nil {
			return err
		}
		fmt.Printf("ingested the corpus: %d documents, %d events in %s\n", sum.New, sum.Events, time.Since(t0).Round(time.Second))
		t0 = time.Now()
		if err := storetest.Synthetic(ctx, st, events, 1); err != nil {
			return err
		}
		fmt.Printf("added %d synthetic events in %s\n", events, time.Since(t0).Round(time.Second))
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("store %s: %d documents, %d events\n", db, stats.Documents, stats.Events)
	srv, err := server.New(st, server.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}, Timeout: 30 * time.Second}
	fmt.Printf("%d workers, %s or %d requests each, on %s\n\n", workers, duration, maxRequests, base)
	fmt.Printf("%-80s %8s %8s %9s %9s %6s\n", "request", "requests", "req/s", "p50 ms", "p99 ms", "errors")
	for _, target := range targets {
		r := measure(client, base+target, duration, maxRequests, workers)
		fmt.Printf("%-80s %8d %8.0f %9.2f %9.2f %6d\n", target, r.n, float64(r.n)/r.elapsed.Seconds(), ms(r.p(0.50)), ms(r.p(0.99)), r.errors)
	}
	return nil
}

type result struct {
	n, errors int
	elapsed   time.Duration
	latencies []time.Duration
}

func (r *result) p(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(q*float64(len(r.latencies))))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// measure sends GET url from workers until duration has passed or
// maxRequests were sent.
func measure(client *http.Client, url string, duration time.Duration, maxRequests, workers int) result {
	var mu sync.Mutex
	var res result
	sent := 0
	deadline := time.Now().Add(duration)
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if sent >= maxRequests || time.Now().After(deadline) {
					mu.Unlock()
					return
				}
				sent++
				mu.Unlock()
				t0 := time.Now()
				resp, err := client.Get(url)
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				d := time.Since(t0)
				mu.Lock()
				res.n++
				res.latencies = append(res.latencies, d)
				if !ok {
					res.errors++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	slices.Sort(res.latencies)
	return res
}

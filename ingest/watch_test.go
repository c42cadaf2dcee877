package ingest_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store/sqlite"
	"github.com/marsad/marsad/store/sqlstore"
)

// feedServer serves an RSS feed with an ETag and answers a matching
// If-None-Match with 304.
type feedServer struct {
	mu          sync.Mutex
	items       int
	hits        int
	conditional int // requests that carried the current ETag
}

func (f *feedServer) add() { f.mu.Lock(); f.items++; f.mu.Unlock() }

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hits++
	etag := fmt.Sprintf(`"v%d"`, f.items)
	if r.Header.Get("If-None-Match") == etag {
		f.conditional++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title><link>http://example.com/</link>`)
	for i := 1; i <= f.items; i++ {
		fmt.Fprintf(&b, `<item><guid>item-%d</guid><title>خبر %d</title><link>http://example.com/%d</link>
			<pubDate>Mon, 02 Jan 2023 10:00:00 +0000</pubDate><description>اشتبكت قوات في طرابلس يوم %d وقتل عدد من المقاتلين.</description></item>`, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	io.WriteString(w, b.String())
}

func (f *feedServer) counts() (hits, conditional int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits, f.conditional
}

func watchStore(t *testing.T) (*sqlstore.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "watch.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func pending(t *testing.T, s *sqlstore.Store) int {
	t.Helper()
	c, err := s.QueueCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c.Pending
}

func TestWatchConditionalPolls(t *testing.T) {
	ctx := context.Background()
	feed := &feedServer{items: 3}
	srv := httptest.NewServer(feed)
	defer srv.Close()
	s, _ := watchStore(t)
	opt := ingest.WatchOptions{Feeds: []string{srv.URL + "/rss"}, Every: time.Millisecond, Once: true,
		Reader: reader.Options{AllowPrivate: true}, Log: quietLog()}
	poll := func() ingest.WatchSummary {
		t.Helper()
		time.Sleep(5 * time.Millisecond) // the feed is due again
		sum, err := ingest.Watch(ctx, s, s, opt)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := poll(); sum.Added != 3 || sum.Polls != 1 {
		t.Fatalf("first poll: %+v, want 3 added", sum)
	}
	if n := pending(t, s); n != 3 {
		t.Fatalf("%d pending after the first poll, want 3", n)
	}
	if sum := poll(); sum.NotModified != 1 || sum.Added != 0 {
		t.Fatalf("second poll: %+v, want not modified", sum)
	}
	if _, cond := feed.counts(); cond != 1 {
		t.Fatalf("server saw %d requests with the ETag, want 1", cond)
	}
	feed.add()
	if sum := poll(); sum.Added != 1 || sum.Known != 3 {
		t.Fatalf("after a new item: %+v, want 1 added, 3 known", sum)
	}
	if n := pending(t, s); n != 4 {
		t.Fatalf("%d pending, want 4", n)
	}
	st, _ := s.FeedStates(ctx)
	if got := st[srv.URL+"/rss"].ETag; got != `"v4"` {
		t.Errorf("stored ETag %s, want \"v4\"", got)
	}
}

func TestWatchBackoff(t *testing.T) {
	ctx := context.Background()
	good := &feedServer{items: 1}
	var bad atomic.Int32
	mux := http.NewServeMux()
	mux.Handle("/good", good)
	mux.HandleFunc("/bad", func(w http.ResponseWriter, r *http.Request) {
		bad.Add(1)
		http.Error(w, "broken", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	s, _ := watchStore(t)
	every := 40 * time.Millisecond
	opt := ingest.WatchOptions{Feeds: []string{srv.URL + "/bad", srv.URL + "/good"}, Every: every, MaxBackoff: 8 * every,
		Once: true, Reader: reader.Options{AllowPrivate: true}, Log: quietLog()}
	var gaps []time.Duration
	for round := 1; round <= 4; round++ {
		st, _ := s.FeedStates(ctx)
		time.Sleep(time.Until(st[srv.URL+"/bad"].NextPoll) + 5*time.Millisecond)
		start := time.Now()
		sum, err := ingest.Watch(ctx, s, s, opt)
		if err != nil {
			t.Fatal(err)
		}
		end := time.Now()
		if sum.Failed != 1 {
			t.Fatalf("round %d: %+v, want the bad feed polled and failed", round, sum)
		}
		st, _ = s.FeedStates(ctx)
		b := st[srv.URL+"/bad"]
		if b.Failures != round || !strings.Contains(b.LastError, "HTTP 500") {
			t.Fatalf("round %d: bad feed state %+v", round, b)
		}
		want := ingest.Backoff(every, 8*every, round)
		if b.NextPoll.Before(start.Add(want-2*time.Millisecond)) || b.NextPoll.After(end.Add(want+2*time.Millisecond)) {
			t.Fatalf("round %d: next poll in %v, want %v", round, b.NextPoll.Sub(start), want)
		}
		gaps = append(gaps, want)
	}
	if gaps[0] != 2*every || gaps[3] != 8*every {
		t.Errorf("backoffs %v, want doubling from %v capped at %v", gaps, every, 8*every)
	}
	if hits, _ := good.counts(); hits < 2 {
		t.Errorf("good feed fetched %d times while the bad one failed, want it still polled", hits)
	}
	if n := pending(t, s); n != 1 {
		t.Errorf("%d pending, want the good feed's 1 item", n)
	}
	if int(bad.Load()) != 4 {
		t.Errorf("bad feed fetched %d times, want 4", bad.Load())
	}
}

func TestWatchOneWatcherHoldsTheLease(t *testing.T) {
	feed := &feedServer{items: 2}
	srv := httptest.NewServer(feed)
	defer srv.Close()
	_, path := watchStore(t)
	open := func() *sqlstore.Store {
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	s1, s2 := open(), open()
	opt := ingest.WatchOptions{Feeds: []string{srv.URL + "/rss"}, Every: 10 * time.Millisecond, Lease: 300 * time.Millisecond,
		Reader: reader.Options{AllowPrivate: true}, Log: quietLog()}
	ctx1, stop1 := context.WithCancel(context.Background())
	ctx2, stop2 := context.WithCancel(context.Background())
	defer stop2()
	var sum1, sum2 ingest.WatchSummary
	var wg1, wg2 sync.WaitGroup
	o1, o2 := opt, opt
	o1.Holder, o2.Holder = "one", "two"
	wg1.Go(func() { sum1, _ = ingest.Watch(ctx1, s1, s1, o1) })
	time.Sleep(100 * time.Millisecond)
	wg2.Go(func() { sum2, _ = ingest.Watch(ctx2, s2, s2, o2) })
	time.Sleep(400 * time.Millisecond)
	stop1()
	wg1.Wait()
	if sum1.Polls < 3 {
		t.Fatalf("first watcher polled %d times, want several", sum1.Polls)
	}
	// A fetch cut by stop1 reaches the server without counting as a poll.
	hits, _ := feed.counts()
	if hits < sum1.Polls || hits > sum1.Polls+1 {
		t.Fatalf("feed fetched %d times, the first watcher polled %d: the second polled too", hits, sum1.Polls)
	}
	time.Sleep(300 * time.Millisecond) // the second takes over
	stop2()
	wg2.Wait()
	if sum2.Polls == 0 {
		t.Fatal("the second watcher did not take over")
	}
	if hits, _ := feed.counts(); hits < sum1.Polls+sum2.Polls || hits > sum1.Polls+sum2.Polls+2 {
		t.Errorf("feed fetched %d times, watchers polled %d + %d", hits, sum1.Polls, sum2.Polls)
	}
}

func TestReadFeedList(t *testing.T) {
	got, err := ingest.ReadFeedList(strings.NewReader("# news\nhttps://a.example/rss\n\n  http://b.example/atom  \nhttps://a.example/rss\n"))
	if err != nil || strings.Join(got, " ") != "https://a.example/rss http://b.example/atom" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := ingest.ReadFeedList(strings.NewReader("ftp://x\n")); err == nil {
		t.Fatal("an ftp line was accepted")
	}
}

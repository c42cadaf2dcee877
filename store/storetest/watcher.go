package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/marsad/marsad/store"
)

// testWatcher checks the named leases and feed states of marsad watch.
func testWatcher(t *testing.T, s store.Store) {
	w, ok := s.(store.Watcher)
	if !ok {
		t.Skip("store has no watcher state")
	}
	ctx := context.Background()
	take := func(holder string, d time.Duration) bool {
		t.Helper()
		ok, err := w.TakeLease(ctx, "watch", holder, d)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !take("a", time.Minute) {
		t.Fatal("a did not get a free lease")
	}
	if take("b", time.Minute) {
		t.Fatal("b took the lease a holds")
	}
	if !take("a", 300*time.Millisecond) {
		t.Fatal("a could not renew its lease")
	}
	if ok, _ := w.TakeLease(ctx, "other", "b", time.Minute); !ok {
		t.Fatal("b did not get another lease name")
	}
	time.Sleep(400 * time.Millisecond)
	if !take("b", time.Minute) {
		t.Fatal("b did not take the lease that lapsed")
	}
	if take("a", time.Minute) {
		t.Fatal("a renewed a lease b took over")
	}
	if err := w.DropLease(ctx, "watch", "a"); err != nil {
		t.Fatal(err)
	}
	if take("a", time.Minute) {
		t.Fatal("a's drop ended b's lease")
	}
	if err := w.DropLease(ctx, "watch", "b"); err != nil {
		t.Fatal(err)
	}
	if !take("a", time.Minute) {
		t.Fatal("a did not get the lease b dropped")
	}

	st, err := w.FeedStates(ctx)
	if err != nil || len(st) != 0 {
		t.Fatalf("feed states of a new store: %v, %v", st, err)
	}
	before := time.Now()
	next, err := w.SaveFeedState(ctx, store.FeedState{URL: "https://a.example/rss", ETag: `"v1"`, LastModified: "Mon, 02 Jan 2006 15:04:05 GMT"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if d := next.Sub(before); d < 59*time.Minute || d > 61*time.Minute {
		t.Errorf("next poll in %v, want 1h", d)
	}
	if _, err := w.SaveFeedState(ctx, store.FeedState{URL: "https://b.example/rss", Failures: 2, LastError: "HTTP 500"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SaveFeedState(ctx, store.FeedState{URL: "https://a.example/rss", ETag: `"v2"`}, time.Hour); err != nil {
		t.Fatal(err)
	}
	st, err = w.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, b := st["https://a.example/rss"], st["https://b.example/rss"]
	if len(st) != 2 || a.ETag != `"v2"` || a.LastModified != "" || a.Due || !a.NextPoll.Equal(next) && a.NextPoll.Before(next) {
		t.Errorf("feed a: %+v (of %d)", a, len(st))
	}
	if b.Failures != 2 || b.LastError != "HTTP 500" || !b.Due {
		t.Errorf("feed b: %+v", b)
	}
}

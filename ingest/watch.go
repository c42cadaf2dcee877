package ingest

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store"
)

// WatchLease is the name of the lease a watcher holds while it polls.
const WatchLease = "watch"

// WatchOptions control a feed watcher.
type WatchOptions struct {
	Feeds []string      // feed URLs
	Every time.Duration // pause between two polls of a feed (default 5 min)
	// MaxBackoff caps the pause after failed polls, which doubles from
	// Every with each failure in a row (default 24 × Every).
	MaxBackoff time.Duration
	// Lease is how long the watcher's lease lasts without renewal; it is
	// renewed before every poll (default 1 min). A second watcher waits
	// for it and takes over when it ends.
	Lease time.Duration
	// Tick is the pause between two looks for due feeds (default the
	// least of Every and Lease/3).
	Tick time.Duration
	// Once polls the due feeds once and returns.
	Once bool
	// Holder names this watcher in the lease (default host, process and
	// a random part).
	Holder string
	Reader reader.Options // fetching: AllowPrivate, Timeout, MaxFetch, MaxItems
	Log    *slog.Logger   // one line per poll of a feed (nil: slog.Default())
}

// WatchSummary counts what a watcher did.
type WatchSummary struct {
	Polls       int `json:"polls"`        // fetches done
	NotModified int `json:"not_modified"` // answered 304
	Failed      int `json:"failed"`
	Added       int `json:"added"` // documents enqueued
	Known       int `json:"known"` // items already stored or queued
	Rejected    int `json:"rejected"`
	// Waiting is true when Once found the lease held by another watcher.
	Waiting bool `json:"waiting"`
}

// ReadFeedList reads one feed URL a line; blank lines and lines starting
// with # are skipped, and so is a URL listed twice.
func ReadFeedList(r io.Reader) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") {
			return nil, fmt.Errorf("line %d: %q is not an http(s) URL", n, line)
		}
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

// Backoff is the pause before the next poll of a feed that failed
// failures times in a row: every × 2^failures, at most max.
func Backoff(every, max time.Duration, failures int) time.Duration {
	d := every
	for i := 0; i < failures && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

// Watch polls the feeds and enqueues their new items on q, one poll per
// feed every Every, while it holds the watch lease in w, until ctx is
// cancelled (or after one round with Once). A feed that fails is polled
// again after a doubling pause; its failures, error and next poll are kept
// in w, so they survive restarts. Conditional GETs (the feed's ETag and
// Last-Modified) make an unchanged feed cost a 304.
func Watch(ctx context.Context, q store.Queue, w store.Watcher, opt WatchOptions) (WatchSummary, error) {
	if opt.Every <= 0 {
		opt.Every = 5 * time.Minute
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 24 * opt.Every
	}
	if opt.Lease <= 0 {
		opt.Lease = time.Minute
	}
	if opt.Tick <= 0 {
		opt.Tick = min(opt.Every, opt.Lease/3)
	}
	if opt.Holder == "" {
		host, _ := os.Hostname()
		b := make([]byte, 4)
		rand.Read(b)
		opt.Holder = fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
	}
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	var sum WatchSummary
	held, waiting := false, false
	defer func() {
		if held {
			// Hand over at once instead of letting the lease run out.
			c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := w.DropLease(c, WatchLease, opt.Holder); err != nil {
				log.Warn("watch: could not drop the lease", "error", err)
			}
		}
	}()
	for {
		ok, err := w.TakeLease(ctx, WatchLease, opt.Holder, opt.Lease)
		switch {
		case ctx.Err() != nil:
			return sum, nil
		case err != nil:
			log.Warn("watch: lease", "error", err)
		case !ok:
			if !waiting {
				log.Info("watch: another watcher holds the lease; waiting", "holder", opt.Holder)
			}
			held, waiting = false, true
			if opt.Once {
				sum.Waiting = true
				return sum, nil
			}
		default:
			if !held {
				log.Info("watch: polling", "feeds", len(opt.Feeds), "every", opt.Every, "holder", opt.Holder)
			}
			held, waiting = true, false
			if err := pollRound(ctx, q, w, opt, &sum, log, &held); err != nil {
				if opt.Once || ctx.Err() != nil {
					return sum, err
				}
				log.Warn("watch: store", "error", err)
			}
		}
		if opt.Once {
			return sum, nil
		}
		select {
		case <-ctx.Done():
			return sum, nil
		case <-time.After(opt.Tick):
		}
	}
}

// pollRound polls every due feed, renewing the lease before each; it
// stops when the lease is lost. Its error is the store's.
func pollRound(ctx context.Context, q store.Queue, w store.Watcher, opt WatchOptions, sum *WatchSummary, log *slog.Logger, held *bool) error {
	states, err := w.FeedStates(ctx)
	if err != nil {
		return err
	}
	for i, url := range opt.Feeds {
		st, known := states[url]
		if known && !st.Due {
			continue
		}
		if i > 0 {
			ok, err := w.TakeLease(ctx, WatchLease, opt.Holder, opt.Lease)
			if err != nil {
				return err
			}
			if !ok {
				*held = false
				log.Warn("watch: lease lost to another watcher")
				return nil
			}
		}
		st.URL = url
		if err := pollFeed(ctx, q, w, opt, st, sum, log); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// pollFeed polls one feed, enqueues its documents and saves its state.
func pollFeed(ctx context.Context, q store.Queue, w store.Watcher, opt WatchOptions, st store.FeedState, sum *WatchSummary, log *slog.Logger) error {
	p, err := reader.PollFeed(ctx, st.URL, st.ETag, st.LastModified, opt.Reader)
	if ctx.Err() != nil {
		return ctx.Err() // stopped: not the feed's fault
	}
	sum.Polls++
	if err != nil {
		sum.Failed++
		st.Failures++
		st.LastError = err.Error()
		next, serr := w.SaveFeedState(ctx, st, Backoff(opt.Every, opt.MaxBackoff, st.Failures))
		if serr != nil {
			return serr
		}
		log.Warn("feed failed", "feed", st.URL, "error", st.LastError, "failures", st.Failures, "next_try", next.Format(time.RFC3339))
		return nil
	}
	var res store.EnqueueResult
	if len(p.Docs) > 0 {
		// The validators are saved after the items are queued: a store
		// error leaves them to the next poll.
		if res, err = q.Enqueue(ctx, p.Docs); err != nil {
			return err
		}
	}
	st.ETag, st.LastModified, st.Failures, st.LastError = p.ETag, p.LastModified, 0, ""
	if _, err := w.SaveFeedState(ctx, st, opt.Every); err != nil {
		return err
	}
	for _, r := range p.Rejects {
		log.Debug("feed item rejected", "feed", st.URL, "reason", r.Error())
	}
	if p.NotModified {
		sum.NotModified++
		log.Info("feed not modified", "feed", st.URL)
		return nil
	}
	sum.Added += res.Added
	sum.Known += res.Stored + res.Queued
	sum.Rejected += len(p.Rejects)
	log.Info("feed polled", "feed", st.URL, "items", len(p.Docs), "new", res.Added, "known", res.Stored+res.Queued, "rejected", len(p.Rejects))
	return nil
}

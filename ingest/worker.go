package ingest

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store"
)

// EnqueueSummary is what Enqueue did.
type EnqueueSummary struct {
	store.EnqueueResult
	Rejected int      `json:"rejected"`
	Rejects  []string `json:"rejects"` // the first DefaultMaxRejects
	Seconds  float64  `json:"seconds"`
}

// Enqueue reads paths and adds their documents to q as pending jobs, in
// input order, batch documents per transaction, without coding them:
// workers (Work) do that. Records that cannot be read are rejected with
// the reason, as by Run.
func Enqueue(ctx context.Context, q store.Queue, paths []string, opts reader.Options, batch int) (EnqueueSummary, error) {
	if batch <= 0 {
		batch = 500
	}
	start := time.Now()
	var sum EnqueueSummary
	var docs []marsad.Document
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		r, err := q.Enqueue(ctx, docs)
		if err != nil {
			return err
		}
		sum.Added += r.Added
		sum.Stored += r.Stored
		sum.Queued += r.Queued
		docs = docs[:0]
		return nil
	}
	err := reader.Walk(paths, opts, func(it reader.Item) error {
		if it.Err != nil {
			sum.Rejected++
			if len(sum.Rejects) < DefaultMaxRejects {
				sum.Rejects = append(sum.Rejects, it.Err.Error())
			}
			return nil
		}
		docs = append(docs, it.Doc)
		if len(docs) >= batch {
			return flush()
		}
		return ctx.Err()
	})
	if err == nil {
		err = flush()
	}
	sum.Seconds = time.Since(start).Seconds()
	return sum, err
}

// WorkOptions control a worker.
type WorkOptions struct {
	Workers   int           // documents coded in parallel (default 1)
	BatchSize int           // jobs per claim (default 50)
	Lease     time.Duration // lease of a claim, renewed every third of it while coding (default 1 min)
	// DocTimeout is the time budget of one document (0:
	// DefaultDocTimeout; negative: none).
	DocTimeout time.Duration
	// Idle is the pause before asking again when nothing is claimable
	// (default 2 s).
	Idle time.Duration
	// Drain returns when no job is pending or leased, instead of waiting
	// for more.
	Drain bool
	// Coder returns the coder for the next claim and the version of its
	// knowledge; it is asked before every claim, so that it can reload
	// the knowledge when the store's version changes.
	Coder func(ctx context.Context) (Coder, string, error)
	// Progress, when set, is called after every completed claim.
	Progress func(WorkProgress)
	// Log receives what the worker does (nil: slog.Default()).
	Log *slog.Logger
}

// WorkProgress is the running count of a worker.
type WorkProgress struct {
	Documents, Duplicates, Failed, Events int
	Elapsed                               time.Duration
}

// Work claims jobs of q, codes them and completes them (documents, events
// and the jobs' state in one transaction) until ctx is cancelled or, with
// Drain, the queue has no open job. The database going away is waited out:
// the worker retries with a growing pause, and a lease that ended
// meanwhile is left to whoever claims its jobs next.
func Work(ctx context.Context, q store.Queue, opt WorkOptions) (WorkProgress, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 50
	}
	if opt.Lease <= 0 {
		opt.Lease = time.Minute
	}
	if opt.Idle <= 0 {
		opt.Idle = 2 * time.Second
	}
	if opt.DocTimeout == 0 {
		opt.DocTimeout = DefaultDocTimeout
	}
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	start := time.Now()
	var p WorkProgress
	pause := retryPause()
	for ctx.Err() == nil {
		c, version, err := opt.Coder(ctx)
		if err != nil {
			return p, err
		}
		l, err := q.Claim(ctx, opt.BatchSize, opt.Lease)
		if err != nil {
			log.Warn("claim failed; retrying", "err", err)
			sleep(ctx, pause())
			continue
		}
		if len(l.Jobs) == 0 {
			if opt.Drain {
				n, err := q.QueueCounts(ctx)
				if err == nil && n.Pending+n.Leased == 0 {
					break
				}
			}
			sleep(ctx, opt.Idle)
			continue
		}
		res, err := workLease(ctx, q, l, c, version, opt, log)
		if err != nil {
			log.Warn("claim not completed", "jobs", len(l.Jobs), "first", l.Jobs[0].Seq, "err", err)
			continue
		}
		pause = retryPause()
		p.Documents += res.Saved
		p.Duplicates += res.Duplicates
		p.Failed += res.Rejected
		for _, it := range res.Items {
			p.Events += it.Events
		}
		p.Elapsed = time.Since(start)
		if opt.Progress != nil {
			opt.Progress(p)
		}
	}
	p.Elapsed = time.Since(start)
	return p, nil
}

// retryPause returns a pause that doubles on each call, from 100 ms to 5 s.
func retryPause() func() time.Duration {
	d := 50 * time.Millisecond
	return func() time.Duration {
		d = min(2*d, 5*time.Second)
		return d
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// workLease codes the jobs of l and completes them, renewing the lease
// meanwhile. Its result counts the documents coded as Saved, those
// already stored as Duplicates and the jobs that failed as Rejected.
func workLease(ctx context.Context, q store.Queue, l store.Lease, c Coder, version string, opt WorkOptions, log *slog.Logger) (store.BatchResult, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var beat sync.WaitGroup
	beat.Add(1)
	go func() {
		defer beat.Done()
		t := time.NewTicker(opt.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if err := q.Extend(ctx, l, opt.Lease); errors.Is(err, store.ErrLeaseLost) {
				cancel(err)
				return
			} else if err != nil {
				log.Warn("heartbeat failed", "err", err)
			}
		}
	}()
	defer beat.Wait()
	defer cancel(nil)

	docs := make([]marsad.Document, len(l.Jobs))
	for i, j := range l.Jobs {
		docs[i] = j.Doc
	}
	items, bad := codeAll(ctx, c, docs, opt.Workers, opt.DocTimeout, version)
	failed := map[int64]string{}
	for i, why := range bad {
		failed[l.Jobs[i].Seq] = why
	}
	if err := context.Cause(ctx); err != nil {
		if errors.Is(err, store.ErrLeaseLost) {
			return store.BatchResult{}, err
		}
		// Interrupted: the jobs go back to the queue for another worker.
		rerr := q.Release(context.WithoutCancel(ctx), l)
		return store.BatchResult{}, errors.Join(err, rerr)
	}
	var keep []store.Item
	for i, it := range items {
		if _, bad := failed[l.Jobs[i].Seq]; !bad {
			keep = append(keep, it)
		}
	}
	prep.Items(keep)
	pause := retryPause()
	for {
		res, err := q.Complete(ctx, l, keep, failed)
		switch {
		case err == nil:
			res.Rejected += len(failed)
			for seq, why := range failed {
				log.Warn("job failed", "job", seq, "err", why)
			}
			return res, nil
		case errors.Is(err, store.ErrNotYourTurn):
			// An older claim is being coded by another worker.
			sleep(ctx, 20*time.Millisecond)
		case errors.Is(err, store.ErrOlderClaimable):
			// An older job lost its worker: take it before this one.
			log.Info("older jobs are unclaimed; giving this claim back", "first", l.Jobs[0].Seq)
			return store.BatchResult{}, errors.Join(err, q.Release(context.WithoutCancel(ctx), l))
		case errors.Is(err, store.ErrLeaseLost) || ctx.Err() != nil:
			return store.BatchResult{}, err
		default:
			log.Warn("completing failed; retrying", "err", err)
			sleep(ctx, pause())
		}
	}
}

// codeAll codes docs on workers goroutines into items (their Knowledge
// set to version); bad holds, by index, the documents that failed, with
// why.
func codeAll(ctx context.Context, c Coder, docs []marsad.Document, workers int, timeout time.Duration, version string) (items []store.Item, bad map[int]string) {
	items = make([]store.Item, len(docs))
	bad = map[int]string{}
	var mu sync.Mutex
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				evs, err := codeOne(ctx, c, docs[i], timeout)
				mu.Lock()
				if err != nil {
					bad[i] = err.Error()
				}
				items[i] = store.Item{Doc: docs[i], Sentences: arabic.Split(docs[i].Text), Events: evs, Knowledge: version}
				mu.Unlock()
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return items, bad
}

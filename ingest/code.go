// Package ingest runs the main job: read inputs, code every document and
// save documents, sentences and events to a store in batches, one
// transaction per batch, skipping what the store already has. It also
// holds the ordered parallel coding loop that `marsad code` shares.
package ingest

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/reader"
)

// Coder codes one document (coder.Coder satisfies it).
type Coder interface {
	Code(ctx context.Context, doc marsad.Document) ([]marsad.Event, error)
}

// Result is one input record after coding: a document and its events, a
// reject (the record could not be read or coded), or a document that skip
// said not to code.
type Result struct {
	Doc     marsad.Document
	Events  []marsad.Event
	Reject  error
	Skipped bool
	// Fatal is an error of the run, not of the input (the store failed);
	// CodeOrdered returns it and stops.
	Fatal error
}

// bigDoc is the text size in bytes over which documents are coded one at a
// time.
const bigDoc = 128 << 10

// DefaultDocTimeout is the time budget of one document (Budget.DocTimeout).
const DefaultDocTimeout = 30 * time.Second

// Budget bounds the work on one document.
type Budget struct {
	// DocTimeout stops coding a document that takes longer and rejects it
	// with that reason (0: DefaultDocTimeout; negative: no limit).
	DocTimeout time.Duration
	// Dedup passes a document whose text (Document.Hash) was already read
	// in this run to emit as Skipped, before any analysis: the first copy
	// in input order is the one coded.
	Dedup bool
}

// CodeOrdered reads paths, codes documents on several workers and hands
// every result to emit in input order, so output is deterministic whatever
// the number of workers. skip, when not nil, is asked first for each
// document; a document it skips is passed to emit uncoded. Each document
// has the default time budget (DefaultDocTimeout).
func CodeOrdered(ctx context.Context, c Coder, paths []string, opts reader.Options, workers int,
	skip func(marsad.Document) (bool, error), emit func(Result) error) error {
	return CodeOrderedBudget(ctx, c, paths, opts, workers, Budget{}, skip, emit)
}

// CodeOrderedBudget is CodeOrdered with the limits of budget.
func CodeOrderedBudget(ctx context.Context, c Coder, paths []string, opts reader.Options, workers int, budget Budget,
	skip func(marsad.Document) (bool, error), emit func(Result) error) error {
	if workers < 1 {
		workers = 1
	}
	if budget.DocTimeout == 0 {
		budget.DocTimeout = DefaultDocTimeout
	}
	type job struct {
		seq int
		res Result
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Documents over bigDoc are coded one at a time: the coder's memory
	// grows with a document's sentences, and two of the largest at once
	// would double the peak.
	big := make(chan struct{}, 1)
	jobs := make(chan job, workers*4)
	ahead := make(chan struct{}, workers*8) // documents read but not yet emitted
	done := make(chan job, workers*4)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.res.Reject == nil && skip != nil && !j.res.Skipped {
					s, err := skip(j.res.Doc)
					if err != nil {
						// The store failing is no fault of the input:
						// stop the run rather than reject every document.
						j.res.Fatal = fmt.Errorf("%s: %w", j.res.Doc.ID, err)
					}
					j.res.Skipped = s
				}
				if j.res.Reject == nil && j.res.Fatal == nil && !j.res.Skipped {
					if len(j.res.Doc.Text) > bigDoc {
						big <- struct{}{}
					}
					j.res.Events, j.res.Reject = codeOne(ctx, c, j.res.Doc, budget.DocTimeout)
					if len(j.res.Doc.Text) > bigDoc {
						<-big
					}
				}
				done <- j
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		seq := 0
		seen := map[[16]byte]bool{} // the first half of each text's SHA-256
		err := reader.Walk(paths, opts, func(it reader.Item) error {
			dup := false
			if budget.Dedup && it.Err == nil {
				var key [16]byte
				if _, err := hex.Decode(key[:], []byte(it.Doc.Hash[:min(32, len(it.Doc.Hash))])); err == nil {
					dup = seen[key]
					seen[key] = true
				}
			}
			// Bound how far reading runs ahead of the document being
			// emitted, so one slow document does not pile up the rest.
			select {
			case <-ctx.Done():
				return ctx.Err()
			case ahead <- struct{}{}:
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case jobs <- job{seq: seq, res: Result{Doc: it.Doc, Reject: it.Err, Skipped: dup}}:
			}
			seq++
			return nil
		})
		close(jobs)
		readErr <- err
	}()
	go func() { wg.Wait(); close(done) }()

	pending := map[int]Result{}
	next := 0
	var emitErr error
	for j := range done {
		pending[j.seq] = j.res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-ahead
			if emitErr == nil {
				if r.Fatal != nil {
					emitErr = r.Fatal
				} else {
					emitErr = emit(r)
				}
				if emitErr != nil {
					cancel() // stop reading; drain the workers
				}
			}
		}
	}
	rerr := <-readErr
	if emitErr != nil {
		return emitErr
	}
	if rerr != nil {
		return rerr
	}
	return ctx.Err()
}

// codeOne codes doc within timeout; a document that takes longer is
// rejected with that reason rather than stalling the run.
func codeOne(ctx context.Context, c Coder, doc marsad.Document, timeout time.Duration) ([]marsad.Event, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, timeout, errTooSlow)
		defer cancel()
	}
	evs, err := c.Code(ctx, doc)
	if err != nil {
		if errors.Is(context.Cause(ctx), errTooSlow) {
			err = fmt.Errorf("%w (%s)", errTooSlow, timeout)
		}
		return nil, fmt.Errorf("%s: %w", doc.ID, err)
	}
	return evs, nil
}

// errTooSlow is the reason of a document over its time budget.
var errTooSlow = errors.New("coding took longer than the time budget per document")

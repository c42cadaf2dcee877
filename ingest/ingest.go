package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store"
)

// Options control an ingest run.
type Options struct {
	Reader    reader.Options
	Workers   int // documents coded in parallel (default 1)
	BatchSize int // documents per transaction (default 200)
	// DocTimeout is the time budget of one document (0:
	// DefaultDocTimeout; negative: none).
	DocTimeout time.Duration
	// MaxRejects is how many reject messages Summary.Rejects keeps; the
	// rest are only counted (0: DefaultMaxRejects; negative: none kept).
	MaxRejects int
	// Progress, when set, is called after every batch and at the end.
	Progress func(Progress)
	// Knowledge is the version of the coder's knowledge, kept with each
	// document (store.Item.Knowledge).
	Knowledge string
}

// Progress is the running count of an ingest.
type Progress struct {
	Seen, New, Duplicate, Rejected, Events int
	Elapsed                                time.Duration
	Done                                   bool
}

// Summary is what an ingest run did.
type Summary struct {
	Documents  int            `json:"documents"` // records read as documents
	New        int            `json:"new"`
	Duplicate  int            `json:"duplicate"`
	Rejected   int            `json:"rejected"`
	Events     int            `json:"events"`
	Seconds    float64        `json:"seconds"`
	Reasons    map[string]int `json:"reject_reasons"`
	Rejects    []string       `json:"rejects"` // the first Options.MaxRejects rejects, "source:line: reason"
	DupOfBatch int            `json:"-"`

	// RejectsNotListed counts the rejects after those in Rejects.
	RejectsNotListed int `json:"rejects_not_listed"`
}

// DefaultMaxRejects is how many reject messages a Summary keeps.
const DefaultMaxRejects = 100

// maxReasons bounds the distinct reasons counted; later ones count as "other".
const maxReasons = 1000

// addReject counts a reject, keeping its message while there is room.
func (s *Summary) addReject(msg, reason string, keep int) {
	s.Rejected++
	if len(s.Rejects) < keep {
		s.Rejects = append(s.Rejects, msg)
	} else {
		s.RejectsNotListed++
	}
	if _, ok := s.Reasons[reason]; !ok && len(s.Reasons) >= maxReasons {
		reason = "other"
	}
	s.Reasons[reason]++
}

// Run ingests paths into st with coder c. Documents already in the store
// (same content hash), or read before in this run, are not coded again:
// they are recognised by the hash before any analysis. Each batch is one
// transaction, so an interrupted run loses at most the batch in flight, and re-running
// it adds only what is missing. A cancelled context stops the run after
// the batch being written; the summary then covers what was saved.
func Run(ctx context.Context, st store.Store, c Coder, paths []string, opt Options) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 200
	}
	keep := opt.MaxRejects
	if keep == 0 {
		keep = DefaultMaxRejects
	}
	start := time.Now()
	sum := Summary{Reasons: map[string]int{}}
	var mu sync.Mutex // guards sum between the emitter and the saver
	report := func(done bool) {
		if opt.Progress != nil {
			opt.Progress(Progress{Seen: sum.Documents + sum.Rejected, New: sum.New, Duplicate: sum.Duplicate,
				Rejected: sum.Rejected, Events: sum.Events, Elapsed: time.Since(start), Done: done})
		}
	}
	// Batches are prepared (prep.Items) and saved by their own goroutine so
	// that coding the next batch overlaps writing this one. A batch is
	// written even when the run is being interrupted, so that documents
	// already coded are kept.
	batches := make(chan []store.Item, 1)
	var saveErr error
	saved := make(chan struct{})
	go func() {
		defer close(saved)
		for b := range batches {
			if saveErr != nil {
				continue
			}
			prep.Items(b)
			res, err := st.SaveBatch(context.WithoutCancel(ctx), b)
			mu.Lock()
			if err != nil {
				saveErr = fmt.Errorf("saving a batch of %d documents: %w", len(b), err)
			} else {
				sum.New += res.Saved
				sum.Duplicate += res.Duplicates
				for _, it := range res.Items {
					if it.Rejected != "" {
						sum.Documents--
						sum.addReject(it.DocID+": not stored: "+it.Rejected, "not storable", keep)
					} else if !it.Duplicate {
						sum.Events += it.Events
					}
				}
				report(false)
			}
			mu.Unlock()
		}
	}()
	var batch []store.Item
	send := func() {
		if len(batch) > 0 {
			batches <- batch
			batch = nil
		}
	}
	skip := func(d marsad.Document) (bool, error) {
		return st.HasDocument(ctx, d.Hash)
	}
	budget := Budget{DocTimeout: opt.DocTimeout, Dedup: true}
	err := CodeOrderedBudget(ctx, c, paths, opt.Reader, opt.Workers, budget, skip, func(r Result) error {
		mu.Lock()
		defer mu.Unlock()
		if saveErr != nil {
			return saveErr
		}
		if r.Reject != nil {
			sum.addReject(r.Reject.Error(), reasonOf(r.Reject), keep)
			return nil
		}
		sum.Documents++
		if r.Skipped {
			sum.Duplicate++
			return nil
		}
		batch = append(batch, store.Item{Doc: r.Doc, Sentences: arabic.Split(r.Doc.Text), Events: r.Events, Knowledge: opt.Knowledge})
		if len(batch) >= opt.BatchSize {
			mu.Unlock()
			send()
			mu.Lock()
		}
		return nil
	})
	send()
	close(batches)
	<-saved
	if saveErr != nil && (err == nil || errors.Is(err, saveErr)) {
		err = saveErr
	}
	sum.Seconds = time.Since(start).Seconds()
	report(true)
	return sum, err
}

// reasonOf is the reject reason without the source and line, for counting.
func reasonOf(err error) string {
	var rj *reader.Reject
	if errors.As(err, &rj) {
		// Group by the kind of reason, without positions and details
		// ("invalid UTF-8 at byte 6" → "invalid UTF-8").
		r := rj.Reason
		if i := strings.IndexAny(r, ":("); i > 0 {
			r = r[:i]
		}
		if i := strings.Index(r, " at "); i > 0 {
			r = r[:i]
		}
		return strings.TrimSpace(r)
	}
	if errors.Is(err, errTooSlow) {
		return errTooSlow.Error()
	}
	return "coding failed"
}

// WriteSummary prints the summary for people.
func (s Summary) WriteSummary(w io.Writer) {
	fmt.Fprintf(w, "ingested in %.1f s: %d documents read — %d new, %d duplicate; %d rejected; %d events saved\n",
		s.Seconds, s.Documents, s.New, s.Duplicate, s.Rejected, s.Events)
	if s.RejectsNotListed > 0 {
		fmt.Fprintf(w, "%d rejects are counted below but not listed\n", s.RejectsNotListed)
	}
	if len(s.Reasons) > 0 {
		keys := make([]string, 0, len(s.Reasons))
		for k := range s.Reasons {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintln(w, "rejected inputs by reason:")
		for _, k := range keys {
			fmt.Fprintf(w, "  %5d  %s\n", s.Reasons[k], k)
		}
	}
}

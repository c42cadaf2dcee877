package store

import (
	"context"
	"errors"
	"time"

	"github.com/marsad/marsad"
)

// Queue is a store that also holds documents waiting to be coded, so that
// workers on several machines share the coding (docs/scaling.md). Both SQL
// stores implement it; several workers need PostgreSQL, whose claims skip
// the rows other workers hold (FOR UPDATE SKIP LOCKED).
//
// A job is pending, leased (claimed by a worker until its lease ends),
// done (its document and events are stored) or failed (parked with its
// error after MaxAttempts). A lease that ends without Complete, because
// the worker died or lost the database, makes its jobs claimable again.
type Queue interface {
	// Enqueue adds documents as pending jobs, in order. A document whose
	// text is already stored or queued is not added again.
	Enqueue(ctx context.Context, docs []marsad.Document) (EnqueueResult, error)
	// Claim leases up to n claimable jobs, oldest first, for d. A job
	// claimed MaxAttempts times without completing is parked as failed
	// instead. No claimable job gives an empty Lease and no error.
	Claim(ctx context.Context, n int, d time.Duration) (Lease, error)
	// Extend renews the lease for d from now (the worker's heartbeat); the
	// error wraps ErrLeaseLost when the lease ended and others may hold
	// its jobs.
	Extend(ctx context.Context, l Lease, d time.Duration) error
	// Complete stores the coded items of the lease and marks their jobs
	// done in one transaction; failed (by job Seq) are the jobs that could
	// not be coded, with why: pending again, or failed for good after
	// MaxAttempts. Jobs complete in queue order, so that the store
	// ends as one ingest of the same documents in that order would leave
	// it: while an older job is open the error wraps ErrNotYourTurn
	// (ErrOlderClaimable when nobody holds it; see Release). The error
	// wraps ErrLeaseLost when the lease ended; nothing is then written.
	Complete(ctx context.Context, l Lease, items []Item, failed map[int64]string) (BatchResult, error)
	// Release gives the lease's jobs back as pending, without counting
	// the attempt.
	Release(ctx context.Context, l Lease) error
	// QueueCounts counts the jobs by state.
	QueueCounts(ctx context.Context) (QueueCounts, error)
}

// MaxAttempts is how many times a job is claimed before it is parked as
// failed.
const MaxAttempts = 3

// Errors of Queue.
var (
	ErrLeaseLost      = errors.New("lease lost: its jobs may be claimed by another worker")
	ErrNotYourTurn    = errors.New("an older job is still open")
	ErrOlderClaimable = errors.New("an older job is open and nobody holds it")
)

// Job is one queued document.
type Job struct {
	Seq      int64
	Doc      marsad.Document
	Attempts int // claims so far, this one included
}

// Lease is the jobs one claim took, oldest first.
type Lease struct {
	Token string
	Jobs  []Job
}

// EnqueueResult says what Enqueue did.
type EnqueueResult struct {
	Added  int `json:"added"`
	Stored int `json:"stored"` // already stored: not queued
	Queued int `json:"queued"` // already queued: not queued again
}

// QueueCounts are the jobs of a queue by state.
type QueueCounts struct {
	Pending int `json:"pending"`
	Leased  int `json:"leased"`
	Done    int `json:"done"`
	Failed  int `json:"failed"`
}

// FailedJob is a parked job.
type FailedJob struct {
	Seq   int64  `json:"seq"`
	DocID string `json:"doc_id"`
	Error string `json:"error"`
}

// KnowledgeStore is a store that keeps published knowledge: the files of
// a knowledge folder (laid over the built-in ones) and their version, so
// that workers on every machine code with the same dictionaries and
// models and reload them when they change.
type KnowledgeStore interface {
	KnowledgeVersion(ctx context.Context) (string, error)
	Knowledge(ctx context.Context) (version string, files map[string][]byte, err error)
	PublishKnowledge(ctx context.Context, version string, files map[string][]byte) error
}

// RecodeWhere selects the documents to code again: dated since Since,
// whose source and id begin with SourcePrefix and IDPrefix (any case for
// the source); empty fields select all.
type RecodeWhere struct {
	Since, SourcePrefix, IDPrefix string
}

// Recoder is a store whose documents can be coded again with new
// knowledge (marsad recode).
type Recoder interface {
	// ToRecode returns up to limit documents after seq after, in order,
	// coded with another knowledge version and matching w.
	ToRecode(ctx context.Context, knowledge string, w RecodeWhere, after int64, limit int) ([]RecodeDoc, error)
	// ReplaceEvents replaces each item's document's events and records
	// its Knowledge, all in one transaction; it returns the events
	// written. Events stored before under the same id keep their cluster.
	ReplaceEvents(ctx context.Context, items []Item) (int, error)
}

// RecodeDoc is a stored document to code again.
type RecodeDoc struct {
	Seq int64
	Doc marsad.Document
}

// Watcher is a store that keeps what marsad watch needs across restarts
// and machines: named leases, so that one watcher polls at a time, and
// the state of each polled feed. Times are on the database's clock.
type Watcher interface {
	// TakeLease takes the lease called name for holder for d from now,
	// or renews it when holder has it; it reports false, without error,
	// while another holder's lease has not ended.
	TakeLease(ctx context.Context, name, holder string, d time.Duration) (bool, error)
	// DropLease ends the lease when holder has it.
	DropLease(ctx context.Context, name, holder string) error
	// FeedStates returns the state of every feed polled so far, by URL.
	FeedStates(ctx context.Context) (map[string]FeedState, error)
	// SaveFeedState records a feed's state, next to be polled after
	// from now; it returns that time.
	SaveFeedState(ctx context.Context, st FeedState, after time.Duration) (time.Time, error)
}

// FeedState is what a watcher keeps of one feed.
type FeedState struct {
	URL          string
	ETag         string // validators of the last response, sent with the next poll
	LastModified string
	Failures     int       // polls failed in a row
	NextPoll     time.Time // not polled before
	LastError    string    // of the last failed poll ("" after a good one)
	Due          bool      // NextPoll has passed (when read)
}

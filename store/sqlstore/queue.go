package sqlstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

var _ store.Queue = (*Store)(nil)

// knowledgeSchema is the schema version that added the queue, leases,
// settings, feeds and documents.knowledge.
const knowledgeSchema = 6

// nowMS is the database's clock in Unix milliseconds: leases are compared
// with one clock, whichever machine a worker runs on.
func (d Dialect) nowMS() string {
	if d == Postgres {
		return `(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT`
	}
	return `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`
}

// lockClusters serialises, on PostgreSQL, the transactions that save
// reports of the same event type: without it two ingests or workers
// storing reports of one happening at once would each find no earlier
// report and give the happening two cluster ids. The keys are locked in
// one order (sorted), so two batches cannot deadlock on them. SQLite has
// one writer at a time already.
func (s *Store) lockClusters(ctx context.Context, q Querier, items []store.Item) error {
	if s.d != Postgres {
		return nil
	}
	var keys []int64
	for _, it := range items {
		if it.Keys == nil {
			continue
		}
		for _, k := range it.Keys.Events {
			// A report is compared with every report of its type in the
			// day window (dedup.Choose): lock the type.
			key := ""
			switch {
			case k.Report != nil:
				key = "type\x00" + k.Report.Type
			case k.Cluster != "":
				key = "key\x00" + k.Cluster
			default:
				continue
			}
			h := fnv.New64a()
			h.Write([]byte("marsad event cluster\x00" + key))
			keys = append(keys, int64(h.Sum64()))
		}
	}
	if len(keys) == 0 {
		return nil
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if err := q.Exec(ctx, `SELECT pg_advisory_xact_lock(k) FROM unnest(?::BIGINT[]) AS k`, keys); err != nil {
		return fmt.Errorf("lock event clusters: %w", err)
	}
	return nil
}

// Enqueue adds docs to the queue as pending jobs, in order.
func (s *Store) Enqueue(ctx context.Context, docs []marsad.Document) (store.EnqueueResult, error) {
	var res store.EnqueueResult
	err := s.db.Tx(ctx, func(tq Querier) error {
		res = store.EnqueueResult{}
		q := boundQuerier{tq, s.d}
		for len(docs) > 0 {
			n := min(len(docs), rowsPerInsert)
			part := docs[:n]
			docs = docs[n:]
			hashes := make([]any, n)
			for i := range part {
				if part[i].Hash == "" {
					part[i].Hash = HashText(part[i].Text)
				}
				hashes[i] = part[i].Hash
			}
			stored := map[string]bool{}
			err := queryAll(ctx, q, func(r Rows) error {
				var h string
				err := r.Scan(&h)
				stored[h] = true
				return err
			}, `SELECT hash FROM documents WHERE hash IN (`+placeholders(n)+`)`, hashes...)
			if err != nil {
				return fmt.Errorf("enqueue: %w", err)
			}
			var vals []string
			var args []any
			for _, d := range part {
				if stored[d.Hash] {
					res.Stored++
					continue
				}
				// A copy later in the same call is queued once.
				stored[d.Hash] = true
				js, err := json.Marshal(d)
				if err != nil {
					return fmt.Errorf("enqueue %s: %w", d.ID, err)
				}
				vals = append(vals, `(?, ?, 'pending', 0, 0, '', '')`)
				args = append(args, d.Hash, string(js))
			}
			if len(vals) == 0 {
				continue
			}
			added := 0
			err = queryAll(ctx, q, func(r Rows) error { added++; var x int64; return r.Scan(&x) },
				`INSERT INTO queue (hash, doc, state, attempts, lease_until, lease_token, error) VALUES `+
					strings.Join(vals, ", ")+` ON CONFLICT (hash) DO NOTHING RETURNING seq`, args...)
			if err != nil {
				return fmt.Errorf("enqueue: %w", err)
			}
			res.Added += added
			res.Queued += len(vals) - added
		}
		return nil
	})
	return res, err
}

// Claim leases up to n claimable jobs, oldest first.
func (s *Store) Claim(ctx context.Context, n int, d time.Duration) (store.Lease, error) {
	var l store.Lease
	token := make([]byte, 12)
	rand.Read(token)
	skip := ""
	if s.d == Postgres {
		skip = " FOR UPDATE SKIP LOCKED"
	}
	err := s.db.Tx(ctx, func(tq Querier) error {
		l = store.Lease{Token: hex.EncodeToString(token)}
		q := boundQuerier{tq, s.d}
		var parked []any
		err := queryAll(ctx, q, func(r Rows) error {
			var j store.Job
			var doc string
			if err := r.Scan(&j.Seq, &doc, &j.Attempts); err != nil {
				return err
			}
			if j.Attempts >= store.MaxAttempts {
				parked = append(parked, j.Seq)
				return nil
			}
			if err := json.Unmarshal([]byte(doc), &j.Doc); err != nil {
				return fmt.Errorf("job %d: %w", j.Seq, err)
			}
			j.Attempts++
			l.Jobs = append(l.Jobs, j)
			return nil
		}, `SELECT seq, doc, attempts FROM queue WHERE state IN ('pending', 'leased')
			AND (state = 'pending' OR lease_until < `+s.d.nowMS()+`) ORDER BY seq LIMIT ?`+skip, n)
		if err != nil {
			return err
		}
		if len(parked) > 0 {
			err := q.Exec(ctx, `UPDATE queue SET state = 'failed', lease_token = '', error = CASE WHEN error = '' THEN ? ELSE error END
				WHERE seq IN (`+placeholders(len(parked))+`)`,
				append([]any{fmt.Sprintf("claimed %d times without completing (did the worker die on it?)", store.MaxAttempts)}, parked...)...)
			if err != nil {
				return err
			}
		}
		if len(l.Jobs) == 0 {
			return nil
		}
		// A lease is a run of consecutive open jobs: one held by another
		// worker (or locked by another claim) in between would make the
		// two wait for each other in Complete. Cut the lease there.
		first, last := l.Jobs[0].Seq, l.Jobs[len(l.Jobs)-1].Seq
		mine := 0
		err = queryAll(ctx, q, func(r Rows) error {
			var seq int64
			if err := r.Scan(&seq); err != nil {
				return err
			}
			if mine < len(l.Jobs) && l.Jobs[mine].Seq == seq {
				mine++
			} else if mine < len(l.Jobs) {
				l.Jobs = l.Jobs[:mine]
			}
			return nil
		}, `SELECT seq FROM queue WHERE state IN ('pending', 'leased') AND seq >= ? AND seq <= ? ORDER BY seq`, first, last)
		if err != nil {
			return err
		}
		return q.Exec(ctx, `UPDATE queue SET state = 'leased', lease_token = ?, attempts = attempts + 1, lease_until = `+
			s.d.nowMS()+` + ? WHERE seq IN (`+placeholders(len(l.Jobs))+`)`,
			append([]any{l.Token, d.Milliseconds()}, jobSeqs(l.Jobs)...)...)
	})
	if err != nil {
		return store.Lease{}, fmt.Errorf("claim jobs: %w", err)
	}
	return l, nil
}

func jobSeqs(jobs []store.Job) []any {
	seqs := make([]any, len(jobs))
	for i, j := range jobs {
		seqs[i] = j.Seq
	}
	return seqs
}

// Extend renews the lease for d from now.
func (s *Store) Extend(ctx context.Context, l store.Lease, d time.Duration) error {
	n := 0
	err := queryAll(ctx, s.q, func(r Rows) error { n++; var x int64; return r.Scan(&x) },
		`UPDATE queue SET lease_until = `+s.d.nowMS()+` + ? WHERE lease_token = ? AND state = 'leased' RETURNING seq`,
		d.Milliseconds(), l.Token)
	if err != nil {
		return fmt.Errorf("extend lease: %w", err)
	}
	if n < len(l.Jobs) {
		return fmt.Errorf("extend lease: %d of %d jobs: %w", len(l.Jobs)-n, len(l.Jobs), store.ErrLeaseLost)
	}
	return nil
}

// Complete stores the items of the lease and closes its jobs, in one
// transaction.
func (s *Store) Complete(ctx context.Context, l store.Lease, items []store.Item, failed map[int64]string) (store.BatchResult, error) {
	if len(l.Jobs) == 0 {
		return store.BatchResult{}, nil
	}
	first := slices.MinFunc(l.Jobs, func(a, b store.Job) int { return int(a.Seq - b.Seq) }).Seq
	check := func(q Querier) error {
		var held int
		err := queryRow(ctx, q, []any{&held}, `SELECT COUNT(*) FROM queue WHERE lease_token = ? AND state = 'leased'`, l.Token)
		if err != nil {
			return err
		}
		if held < len(l.Jobs) {
			return fmt.Errorf("%d of %d jobs: %w", len(l.Jobs)-held, len(l.Jobs), store.ErrLeaseLost)
		}
		var open, claimable int
		err = queryRow(ctx, q, []any{&open, &claimable}, `SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN state = 'pending' OR lease_until < `+s.d.nowMS()+` THEN 1 ELSE 0 END), 0)
			FROM queue WHERE state IN ('pending', 'leased') AND seq < ?`, first)
		switch {
		case err != nil:
			return err
		case claimable > 0:
			return fmt.Errorf("%d jobs before job %d: %w", claimable, first, store.ErrOlderClaimable)
		case open > 0:
			return fmt.Errorf("%d jobs before job %d: %w", open, first, store.ErrNotYourTurn)
		}
		return nil
	}
	// Checked before the items are written too, so that a worker waiting
	// for its turn does not write the batch each time it asks.
	if err := check(s.q); err != nil {
		return store.BatchResult{}, fmt.Errorf("complete: %w", err)
	}
	res, err := s.saveBatch(ctx, items, func(q Querier, _ *store.BatchResult) error {
		// Locks the lease's rows: a claim of expired jobs waits for
		// this commit and then finds them done.
		if err := q.Exec(ctx, `SELECT seq FROM queue WHERE lease_token = ?`+s.forUpdate(), l.Token); err != nil {
			return err
		}
		if err := check(q); err != nil {
			return err
		}
		var done []any
		for _, j := range l.Jobs {
			if why, bad := failed[j.Seq]; bad {
				if err := q.Exec(ctx, `UPDATE queue SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END,
					lease_token = '', error = ? WHERE seq = ?`, store.MaxAttempts, why, j.Seq); err != nil {
					return err
				}
				continue
			}
			done = append(done, j.Seq)
		}
		if len(done) == 0 {
			return nil
		}
		return q.Exec(ctx, `UPDATE queue SET state = 'done', lease_token = '', error = '' WHERE seq IN (`+placeholders(len(done))+`)`, done...)
	})
	if err != nil {
		return store.BatchResult{}, fmt.Errorf("complete: %w", err)
	}
	return res, nil
}

func (s *Store) forUpdate() string {
	if s.d == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// Release gives the lease's jobs back as pending.
func (s *Store) Release(ctx context.Context, l store.Lease) error {
	err := s.q.Exec(ctx, `UPDATE queue SET state = 'pending', lease_token = '', attempts = attempts - 1
		WHERE lease_token = ? AND state = 'leased'`, l.Token)
	if err != nil {
		return fmt.Errorf("release lease: %w", err)
	}
	return nil
}

// QueueCounts counts the jobs by state.
func (s *Store) QueueCounts(ctx context.Context) (store.QueueCounts, error) {
	var c store.QueueCounts
	if s.schema < knowledgeSchema {
		return c, nil
	}
	err := queryAll(ctx, s.q, func(r Rows) error {
		var state string
		var n int
		if err := r.Scan(&state, &n); err != nil {
			return err
		}
		switch state {
		case "pending":
			c.Pending = n
		case "leased":
			c.Leased = n
		case "done":
			c.Done = n
		case "failed":
			c.Failed = n
		}
		return nil
	}, `SELECT state, COUNT(*) FROM queue GROUP BY state`)
	if err != nil {
		return c, fmt.Errorf("queue counts: %w", err)
	}
	return c, nil
}

// FailedJobs lists the parked jobs with their errors, oldest first.
func (s *Store) FailedJobs(ctx context.Context, limit int) ([]store.FailedJob, error) {
	return collect(ctx, s.q, func(r Rows) (store.FailedJob, error) {
		var f store.FailedJob
		var doc string
		err := r.Scan(&f.Seq, &doc, &f.Error)
		if err == nil {
			var d marsad.Document
			if json.Unmarshal([]byte(doc), &d) == nil {
				f.DocID = d.ID
			}
		}
		return f, err
	}, `SELECT seq, doc, error FROM queue WHERE state = 'failed' ORDER BY seq LIMIT ?`, limit)
}

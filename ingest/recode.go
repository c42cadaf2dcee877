package ingest

import (
	"context"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// RecodeOptions control a recode run.
type RecodeOptions struct {
	Where      store.RecodeWhere // which documents (zero: all)
	Workers    int
	BatchSize  int // documents per transaction (default 200)
	DocTimeout time.Duration
	Progress   func(RecodeProgress)
}

// RecodeProgress is the running count of a recode.
type RecodeProgress struct {
	Documents, Failed, Events int
	Elapsed                   time.Duration
}

// Recode codes stored documents again with c, whose knowledge is version,
// and replaces their events, one transaction per batch. It takes the
// documents coded with another version, so a run that is interrupted
// (ctx cancelled, or killed) is resumed by running it again. A document
// that fails to code keeps its events and is counted as Failed.
func Recode(ctx context.Context, st store.Recoder, c Coder, version string, opt RecodeOptions) (RecodeProgress, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 200
	}
	if opt.DocTimeout == 0 {
		opt.DocTimeout = DefaultDocTimeout
	}
	start := time.Now()
	var p RecodeProgress
	var after int64
	for ctx.Err() == nil {
		docs, err := st.ToRecode(ctx, version, opt.Where, after, opt.BatchSize)
		if err != nil || len(docs) == 0 {
			p.Elapsed = time.Since(start)
			return p, err
		}
		after = docs[len(docs)-1].Seq
		items, bad := codeAll(ctx, c, docDocs(docs), opt.Workers, opt.DocTimeout, version)
		if ctx.Err() != nil {
			break
		}
		var keep []store.Item
		for i, it := range items {
			if _, failed := bad[i]; !failed {
				keep = append(keep, it)
			}
		}
		prep.Items(keep)
		n, err := st.ReplaceEvents(ctx, keep)
		if err != nil {
			return p, err
		}
		p.Documents += len(keep)
		p.Failed += len(bad)
		p.Events += n
		p.Elapsed = time.Since(start)
		if opt.Progress != nil {
			opt.Progress(p)
		}
	}
	p.Elapsed = time.Since(start)
	return p, ctx.Err()
}

func docDocs(docs []store.RecodeDoc) []marsad.Document {
	out := make([]marsad.Document, len(docs))
	for i, d := range docs {
		out[i] = d.Doc
	}
	return out
}

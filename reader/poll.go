package reader

import (
	"bytes"
	"context"
	"fmt"

	marsad "github.com/marsad/marsad"
)

// FeedPoll is what one PollFeed found.
type FeedPoll struct {
	// NotModified is true when the server answered 304 to the
	// conditional GET: no documents.
	NotModified bool
	// ETag and LastModified are the validators to send next time: the
	// response's (after a 304 without them, the ones sent).
	ETag, LastModified string
	Docs               []marsad.Document
	Rejects            []*Reject // feed items that could not be read
}

// PollFeed fetches an RSS, Atom or JSON feed as Open does a URL (through
// the guard, with Options' timeout and size limit), but conditionally:
// etag and lastModified, from the previous poll, are sent as If-None-Match
// and If-Modified-Since, and a 304 gives NotModified. The error is for a
// feed that could not be fetched or read at all (a *Reject).
func PollFeed(ctx context.Context, url, etag, lastModified string, opts Options) (FeedPoll, error) {
	if opts.Format == "" {
		opts.Format = "feed"
	}
	if err := opts.check(); err != nil {
		return FeedPoll{}, err
	}
	if !isURL(url) {
		return FeedPoll{}, fmt.Errorf("feed %q is not an http(s) URL", url)
	}
	got, err := get(ctx, url, opts, etag, lastModified)
	if err != nil {
		return FeedPoll{}, &Reject{Source: url, Reason: err.Error()}
	}
	p := FeedPoll{NotModified: got.notModified, ETag: got.etag, LastModified: got.lastModified}
	if p.NotModified {
		if p.ETag == "" {
			p.ETag = etag
		}
		if p.LastModified == "" {
			p.LastModified = lastModified
		}
		return p, nil
	}
	for item := range items(bytes.NewReader(got.data), url, opts) {
		if item.Err == nil {
			p.Docs = append(p.Docs, item.Doc)
			continue
		}
		r, ok := item.Err.(*Reject)
		if !ok {
			r = &Reject{Source: url, Reason: item.Err.Error()}
		}
		if r.Record == 0 && len(p.Docs) == 0 {
			return FeedPoll{}, r // the whole feed: malformed, empty, not a feed
		}
		p.Rejects = append(p.Rejects, r)
	}
	return p, nil
}

package reader

import (
	"bytes"
	"context"
	"errors"
	"io"
	"iter"
	"net/http"

	marsad "github.com/marsad/marsad"
)

// fetch reads an http(s) URL (a feed, usually) with a timeout and a size
// limit, from public addresses only unless Options.AllowPrivate (see
// ErrPrivateAddress). The format comes from the content, not the URL, because feed URLs
// rarely end in .xml.
func fetch(url string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		reject := func(format string, args ...any) {
			src := &source{name: url}
			yield(src.reject(0, 0, format, args...))
		}
		timeout := opts.Timeout
		if timeout == 0 {
			timeout = DefaultTimeout
		}
		g := guard{allowPrivate: opts.AllowPrivate, trusted: opts.trusted}
		client := opts.Client
		if client == nil {
			client = g.client(timeout)
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			reject("bad URL: %v", err)
			return
		}
		if err := g.checkURLHost(req.URL.Hostname(), portOf(req)); err != nil {
			reject("%v", err)
			return
		}
		req.Header.Set("User-Agent", "marsad/"+marsad.CoderVersion)
		resp, err := client.Do(req)
		if errors.Is(err, ErrPrivateAddress) {
			reject("%v", errors.Unwrap(err)) // the redirect or address refused, without Go's "Get URL:" prefix
			return
		}
		if err != nil {
			reject("fetch failed: %v", err)
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			reject("fetch failed: HTTP %s", resp.Status)
			return
		}
		limit := opts.maxFetch()
		data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
		if err != nil {
			reject("fetch failed: %v", err)
			return
		}
		if int64(len(data)) > limit {
			reject("too large (more than %d bytes)", limit)
			return
		}
		if opts.Format == "" {
			opts.Format = sniffFormat(data[:min(len(data), sniffSize)])
		}
		for item := range items(bytes.NewReader(data), url, opts) {
			if !yield(item) {
				return
			}
		}
	}
}

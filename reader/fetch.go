package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
		got, err := get(context.Background(), url, opts, "", "")
		if err != nil {
			src := &source{name: url}
			yield(src.reject(0, 0, "%v", err))
			return
		}
		if opts.Format == "" {
			opts.Format = sniffFormat(got.data[:min(len(got.data), sniffSize)])
		}
		for item := range items(bytes.NewReader(got.data), url, opts) {
			if !yield(item) {
				return
			}
		}
	}
}

// response is what one GET returned.
type response struct {
	data         []byte
	notModified  bool // 304: the conditional GET found nothing new
	etag         string
	lastModified string
}

// get fetches url through the guard with Options' timeout and size limit.
// A non-empty etag or lastModified makes it a conditional GET
// (If-None-Match, If-Modified-Since). Its errors read as Reject reasons.
func get(ctx context.Context, url string, opts Options, etag, lastModified string) (response, error) {
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	g := guard{allowPrivate: opts.AllowPrivate, trusted: opts.trusted}
	client := opts.Client
	if client == nil {
		client = g.client(timeout)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return response{}, fmt.Errorf("bad URL: %v", err)
	}
	if err := g.checkURLHost(req.URL.Hostname(), portOf(req)); err != nil {
		return response{}, err
	}
	req.Header.Set("User-Agent", "marsad/"+marsad.CoderVersion)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := client.Do(req)
	if errors.Is(err, ErrPrivateAddress) {
		return response{}, errors.Unwrap(err) // the redirect or address refused, without Go's "Get URL:" prefix
	}
	if err != nil {
		return response{}, fmt.Errorf("fetch failed: %v", err)
	}
	defer resp.Body.Close()
	got := response{etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified && (etag != "" || lastModified != "") {
		got.notModified = true
		return got, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return response{}, fmt.Errorf("fetch failed: HTTP %s", resp.Status)
	}
	limit := opts.maxFetch()
	got.data, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return response{}, fmt.Errorf("fetch failed: %v", err)
	}
	if int64(len(got.data)) > limit {
		return response{}, fmt.Errorf("too large (more than %d bytes)", limit)
	}
	return got, nil
}

package reader

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	marsad "github.com/marsad/marsad"
)

// readFeed reads an RSS, Atom or JSON feed: one Document per item.
func readFeed(src *source, yield func(Item) bool) {
	data, ok := src.slurp(src.opts.maxFetch(), "feed", yield)
	if !ok {
		return
	}
	feed, err := parseFeed(data)
	if err != nil {
		yield(src.reject(0, 0, "malformed feed: %v", err))
		return
	}
	if len(feed.Items) == 0 {
		yield(src.reject(0, 0, "empty (feed has no items)"))
		return
	}
	for i, it := range feed.Items {
		if i == src.opts.maxItems() {
			yield(src.reject(0, i+1, "feed has %d items, limit %d: the rest skipped", len(feed.Items), i))
			return
		}
		if it == nil {
			continue
		}
		if !yield(src.finish(docFromFeedItem(feed, it), 0, i+1)) {
			return
		}
	}
}

// parseFeed runs gofeed, turning a crash of the parser on hostile input
// into an error so that one bad feed cannot stop a run.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("parser failed: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

func docFromFeedItem(feed *gofeed.Feed, it *gofeed.Item) marsad.Document {
	doc := marsad.Document{
		ID:     it.GUID,
		Title:  plain(it.Title),
		URL:    it.Link,
		Source: plain(feed.Title),
		Meta:   map[string]any{},
	}
	if doc.ID == "" {
		doc.ID = it.Link
	}
	// Content is the full article when a feed has it; description is often
	// a teaser.
	doc.Text = extractHTML([]byte(it.Content)).text
	if strings.TrimSpace(doc.Text) == "" {
		doc.Text = extractHTML([]byte(it.Description)).text
	}
	doc.Date = feedDate(it.Published, it.PublishedParsed)
	if doc.Date == "" {
		doc.Date = feedDate(it.Updated, it.UpdatedParsed)
	}
	if doc.Date == "" && it.Published != "" {
		doc.Meta["date"] = it.Published
	}
	if len(it.Categories) > 0 {
		doc.Meta["categories"] = it.Categories
	}
	var authors []string
	for _, a := range it.Authors {
		if a != nil && a.Name != "" {
			authors = append(authors, a.Name)
		}
	}
	if len(authors) > 0 {
		doc.Meta["authors"] = authors
	}
	if feed.Link != "" {
		doc.Meta["feed_link"] = feed.Link
	}
	return doc
}

// feedDate is the day as the feed wrote it (gofeed's parsed time is in
// UTC, which can move a late-evening item to the next day).
func feedDate(raw string, parsed *time.Time) string {
	if d, ok := normDate(raw); ok {
		return d
	}
	if parsed != nil {
		return parsed.Format("2006-01-02")
	}
	return ""
}

// plain returns a feed string field without markup or entities.
func plain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	return collapse(extractHTML([]byte(s)).text)
}

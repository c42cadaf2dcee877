package reader

import (
	"io"
	"strings"
	"testing"
)

// counted serves head, then size bytes of fill, then tail, and counts what
// was read of it.
type counted struct {
	io.Reader
	read int64
}

func hugeRecord(head, fill, tail string, size int) *counted {
	body := io.LimitReader(repeatReader(fill), int64(size))
	return &counted{Reader: io.MultiReader(strings.NewReader(head), body, strings.NewReader(tail))}
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	c.read += int64(n)
	return n, err
}

type repeatReader string

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r[i%len(r)]
	}
	return len(p) - len(p)%len(r), nil
}

// A CSV field or a JSON array element larger than the text limit allows is
// refused while it is read: the reader stops a little after the limit
// instead of holding the whole record in memory first.
func TestHugeRecordsAreRefusedWhileReading(t *testing.T) {
	const size = 64 << 20
	for name, src := range map[string]*counted{
		"field.csv":    hugeRecord("id,text\n1,\"", "خبر ", "\"\n", size),
		"element.json": hugeRecord(`[{"id":"1","text":"`, "خبر ", `"}]`, size),
	} {
		it, err := Read(src, name, Options{MaxText: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var reasons []string
		for item := range it.All() {
			if item.Err != nil {
				reasons = append(reasons, item.Err.(*Reject).Reason)
			}
		}
		if len(reasons) != 1 || !strings.HasPrefix(reasons[0], "too large (record longer than") {
			t.Errorf("%s: rejects %q, want one: too large", name, reasons)
		}
		if src.read > 2<<20 {
			t.Errorf("%s: read %d MB of a 64 MB record before refusing it", name, src.read>>20)
		}
	}
}

// A feed with more items than Options.MaxItems gives the first ones and a
// reject that says how many were skipped.
func TestFeedItemsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
	for i := 0; i < 5; i++ {
		b.WriteString(`<item><guid>` + string(rune('a'+i)) + `</guid><description>قتل جنديان في هجوم</description></item>`)
	}
	b.WriteString(`</channel></rss>`)
	it, err := Read(strings.NewReader(b.String()), "feed.rss", Options{MaxItems: 2})
	if err != nil {
		t.Fatal(err)
	}
	var ids, reasons []string
	for item := range it.All() {
		if item.Err != nil {
			reasons = append(reasons, item.Err.(*Reject).Reason)
		} else {
			ids = append(ids, item.Doc.ID)
		}
	}
	if strings.Join(ids, ",") != "a,b" || len(reasons) != 1 || reasons[0] != "feed has 5 items, limit 2: the rest skipped" {
		t.Errorf("documents %v, rejects %q", ids, reasons)
	}
}

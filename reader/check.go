package reader

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// finish checks a Document's text and fills Hash, ID and Date, or rejects
// it.
func (s *source) finish(doc marsad.Document, line, record int) Item {
	if reason := checkText(doc.Text, s.opts.maxText()); reason != "" {
		return s.reject(line, record, "%s", reason)
	}
	sum := sha256.Sum256([]byte(doc.Text))
	doc.Hash = hex.EncodeToString(sum[:])
	doc.ID = strings.TrimSpace(doc.ID)
	if doc.ID == "" {
		// Stable across runs and machines, so re-ingesting is idempotent.
		doc.ID = "sha256-" + doc.Hash[:16]
	}
	if doc.Date == "" {
		doc.Date = s.opts.Date
	}
	if len(doc.Meta) == 0 {
		doc.Meta = nil
	}
	return Item{Doc: doc}
}

// checkText says why text cannot be coded, or "".
func checkText(text string, maxText int) string {
	if strings.TrimSpace(text) == "" {
		return "empty"
	}
	if len(text) > maxText {
		return fmt.Sprintf("too large (%d bytes of text, limit %d)", len(text), maxText)
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Sprintf("binary content (NUL byte at byte %d of the text)", i)
	}
	if at := invalidUTF8([]byte(text)); at >= 0 {
		return fmt.Sprintf("invalid UTF-8 at byte %d of the text", at)
	}
	return ""
}

// dateLayouts are tried, in order, on dates that are not ISO 8601.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850, time.RFC822Z, time.RFC822, time.ANSIC, time.UnixDate,
	"2006/01/02", "2006/1/2", "2006.01.02", "02/01/2006", "2/1/2006", "02-01-2006", "02.01.2006",
	"2 Jan 2006", "02 Jan 2006", "2 January 2006", "January 2, 2006", "Jan 2, 2006",
	"2006-01-02 15:04", "2006-1-2",
}

// normDate returns the calendar date of raw as YYYY-MM-DD, as written (a
// time zone never shifts the day), and false when raw is not a date.
// Numeric dd/mm/yyyy is read day first, as Arabic media write it.
func normDate(raw string) (string, bool) {
	s := strings.TrimSpace(arabic.FoldDigits(raw))
	if s == "" {
		return "", false
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' && (len(s) == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't') {
		if _, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return s[:10], true
		}
		return "", false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

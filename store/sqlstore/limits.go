package sqlstore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// What a store keeps of one document is bounded the same way on both
// databases, so that a record PostgreSQL cannot hold (a NUL in a string, a
// key too long for a btree index, an index text too long for a tsvector)
// is made storable by rule, or rejected with its reason, instead of
// failing the batch it is in.
const (
	// MaxKey is the most bytes kept of an indexed string (document id,
	// source, an event's normalised actor and place texts, its cluster
	// key): a longer one keeps its first bytes and the hash of the whole,
	// so that two long keys stay distinct. PostgreSQL's btree limit is
	// about 2.7 KB.
	MaxKey = 512
	// MaxIndexText is the most bytes of a document's full-text index text
	// (store.Keys.IndexText): the words after it are not searchable.
	// PostgreSQL refuses a tsvector of 1 MB of lexemes and positions,
	// which this leaves room for even with one-letter words.
	MaxIndexText = 256 << 10
)

// ErrUnstorable marks (wrapped) an error about one record that the
// database cannot hold; SaveBatch rejects that record and saves the rest.
// The PostgreSQL store wraps data exceptions and program limits with it.
var ErrUnstorable = errors.New("the store cannot hold this record")

// storable returns doc as the store keeps it: NULs dropped and invalid
// UTF-8 replaced in the short fields, long keys capped. A text the store
// cannot keep as is (offsets point into it) is a reason to reject the
// document, returned as reject.
func storable(doc marsad.Document) (_ marsad.Document, reject string) {
	if i := strings.IndexByte(doc.Text, 0); i >= 0 {
		return doc, fmt.Sprintf("NUL byte at byte %d of the text", i)
	}
	if !utf8.ValidString(doc.Text) {
		return doc, "invalid UTF-8 in the text"
	}
	doc.ID = capKey(cleanField(doc.ID))
	doc.Source = capKey(cleanField(doc.Source))
	doc.Title = cleanField(doc.Title)
	doc.Date = cleanField(doc.Date)
	doc.URL = cleanField(doc.URL)
	return doc, ""
}

// storableKeys caps the indexed keys of an event.
func storableKeys(k store.EventKeys) store.EventKeys {
	k.Cluster, k.Source, k.Target, k.Place = capKey(k.Cluster), capKey(k.Source), capKey(k.Target), capKey(k.Place)
	return k
}

// cleanField drops NUL bytes (PostgreSQL text cannot hold them) and
// replaces invalid UTF-8.
func cleanField(s string) string {
	return strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\uFFFD")
}

// capKey keeps s when it fits MaxKey, else its first bytes (whole runes)
// and "~" and 16 hex digits of the hash of all of it.
func capKey(s string) string {
	if len(s) <= MaxKey {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return cutUTF8(s, MaxKey-17) + "~" + hex.EncodeToString(sum[:8])
}

// capIndexText cuts index text after the last whole word that fits
// MaxIndexText.
func capIndexText(s string) string {
	if len(s) <= MaxIndexText {
		return s
	}
	s = cutUTF8(s, MaxIndexText)
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return s
}

// cutUTF8 is the longest prefix of s of at most n bytes that ends on a
// rune boundary.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

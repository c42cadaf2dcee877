package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Directional isolates: a cell between FSI and PDI takes its direction
// from its own first strong letter and cannot reorder its neighbours, so
// adjacent Arabic cells keep their column order in a bidi-aware terminal.
const (
	fsi = "\u2068"
	pdi = "\u2069"
)

// writeTable writes rows under header in columns two spaces apart, each
// cell made safe for a terminal (termSafe), wrapped in isolates and padded
// by its width on screen (cellWidth).
func writeTable(w io.Writer, header []string, rows [][]string) error {
	all := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	for _, r := range all {
		for i, c := range r {
			r[i] = termSafe(c)
			widths[i] = max(widths[i], cellWidth(r[i]))
		}
	}
	var b strings.Builder
	for _, r := range all {
		for i, c := range r {
			b.WriteString(fsi + c + pdi)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cellWidth is how many columns s takes on a terminal: one per grapheme,
// so combining marks (Arabic diacritics), format characters and isolates
// take none, and East Asian wide characters take two.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case width.LookupRune(r).Kind() == width.EastAsianWide || width.LookupRune(r).Kind() == width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// termSafe shows the characters of untrusted text (article text, document
// ids from feeds and JSONL) that would act on a terminal instead of being
// printed: C0 and C1 controls (an escape sequence), DEL, line and
// paragraph separators, and the bidi embeddings, overrides and isolates
// that could break out of a cell's isolate. They are written escaped
// (\x1b, \u202e).
func termSafe(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// cut shortens s to n columns for a table cell, keeping each letter with
// its combining marks; an ellipsis marks the cut.
func cut(s string, n int) string {
	s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	if cellWidth(s) <= n {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > n-1 {
			break
		}
		w += rw
		b.WriteRune(r)
	}
	return b.String() + "…"
}

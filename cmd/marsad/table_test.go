package main

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// A row of adjacent Arabic cells keeps its column order when a bidi
// algorithm lays it out: each cell is isolated, so the visual runs come
// in the logical order of the columns (without isolates, مصراتة and
// طرابلس would form one right-to-left run and swap places).
func TestTableCellsKeepTheirColumnOrderInABidiLayout(t *testing.T) {
	var b strings.Builder
	cells := []string{"2019-10-25", "مصراتة", "طرابلس", "RETREAT"}
	if err := writeTable(&b, []string{"DATE", "SOURCE", "PLACE", "TYPE"}, [][]string{append([]string{}, cells...)}); err != nil {
		t.Fatal(err)
	}
	row := strings.Split(b.String(), "\n")[1]
	var p bidi.Paragraph
	if _, err := p.SetString(row, bidi.DefaultDirection(bidi.LeftToRight)); err != nil {
		t.Fatal(err)
	}
	o, err := p.Order()
	if err != nil {
		t.Fatal(err)
	}
	var visual []string
	for i := 0; i < o.NumRuns(); i++ {
		// Inside a right-to-left run, what comes first in the text is
		// shown last.
		run := o.Run(i)
		var in []string
		for _, c := range cells {
			if strings.Contains(run.String(), c) {
				in = append(in, c)
			}
		}
		sort.Slice(in, func(a, b int) bool { return strings.Index(run.String(), in[a]) < strings.Index(run.String(), in[b]) })
		if run.Direction() == bidi.RightToLeft {
			slices.Reverse(in)
		}
		visual = append(visual, in...)
	}
	if strings.Join(visual, "|") != strings.Join(cells, "|") {
		t.Errorf("visual order %q, want the column order %q", visual, cells)
	}
}

// Diacritics take no column: a vowelled word is as wide as its letters.
func TestCellWidthCountsLettersNotMarks(t *testing.T) {
	for s, want := range map[string]int{"مُقَاتِلُو": 6, "مقاتلو": 6, "\u2068x\u2069": 1, "日本": 4, "abc": 3} {
		if got := cellWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, want %d", s, got, want)
		}
	}
	var b strings.Builder
	writeTable(&b, []string{"A", "B"}, [][]string{{"مُقَاتِلُو", "x"}, {"مقاتلو", "y"}})
	lines := strings.Split(b.String(), "\n")
	if cellWidth(strings.TrimSuffix(lines[1], "x")) != cellWidth(strings.TrimSuffix(lines[2], "y")) {
		t.Errorf("rows misaligned:\n%s", b.String())
	}
}

// Untrusted text cannot drive the terminal: an escape sequence in a
// document id is shown, not obeyed.
func TestTermSafeEscapesControls(t *testing.T) {
	for in, want := range map[string]string{
		"doc\x1b]0;pwned\x07": `doc\x1b]0;pwned\x07`,
		"a\u202eb":            `a\u202eb`,
		"x\u2069y":            `x\u2069y`,
		"\u009b31m":           `\x9b31m`,
		"مصراتة\u200cمصراتة":  "مصراتة\u200cمصراتة",
	} {
		if got := termSafe(in); got != want {
			t.Errorf("termSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

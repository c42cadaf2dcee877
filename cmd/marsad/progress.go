package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// progressPrinter shows a long job's progress on stderr: a bar redrawn in
// place on a terminal, plain lines every few seconds otherwise (logs, CI).
type progressPrinter struct {
	w        io.Writer
	tty      bool
	total    int // expected records, 0 when unknown
	last     time.Time
	lastSeen int
	every    time.Duration
	unit     string // what is counted: "docs" unless set
}

func newProgress(w io.Writer, total int) *progressPrinter {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &progressPrinter{w: w, tty: tty, total: total, every: 2 * time.Second, unit: "docs"}
}

// update prints seen/total with a free-form tail; done forces a final line.
func (p *progressPrinter) update(seen int, tail string, elapsed time.Duration, done bool) {
	now := time.Now()
	if done && !p.tty && seen == p.lastSeen && !p.last.IsZero() {
		return // the last plain line already says it
	}
	if !done && now.Sub(p.last) < p.every/10 && p.tty {
		return
	}
	if !done && !p.tty && now.Sub(p.last) < p.every {
		return
	}
	p.last, p.lastSeen = now, seen
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(seen) / s
	}
	if p.tty {
		bar := ""
		if p.total > 0 {
			const width = 30
			n := seen * width / p.total
			if n > width {
				n = width
			}
			bar = fmt.Sprintf("[%s%s] %3d%% ", strings.Repeat("█", n), strings.Repeat("·", width-n), min(100, seen*100/p.total))
		}
		fmt.Fprintf(p.w, "\r\033[K%s%d %s %s (%.0f/s)", bar, seen, p.unit, tail, rate)
		if done {
			fmt.Fprintln(p.w)
		}
		return
	}
	of := ""
	if p.total > 0 {
		of = fmt.Sprintf(" of %d", p.total)
	}
	fmt.Fprintf(p.w, "progress: %d%s docs, %s, %.1f s (%.0f docs/s)\n", seen, of, tail, elapsed.Seconds(), rate)
}

// countRecords estimates how many records the inputs hold, for the bar:
// lines of JSONL files, one per text or HTML file; 0 when unknown.
func countRecords(paths []string) int {
	total := 0
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || st.IsDir() {
			return 0
		}
		switch {
		case strings.HasSuffix(p, ".jsonl"), strings.HasSuffix(p, ".ndjson"):
			n, err := countLines(p)
			if err != nil {
				return 0
			}
			total += n
		case strings.HasSuffix(p, ".txt"), strings.HasSuffix(p, ".html"), strings.HasSuffix(p, ".htm"):
			total++
		default:
			return 0
		}
	}
	return total
}

// countLines counts the non-empty lines of a file without holding it in
// memory.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	buf := make([]byte, 1<<16)
	n, last := 0, byte('\n')
	for {
		k, err := f.Read(buf)
		for _, c := range buf[:k] {
			if c == '\n' && last != '\n' {
				n++
			}
			last = c
		}
		if err == io.EOF {
			if last != '\n' {
				n++
			}
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// tick shows a long job's progress on a terminal only (stderr stays quiet
// in logs and pipes): every quarter second it redraws count() of total
// units with what tail() says, until stop is called, which draws the last line.
func tick(w io.Writer, total int, unit string, count func() int, tail func() string) (stop func()) {
	p := newProgress(w, total)
	p.unit = unit
	if !p.tty {
		return func() {}
	}
	start := time.Now()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				p.update(count(), tail(), time.Since(start), true)
				return
			case <-t.C:
				p.update(count(), tail(), time.Since(start), false)
			}
		}
	}()
	return func() { close(done); <-finished }
}

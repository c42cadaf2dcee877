// Command hostile measures what hostile inputs cost a Marsad run: it
// generates each shape below at the sizes asked (1, 4 and 16 MB by
// default), runs `marsad ingest` on each into a fresh SQLite store with the
// default limits, and prints the wall and CPU time, the peak resident
// memory of the process and what the run did with the input.
//
//	go build -o /tmp/marsad ./cmd/marsad
//	go run ./tools/hostile -marsad /tmp/marsad            # all shapes, 1 4 16 MB
//	go run ./tools/hostile -marsad /tmp/marsad -sizes 1 -shapes amp,csv-field
//
// The shapes are those that once stopped, stalled or exhausted a run: one
// line of words without a sentence stop, one "word" without a space, many
// one-character lines, one huge CSV field, one huge JSON array element,
// lines of invalid JSON (each a reject message), copies of one article,
// "&" runs (the date resolver's worst case) and a feed item of "&amp;".
// It is a benchmark, not a test: figures depend on the machine and its
// load. docs/reliability.md keeps the last table.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// article is one real-looking news paragraph, repeated to fill sizes.
const article = `قتل ثلاثة جنود وأصيب خمسة آخرون في هجوم انتحاري استهدف دورية للجيش العراقي قرب مدينة الموصل يوم الجمعة، ` +
	`وقال مصدر أمني إن تنظيم داعش تبنى الهجوم. `

// shape writes about n bytes of one hostile input to w and names its file.
type shape struct {
	name, file string
	write      func(w *bufio.Writer, n int)
}

var shapes = []shape{
	{"one-line", "one-line.txt", func(w *bufio.Writer, n int) { // words, no sentence stop, no newline
		fill(w, n, strings.NewReplacer("،", "", ".", "").Replace(article))
	}},
	{"one-word", "one-word.txt", func(w *bufio.Writer, n int) { fill(w, n, "ب") }},
	{"short-lines", "short-lines.txt", func(w *bufio.Writer, n int) { fill(w, n, "ق\n") }},
	{"csv-field", "field.csv", func(w *bufio.Writer, n int) {
		w.WriteString("id,text\n1,\"")
		fill(w, n, "خبر ")
		w.WriteString("\"\n2,قتل ثلاثة جنود في بغداد\n")
	}},
	{"json-element", "element.json", func(w *bufio.Writer, n int) {
		w.WriteString(`[{"id":"1","text":"`)
		fill(w, n, "خبر ")
		w.WriteString(`"},{"id":"2","text":"قتل ثلاثة جنود في بغداد"}]`)
	}},
	{"bad-lines", "bad.jsonl", func(w *bufio.Writer, n int) { fill(w, n, "{not json\n") }},
	{"duplicates", "copies.jsonl", func(w *bufio.Writer, n int) {
		line, _ := json.Marshal(map[string]string{"text": article + article + article})
		fill(w, n, string(line)+"\n")
	}},
	{"amp", "amp.txt", func(w *bufio.Writer, n int) { fill(w, n, "&") }},
	{"feed-amp", "amp.rss", func(w *bufio.Writer, n int) {
		w.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>1</guid><description>`)
		fill(w, n, "&amp;amp;")
		w.WriteString(`</description></item></channel></rss>`)
	}},
}

// fill writes unit as often as fits in n bytes, so that a 1 MB shape is
// just within the default text limit (1 MiB) and gets coded.
func fill(w *bufio.Writer, n int, unit string) {
	for written := len(unit); written <= n; written += len(unit) {
		w.WriteString(unit)
	}
}

func main() {
	bin := flag.String("marsad", "marsad", "the marsad binary to measure")
	sizes := flag.String("sizes", "1,4,16", "input sizes in MB, comma-separated")
	only := flag.String("shapes", "", "comma-separated shapes to run (default: all)")
	dir := flag.String("dir", "", "folder for the inputs and stores (default: a temporary one, removed after)")
	flag.Parse()
	work := *dir
	if work == "" {
		d, err := os.MkdirTemp("", "marsad-hostile")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(d)
		work = d
	}
	fmt.Println("| shape | MB | wall s | CPU s | peak MB | CPU s per MB | result |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---|")
	for _, sh := range shapes {
		if *only != "" && !contains(strings.Split(*only, ","), sh.name) {
			continue
		}
		for _, s := range strings.Split(*sizes, ",") {
			mb, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || mb <= 0 {
				fail(fmt.Errorf("bad size %q", s))
			}
			in := filepath.Join(work, fmt.Sprintf("%d-%s", mb, sh.file))
			if err := generate(in, sh, mb<<20); err != nil {
				fail(err)
			}
			secs, cpu, peak, result := run(*bin, in, filepath.Join(work, fmt.Sprintf("%d-%s.db", mb, sh.name)))
			fmt.Printf("| %s | %d | %.1f | %.1f | %.0f | %.2f | %s |\n", sh.name, mb, secs, cpu, peak, cpu/float64(mb), result)
			os.Remove(in)
		}
	}
}

func generate(path string, sh shape, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	sh.write(w, n)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// run ingests in into a new store and returns the wall time, the CPU time
// (user and system: on a loaded machine the wall time says little), the
// peak resident set in MB and the summary line.
func run(bin, in, db string) (secs, cpu, peakMB float64, result string) {
	os.Remove(db)
	defer os.Remove(db)
	defer os.Remove(db + "-wal")
	defer os.Remove(db + "-shm")
	cmd := exec.Command(bin, "ingest", "--quiet", "--max-rejects", "3", "--db", db, in)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	secs = time.Since(start).Seconds()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peakMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "ingested in") {
			_, result, _ = strings.Cut(line, ": ")
		}
	}
	if err != nil {
		result += " (" + err.Error() + ")"
	}
	return secs, cpu, peakMB, result
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "hostile:", err)
	os.Exit(1)
}

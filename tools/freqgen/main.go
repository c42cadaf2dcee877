// Command freqgen rebuilds data/arabic/freq.tsv, the word-frequency list
// the clitic segmenter uses as evidence ("is the remainder a word?").
//
// It counts folded Arabic words in the ANERcorp training half (CC BY-SA
// 4.0, attributed in NOTICE). The ANT politics corpus may be added with
// -corpus for experiments, but the shipped list must not be built from it:
// the corpus is for tests and benchmarks only. For
// every word it also records how often its surface ended in ة (so that a
// folded final ه can be told from the pronoun) and how often it began
// with a hamza on alif (so that إلغاء is not read as ال + غاء).
//
//	go run ./tools/freqgen -corpus "" \
//	    -ner ../shared/gold/ner/anercorp-train.txt -out data/arabic/freq.tsv
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

type counts struct{ n, taMarbuta, hamza int }

func main() {
	corpus := flag.String("corpus", "", "optional extra JSONL corpus (never for the shipped list)")
	ner := flag.String("ner", "../shared/gold/ner/anercorp-train.txt", "ANERcorp train file (token TAG lines)")
	out := flag.String("out", "data/arabic/freq.tsv", "output file")
	min := flag.Int("min", 2, "keep words seen at least this often")
	names := flag.String("names", "data/places.tsv,data/places-curated.tsv,data/countries.tsv,data/actors-curated.tsv",
		"comma-separated knowledge files whose Arabic name words count as known words")
	lexDir := flag.String("lexicon", "data", "knowledge folder whose trigger verbs (conjugated) and agent words count as known words")
	flag.Parse()
	freq := map[string]*counts{}
	if *corpus != "" {
		if err := readCorpus(*corpus, freq); err != nil {
			fail(err)
		}
	}
	if err := readNER(*ner, freq); err != nil {
		fail(err)
	}
	if *names != "" {
		for _, p := range strings.Split(*names, ",") {
			if err := readNames(p, freq, *min); err != nil {
				fail(err)
			}
		}
	}
	if *lexDir != "" {
		if err := readLexicon(*lexDir, freq, *min); err != nil {
			fail(err)
		}
	}
	if err := write(*out, freq, *min); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "freqgen:", err)
	os.Exit(1)
}

func add(freq map[string]*counts, surface, norm string) {
	c := freq[norm]
	if c == nil {
		c = &counts{}
		freq[norm] = c
	}
	c.n++
	if last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(surface, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")); last == 'ة' {
		c.taMarbuta++
	}
	if first, _ := utf8.DecodeRuneInString(surface); first == 'أ' || first == 'إ' || first == 'آ' {
		c.hamza++
	}
}

func addText(freq map[string]*counts, text string) {
	for _, a := range arabic.Analyze(text) {
		for _, t := range a.Tokens {
			if t.Kind == marsad.Word {
				add(freq, t.Text, t.Norm)
			}
		}
	}
}

func readCorpus(path string, freq map[string]*counts) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for line := 1; ; line++ {
		b, err := r.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			var doc struct{ Title, Text string }
			if jerr := json.Unmarshal(b, &doc); jerr != nil {
				return fmt.Errorf("%s:%d: %v", path, line, jerr)
			}
			addText(freq, doc.Title)
			addText(freq, doc.Text)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
	}
}

func readNER(path string, freq map[string]*counts) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		addText(freq, fields[0])
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// readNames adds the Arabic words of place and actor names from the
// project's own knowledge files, each counted min times, so that a name the
// training text lacks (بمصراتة) is still known as a word after ب.
func readNames(path string, freq map[string]*counts, min int) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var words []string
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "#") {
			words = append(words, strings.FieldsFunc(line, func(r rune) bool { return r == '\t' || r == '|' || r == ' ' })...)
		}
	}
	addKnown(freq, words, min)
	return nil
}

// addKnown counts each distinct Arabic word of words min times: enough to
// be a known word, without weighing more than text evidence.
func addKnown(freq map[string]*counts, words []string, min int) {
	seen := map[string]bool{}
	for _, w := range words {
		norm := arabic.Fold(w)
		if seen[norm] || !isArabicWord(norm) {
			continue
		}
		seen[norm] = true
		for i := 0; i < min; i++ {
			add(freq, w, norm)
		}
	}
}

// readLexicon adds every conjugated form of the trigger verbs and every
// agent word of the knowledge folder, so that the segmenter knows them
// (يحثهم is يحث + هم because يحث is a word).
func readLexicon(dir string, freq map[string]*counts, min int) error {
	lex, err := lexicon.Load(os.DirFS(dir))
	if err != nil {
		return err
	}
	var words []string
	for _, tr := range lex.Triggers() {
		for _, form := range tr.Forms {
			fs := strings.Fields(form)
			if len(fs) == 0 {
				continue
			}
			if tr.POS == "verb" {
				past, present, _ := strings.Cut(fs[0], "/")
				words = append(words, lexicon.Conjugate(past, present)...)
				fs = fs[1:]
			}
			for _, w := range fs {
				words = append(words, strings.Split(w, "/")...)
			}
		}
	}
	for _, ag := range lex.Agents() {
		for _, f := range ag.Forms {
			words = append(words, strings.Fields(f)...)
		}
	}
	addKnown(freq, words, min)
	return nil
}

func isArabicWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !arabic.IsBasicLetter(r) {
			return false
		}
	}
	return true
}

func write(path string, freq map[string]*counts, min int) error {
	words := make([]string, 0, len(freq))
	for w, c := range freq {
		if c.n >= min {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		a, b := freq[words[i]], freq[words[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		return words[i] < words[j]
	})
	var b strings.Builder
	b.WriteString("# word\tcount\tended-in-ta-marbuta\tbegan-with-hamza — generated by tools/freqgen, do not edit\n")
	for _, w := range words {
		c := freq[w]
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\n", w, c.n, c.taMarbuta, c.hamza)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// Command clusters builds the word clusters of the NER tagger
// (data/ner/clusters.tsv) from unlabelled text, so that the tagger can
// generalise from a training word to an unseen word that occurs in the same
// contexts.
//
// The clustering is the exchange algorithm (Kneser and Ney 1993; Martin,
// Liermann and Ney 1998): words are moved, one at a time, to the class that
// most raises the likelihood of a class bigram model. It is simpler and
// faster than Brown's agglomerative clustering and, run at several class
// counts, gives coarse and fine classes as Brown's path prefixes do. The
// result is deterministic: the initial classes come from frequency rank and
// words are visited in a fixed order.
//
// Run it from the repository root:
//
//	go run ./tools/nerclusters -out data/ner/clusters.tsv \
//	    ../shared/gold/ner/anercorp-train.txt \
//	    ../shared/gold/segmentation/kdarwish_Farasa_WikiNewsTruth.txt
//
// A file whose lines hold a word and a tag (CoNLL) is read by its first
// column; any other file as running text, split at spaces and punctuation.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/marsad/marsad/arabic"
)

func main() {
	out := flag.String("out", "", "clusters file to write (word, then one class per -k)")
	ks := flag.String("k", "64,256,1024", "class counts, comma separated")
	minCount := flag.Int("min-count", 2, "cluster only words seen this often")
	iters := flag.Int("iters", 15, "exchange passes")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: clusters -out FILE [-k 64,256,1024] CORPUS...")
		os.Exit(2)
	}
	var sents [][]string
	for _, p := range flag.Args() {
		s, err := readCorpus(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sents = append(sents, s...)
	}
	var classes []int
	for _, f := range strings.Split(*ks, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 2 {
			fmt.Fprintf(os.Stderr, "clusters: bad class count %q\n", f)
			os.Exit(2)
		}
		classes = append(classes, k)
	}
	c := newCorpus(sents, *minCount)
	assign := make([][]int, len(classes))
	for i, k := range classes {
		assign[i] = c.exchange(k, *iters)
		fmt.Fprintf(os.Stderr, "k=%d: %d words, log-likelihood %.0f\n", k, len(c.words), c.objective(assign[i], k))
	}
	if err := write(*out, c, classes, assign, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// readCorpus reads folded sentences from a CoNLL file (first column, blank
// line or final punctuation ends a sentence) or from running text (one
// line a paragraph).
func readCorpus(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	defer f.Close()
	var out [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 2 && isTag(fields[1]) {
			w := arabic.Fold(fields[0])
			cur = append(cur, w)
			if w == "." || w == "؟" || w == "!" || w == "?" {
				flush()
			}
			continue
		}
		flush()
		for _, fl := range fields {
			cur = append(cur, splitPunct(arabic.Fold(fl))...)
		}
		flush()
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters: reading %s: %w", path, err)
	}
	return out, nil
}

func isTag(t string) bool {
	return t == "O" || len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-'
}

// splitPunct splits leading and trailing punctuation off a word, as
// ANERcorp's tokenisation does.
func splitPunct(w string) []string {
	rs := []rune(w)
	i, j := 0, len(rs)
	isP := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	for i < j && isP(rs[i]) {
		i++
	}
	for j > i && isP(rs[j-1]) {
		j--
	}
	var out []string
	for _, r := range rs[:i] {
		out = append(out, string(r))
	}
	if i < j {
		out = append(out, string(rs[i:j]))
	}
	for _, r := range rs[j:] {
		out = append(out, string(r))
	}
	return out
}

// corpus holds the vocabulary (by falling frequency, then by string) and
// the bigram counts between word ids; rare words share the id 0.
type corpus struct {
	words []string // words[0] is the rare-word bucket
	count []float64
	right [][]nb // right[w]: words after w, with counts
	left  [][]nb
	self  []float64 // count of the bigram (w, w)
}

type nb struct {
	w int
	n float64
}

func newCorpus(sents [][]string, minCount int) *corpus {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
		}
	}
	var vocab []string
	for w, n := range freq {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	c := &corpus{words: append([]string{"\x00rare"}, vocab...)}
	id := map[string]int{}
	for i, w := range c.words {
		id[w] = i
	}
	V := len(c.words)
	c.count = make([]float64, V)
	c.self = make([]float64, V)
	big := map[[2]int]float64{}
	for _, s := range sents {
		prev := -1
		for _, w := range append(s, "\x00</s>") {
			cur := id[w] // 0 when rare, and for the sentence end
			c.count[cur]++
			if prev >= 0 {
				big[[2]int{prev, cur}]++
			}
			prev = cur
		}
	}
	keys := make([][2]int, 0, len(big))
	for k := range big {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	c.right = make([][]nb, V)
	c.left = make([][]nb, V)
	for _, k := range keys {
		n := big[k]
		if k[0] == k[1] {
			c.self[k[0]] += n
			continue
		}
		c.right[k[0]] = append(c.right[k[0]], nb{k[1], n})
		c.left[k[1]] = append(c.left[k[1]], nb{k[0], n})
	}
	return c
}

func flogf(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}

// exchange clusters the words into k classes and returns each word's class.
// The rare-word bucket (id 0) keeps class 0 and never moves, so that it
// does not distort the classes of real words.
func (c *corpus) exchange(k, iters int) []int {
	V := len(c.words)
	cls := make([]int, V)
	for w := 1; w < V; w++ {
		cls[w] = 1 + (w-1)%(k-1)
	}
	M := make([]float64, k*k) // class bigram counts
	N := make([]float64, k)   // class counts
	for w := 0; w < V; w++ {
		N[cls[w]] += c.count[w]
		M[cls[w]*k+cls[w]] += c.self[w]
		for _, r := range c.right[w] {
			M[cls[w]*k+cls[r.w]] += r.n
		}
	}
	r := make([]float64, k) // w's right-neighbour counts by class
	l := make([]float64, k)
	var rs, ls []int // classes with r, l non-zero
	for it := 0; it < iters; it++ {
		moved := 0
		for w := 1; w < V; w++ {
			rs, ls = rs[:0], ls[:0]
			for _, x := range c.right[w] {
				if r[cls[x.w]] == 0 {
					rs = append(rs, cls[x.w])
				}
				r[cls[x.w]] += x.n
			}
			for _, x := range c.left[w] {
				if l[cls[x.w]] == 0 {
					ls = append(ls, cls[x.w])
				}
				l[cls[x.w]] += x.n
			}
			a, nw, self := cls[w], c.count[w], c.self[w]
			// Take w out of class a.
			move := func(a int, sign float64) {
				for _, x := range rs {
					M[a*k+x] += sign * r[x]
				}
				for _, x := range ls {
					M[x*k+a] += sign * l[x]
				}
				M[a*k+a] += sign * self
				N[a] += sign * nw
			}
			move(a, -1)
			best, bestGain := a, math.Inf(-1)
			for b := 1; b < k; b++ {
				var g float64
				for _, x := range rs {
					if x != b {
						g += flogf(M[b*k+x]+r[x]) - flogf(M[b*k+x])
					}
				}
				for _, x := range ls {
					if x != b {
						g += flogf(M[x*k+b]+l[x]) - flogf(M[x*k+b])
					}
				}
				g += flogf(M[b*k+b]+r[b]+l[b]+self) - flogf(M[b*k+b])
				g -= 2 * (flogf(N[b]+nw) - flogf(N[b]))
				if g > bestGain+1e-9 {
					best, bestGain = b, g
				}
			}
			// M[b][b] also gets w's bigrams with the class's words on
			// either side; move adds them through r[b] and l[b].
			move(best, 1)
			if best != a {
				cls[w] = best
				moved++
			}
			for _, x := range rs {
				r[x] = 0
			}
			for _, x := range ls {
				l[x] = 0
			}
		}
		if moved == 0 {
			break
		}
	}
	return cls
}

// objective is the class bigram log-likelihood (up to a constant).
func (c *corpus) objective(cls []int, k int) float64 {
	M := make([]float64, k*k)
	N := make([]float64, k)
	for w := range c.words {
		N[cls[w]] += c.count[w]
		M[cls[w]*k+cls[w]] += c.self[w]
		for _, r := range c.right[w] {
			M[cls[w]*k+cls[r.w]] += r.n
		}
	}
	var s float64
	for _, v := range M {
		s += flogf(v)
	}
	for _, v := range N {
		s -= 2 * flogf(v)
	}
	return s
}

func write(path string, c *corpus, ks []int, assign [][]int, inputs []string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("clusters: %w", err)
	}
	bw := bufio.NewWriter(f)
	names := make([]string, len(inputs))
	for i, p := range inputs {
		names[i] = p[strings.LastIndex(p, "/")+1:]
	}
	fmt.Fprintf(bw, "# Word classes for the NER tagger, GENERATED by `go run ./tools/nerclusters` from\n")
	fmt.Fprintf(bw, "# %s (exchange clustering, class counts %v).\n", strings.Join(names, ", "), ks)
	fmt.Fprintf(bw, "# Columns: folded word, then its class at each count. Regenerate, then retrain the model.\n")
	for w := 1; w < len(c.words); w++ {
		bw.WriteString(c.words[w])
		for i := range ks {
			fmt.Fprintf(bw, "\t%d", assign[i][w])
		}
		bw.WriteByte('\n')
	}
	err = bw.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("clusters: writing %s: %w", path, err)
	}
	return nil
}

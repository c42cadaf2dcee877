package ner

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// DefaultIterations is the number of passes that produced the committed
// model (chosen on a held-out tenth of the training file).
const DefaultIterations = 10

// TrainOptions control Train. The zero value trains like the committed
// model.
type TrainOptions struct {
	Iterations int    // passes over the data; 0 means DefaultIterations
	Seed       uint64 // shuffling seed; the same seed gives the same model
	// MinCount drops features seen fewer times in training (0 or 1 keeps
	// all); higher values give a smaller model.
	MinCount int
	// Gazetteer, when set, adds gazetteer-membership features; a tagger
	// then needs the same (or a similar) gazetteer via SetGazetteer.
	Gazetteer Gazetteer
	// Dev, when set, is tagged after every pass and given to Progress.
	Dev      []Sentence
	Progress func(iter int, dev *Report)
}

// Train fits an averaged structured perceptron on sents. It is
// deterministic: the same sentences and options give the same model.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	if len(sents) == 0 {
		return nil, errors.New("train: no sentences")
	}
	iters := opt.Iterations
	if iters <= 0 {
		iters = DefaultIterations
	}
	labels, gold, err := labelSequences(sents)
	if err != nil {
		return nil, err
	}
	L := len(labels)

	// Extract every sentence's feature keys once, then keep the frequent
	// ones; a feature's row is its rank among the sorted kept keys.
	var f featurizer
	type sentFeats struct {
		start []int
		keys  []uint64
	}
	raw := make([]sentFeats, len(sents))
	count := map[uint64]int32{}
	for i, s := range sents {
		f.prepare(s.Words, false, opt.Gazetteer)
		raw[i] = sentFeats{start: slices.Clone(f.start), keys: slices.Clone(f.keys)}
		for _, k := range f.keys {
			count[k]++
		}
	}
	keys := make([]uint64, 0, len(count))
	for k, c := range count {
		if int(c) >= opt.MinCount && k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	row := make(map[uint64]int32, len(keys))
	for i, k := range keys {
		row[k] = int32(i)
	}
	ids := make([][]int32, len(sents))
	starts := make([][]int, len(sents))
	for i, r := range raw {
		st := make([]int, 1, len(r.start))
		var out []int32
		for t := 0; t+1 < len(r.start); t++ {
			for _, k := range r.keys[r.start[t]:r.start[t+1]] {
				if id, ok := row[k]; ok {
					out = append(out, id)
				}
			}
			st = append(st, len(out))
		}
		ids[i], starts[i] = out, st
	}
	raw, count, row = nil, nil, nil

	p := &perceptron{L: L, w: make([]float32, len(keys)*L), u: make([]float64, len(keys)*L),
		trans: make([]float32, (L+1)*L), utrans: make([]float64, (L+1)*L), c: 1}
	allowed := newModel(labels, nil, nil, nil).allowed
	var s scratch
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	for it := 1; it <= iters; it++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(it)))
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, si := range order {
			n := len(gold[si])
			em := p.emissions(&s, ids[si], starts[si], n)
			pred := viterbi(&s, em, n, L, p.trans, allowed)
			p.update(ids[si], starts[si], gold[si], pred)
			p.c++
		}
		if opt.Progress != nil {
			var rep *Report
			if len(opt.Dev) > 0 {
				rep, err = EvaluateTagger(New(p.model(labels, keys)), opt.Dev)
				if err != nil {
					return nil, err
				}
			}
			opt.Progress(it, rep)
		}
	}
	return p.model(labels, keys), nil
}

// labelSequences collects the label set ("O" first, then sorted) and maps
// each sentence's tags to label numbers, turning an I-X that cannot
// continue an entity into B-X as conlleval reads it.
func labelSequences(sents []Sentence) ([]string, [][]int, error) {
	set := map[string]bool{"O": true}
	fixed := make([][]string, len(sents))
	for i, s := range sents {
		if len(s.Words) != len(s.Tags) {
			return nil, nil, fmt.Errorf("train: sentence %d has %d words but %d tags", i, len(s.Words), len(s.Tags))
		}
		tags := slices.Clone(s.Tags)
		for j, t := range tags {
			if !validTag(t) {
				return nil, nil, fmt.Errorf("train: sentence %d word %d: bad tag %q", i, j, t)
			}
			if t[0] == 'I' && (j == 0 || tags[j-1] == "O" || tags[j-1][2:] != t[2:]) {
				tags[j] = "B" + t[1:]
			}
			if tags[j] != "O" {
				set["B"+tags[j][1:]] = true
				set["I"+tags[j][1:]] = true
			}
		}
		fixed[i] = tags
	}
	labels := make([]string, 0, len(set))
	for l := range set {
		if l != "O" {
			labels = append(labels, l)
		}
	}
	sort.Strings(labels)
	labels = append([]string{"O"}, labels...)
	num := map[string]int{}
	for i, l := range labels {
		num[l] = i
	}
	gold := make([][]int, len(sents))
	for i, tags := range fixed {
		g := make([]int, len(tags))
		for j, t := range tags {
			g[j] = num[t]
		}
		gold[i] = g
	}
	return labels, gold, nil
}

// perceptron holds weights and, for averaging, the sums of c×update
// (Daumé's trick: average = w − u/c).
type perceptron struct {
	L      int
	w      []float32
	u      []float64
	trans  []float32
	utrans []float64
	c      float64
}

func (p *perceptron) emissions(s *scratch, ids []int32, start []int, n int) []float32 {
	L := p.L
	s.em = grow(s.em, n*L)
	for i := 0; i < n; i++ {
		row := s.em[i*L : (i+1)*L]
		clear(row)
		for _, id := range ids[start[i]:start[i+1]] {
			wr := p.w[int(id)*L : int(id+1)*L]
			for c := range row {
				row[c] += wr[c]
			}
		}
	}
	return s.em
}

func (p *perceptron) update(ids []int32, start []int, gold, pred []int) {
	L := p.L
	for i := range gold {
		g, q := gold[i], pred[i]
		pg, pq := L, L
		if i > 0 {
			pg, pq = gold[i-1], pred[i-1]
		}
		if g != q || pg != pq {
			p.trans[pg*L+g]++
			p.utrans[pg*L+g] += p.c
			p.trans[pq*L+q]--
			p.utrans[pq*L+q] -= p.c
		}
		if g == q {
			continue
		}
		for _, id := range ids[start[i]:start[i+1]] {
			p.w[int(id)*L+g]++
			p.u[int(id)*L+g] += p.c
			p.w[int(id)*L+q]--
			p.u[int(id)*L+q] -= p.c
		}
	}
}

// model returns the averaged weights, without the feature rows that are
// zero after averaging (they would only take space).
func (p *perceptron) model(labels []string, keys []uint64) *Model {
	L := p.L
	avg := func(w float32, u float64) float32 { return float32(float64(w) - u/p.c) }
	trans := make([]float32, len(p.trans))
	for i := range trans {
		trans[i] = avg(p.trans[i], p.utrans[i])
	}
	var kept []uint64
	var w []float32
	rowv := make([]float32, L)
	for r, k := range keys {
		nonzero := false
		for c := 0; c < L; c++ {
			rowv[c] = avg(p.w[r*L+c], p.u[r*L+c])
			if math.Abs(float64(rowv[c])) > 1e-6 {
				nonzero = true
			}
		}
		if nonzero {
			kept = append(kept, k)
			w = append(w, rowv...)
		}
	}
	return newModel(labels, kept, w, trans)
}

// EvaluateTagger tags the sentences' words and scores them against their
// tags.
func EvaluateTagger(t *Tagger, sents []Sentence) (*Report, error) {
	gold := make([][]string, len(sents))
	pred := make([][]string, len(sents))
	for i, s := range sents {
		gold[i] = s.Tags
		pred[i] = t.Tag(s.Words)
	}
	return Evaluate(gold, pred)
}

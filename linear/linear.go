// Package linear is a small binary logistic-regression classifier over
// sparse string features, used to score candidate events.
//
// Why logistic regression: the coder already finds candidates with rules
// and dictionaries; what is left is weighing a few dozen cues (is the
// trigger a noun after a preposition, is there a condemnation verb, a
// doer, a death toll …) against each other, which a linear model does
// well from a few thousand labelled sentences, reproducibly, in
// microseconds, with weights an analyst can read.
//
// Training is deterministic: examples are visited in an order fixed by the
// seed, and the model file lists features sorted by name.
package linear

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
)

// Example is one labelled feature set.
type Example struct {
	Features []string
	Label    bool
	Group    string // examples of one group (document) stay in one fold
}

// Model is a trained classifier.
type Model struct {
	Bias      float64            `json:"bias"`
	Weights   map[string]float64 `json:"weights"`
	Threshold float64            `json:"threshold"` // decision threshold on Prob
	// Calibration, when set, is [a, b] of a Platt scaling fitted on
	// out-of-fold probabilities: Calibrated(p) = σ(a·logit(p) + b) is the
	// share of examples at p that were positive. A threshold chosen for F1
	// can sit where raw probabilities read as near zero.
	Calibration []float64 `json:"calibration,omitempty"`
	Note        string    `json:"note,omitempty"`
}

// Options control training.
type Options struct {
	Epochs int     // passes over the data (default 10)
	L2     float64 // L2 penalty per example (default 1e-3)
	Rate   float64 // AdaGrad base learning rate (default 0.3)
	Seed   uint64  // shuffling seed (default 1)
	// Average trains this many models on different shuffles (seeds Seed,
	// Seed+1, …) and averages their weights (default 1). With a few
	// thousand examples, stochastic training leans on the visiting order;
	// the average does not (event filter CV F1 +0.004 to +0.007).
	Average int
}

func (o *Options) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 10
	}
	if o.L2 == 0 {
		o.L2 = 1e-3
	}
	if o.Rate == 0 {
		o.Rate = 0.3
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
}

// Train fits a model with AdaGrad on the logistic loss. Positive examples
// are weighted so that both classes count equally, because events are rare.
func Train(exs []Example, opt Options) *Model {
	opt.defaults()
	if opt.Average <= 1 {
		return train(exs, opt)
	}
	n := opt.Average
	m := &Model{Weights: map[string]float64{}, Threshold: 0.5}
	for k := 0; k < n; k++ {
		o := opt
		o.Seed = opt.Seed + uint64(k)
		mk := train(exs, o)
		m.Bias += mk.Bias / float64(n)
		for f, v := range mk.Weights {
			m.Weights[f] += v / float64(n)
		}
	}
	m.Bias = round(m.Bias)
	for f, v := range m.Weights {
		if m.Weights[f] = round(v); m.Weights[f] == 0 {
			delete(m.Weights, f)
		}
	}
	return m
}

// train fits one model on one shuffle order.
func train(exs []Example, opt Options) *Model {
	idx := map[string]int{}
	var names []string
	data := make([][]int, len(exs))
	pos := 0
	for i, e := range exs {
		for _, f := range e.Features {
			j, ok := idx[f]
			if !ok {
				j = len(names)
				idx[f] = j
				names = append(names, f)
			}
			data[i] = append(data[i], j)
		}
		if e.Label {
			pos++
		}
	}
	wPos, wNeg := 1.0, 1.0
	if pos > 0 && pos < len(exs) {
		wPos = float64(len(exs)-pos) / float64(pos)
		if wPos > 5 {
			wPos = 5 // do not let a handful of positives dominate
		}
	}
	w := make([]float64, len(names))
	g2 := make([]float64, len(names))
	var b, gb float64
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6d61727361640a))
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := b
			for _, j := range data[i] {
				z += w[j]
			}
			p := sigmoid(z)
			y, cw := 0.0, wNeg
			if exs[i].Label {
				y, cw = 1, wPos
			}
			g := cw * (p - y)
			gb += g * g
			b -= opt.Rate * g / (math.Sqrt(gb) + 1e-8)
			for _, j := range data[i] {
				gj := g + opt.L2*w[j]
				g2[j] += gj * gj
				w[j] -= opt.Rate * gj / (math.Sqrt(g2[j]) + 1e-8)
			}
		}
	}
	m := &Model{Bias: round(b), Weights: map[string]float64{}, Threshold: 0.5}
	for j, n := range names {
		if v := round(w[j]); v != 0 {
			m.Weights[n] = v
		}
	}
	return m
}

// round keeps 6 decimals so model files are small and diff well.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Prob is the model's probability that the features describe a positive.
func (m *Model) Prob(features []string) float64 {
	z := m.Bias
	for _, f := range features {
		z += m.Weights[f]
	}
	return sigmoid(z)
}

// Calibrated maps a probability of the model through its calibration (the
// identity when it has none).
func (m *Model) Calibrated(p float64) float64 {
	if len(m.Calibration) != 2 {
		return p
	}
	return sigmoid(m.Calibration[0]*logit(p) + m.Calibration[1])
}

func logit(p float64) float64 {
	p = math.Min(math.Max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}

// FitPlatt fits [a, b] so that σ(a·logit(p)+b) predicts the labels
// (logistic regression on one feature, Newton's method), for
// Model.Calibration. The result is rounded like the weights.
func FitPlatt(probs []float64, labels []bool) []float64 {
	a, b := 1.0, 0.0
	for it := 0; it < 50; it++ {
		var ga, gb, haa, hab, hbb float64
		for i, p := range probs {
			x := logit(p)
			q := sigmoid(a*x + b)
			y := 0.0
			if labels[i] {
				y = 1
			}
			w := q * (1 - q)
			ga += (q - y) * x
			gb += q - y
			haa += w * x * x
			hab += w * x
			hbb += w
		}
		haa += 1e-6
		hbb += 1e-6
		det := haa*hbb - hab*hab
		if det == 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a, b = a-da, b-db
		if math.Abs(da) < 1e-9 && math.Abs(db) < 1e-9 {
			break
		}
	}
	return []float64{round(a), round(b)}
}

// Accept reports whether Prob reaches the threshold.
func (m *Model) Accept(features []string) bool { return m.Prob(features) >= m.Threshold }

// Write stores the model as indented JSON with sorted keys.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\n  \"bias\": %s,\n  \"threshold\": %s,\n", num(m.Bias), num(m.Threshold))
	if len(m.Calibration) == 2 {
		fmt.Fprintf(bw, "  \"calibration\": [%s, %s],\n", num(m.Calibration[0]), num(m.Calibration[1]))
	}
	note, _ := json.Marshal(m.Note)
	fmt.Fprintf(bw, "  \"note\": %s,\n  \"weights\": {", note)
	keys := make([]string, 0, len(m.Weights))
	for k := range m.Weights {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		kb, _ := json.Marshal(k)
		sep := ","
		if i == len(keys)-1 {
			sep = ""
		}
		fmt.Fprintf(bw, "\n    %s: %s%s", kb, num(m.Weights[k]), sep)
	}
	fmt.Fprint(bw, "\n  }\n}\n")
	return bw.Flush()
}

func num(x float64) string {
	b, _ := json.Marshal(x)
	return string(b)
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	var m Model
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("reading model: %w", err)
	}
	if m.Weights == nil {
		m.Weights = map[string]float64{}
	}
	return &m, nil
}

// Folds splits example indices into k folds by Group, deterministically:
// groups are sorted and dealt round-robin after a seeded shuffle.
func Folds(exs []Example, k int, seed uint64) [][]int {
	groups := map[string][]int{}
	for i, e := range exs {
		groups[e.Group] = append(groups[e.Group], i)
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	rng := rand.New(rand.NewPCG(seed, 0x666f6c6473))
	rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	folds := make([][]int, k)
	for i, g := range names {
		folds[i%k] = append(folds[i%k], groups[g]...)
	}
	for _, f := range folds {
		sort.Ints(f)
	}
	return folds
}

package ner

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/lexicon"

	marsad "github.com/marsad/marsad"
)

// Tagger tags token sequences with a Model. Its methods are safe for
// concurrent use; SetGazetteer should be called before sharing it.
type Tagger struct {
	m       *Model
	classes WordClasses
	gaz     Gazetteer
	pool    sync.Pool // *scratch
}

// scratch holds per-call buffers so that tagging allocates little.
type scratch struct {
	f     featurizer
	em    []float32
	delta []float32
	back  []int32
	path  []int
	doc   docScratch
}

// New returns a tagger over m with the word classes it was trained with.
func New(m *Model, classes WordClasses) *Tagger { return &Tagger{m: m, classes: classes} }

// ModelFile is the built-in model's path in a knowledge folder (package
// data); FirstNamesFile and the word classes (ClassesFile) sit beside it.
const ModelFile = "ner/anercorp.ner.gz"

// FromFS loads the tagger of a knowledge folder: ModelFile with its word
// classes and, for a model trained with the lexicon gazetteer, that
// gazetteer over lex and the folder's first-name list.
func FromFS(fsys fs.FS, lex *lexicon.Lexicon) (*Tagger, error) {
	dir, err := fs.Sub(fsys, path.Dir(ModelFile))
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return load(dir, path.Base(ModelFile), lex)
}

// Load reads a model file written by `marsad train ner`, with the word
// classes and first-name list found next to it (clusters.tsv,
// FirstNamesFile) or else those of the knowledge folder fsys.
func Load(file string, fsys fs.FS, lex *lexicon.Lexicon) (*Tagger, error) {
	builtin, err := fs.Sub(fsys, path.Dir(ModelFile))
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return load(data.Layer(os.DirFS(filepath.Dir(file)), builtin), filepath.Base(file), lex)
}

// load reads the model name of the folder fsys with the word classes and
// first names beside it.
func load(fsys fs.FS, name string, lex *lexicon.Lexicon) (*Tagger, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("ner: %s: %w", name, err)
	}
	cl, err := fs.ReadFile(fsys, path.Base(ClassesFile))
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	t := New(m, ParseClasses(string(cl)))
	switch m.Gazetteer {
	case "":
	case GazetteerLexicon:
		nf, err := fsys.Open(FirstNamesFile)
		if err != nil {
			return nil, fmt.Errorf("ner: %w", err)
		}
		names, err := ReadNames(nf)
		nf.Close()
		if err != nil {
			return nil, fmt.Errorf("ner: %s: %w", FirstNamesFile, err)
		}
		t.SetGazetteer(LexiconGazetteer(lex, names))
	default:
		return nil, fmt.Errorf("ner: %s: unknown gazetteer %q", name, m.Gazetteer)
	}
	return t, nil
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// SetGazetteer adds gazetteer-membership features. They only change the
// output of a model that was trained with a gazetteer (TrainOptions), since
// a model has no weights for features it never saw.
func (t *Tagger) SetGazetteer(g Gazetteer) { t.gaz = g }

// Tag returns one BIO tag per word ("O", "B-PERS", "I-PERS" …). Words are
// folded with arabic.Fold first, so raw or normalised text both work. The
// sentence is its own document; see TagDocument.
func (t *Tagger) Tag(words []string) []string {
	return t.tagDocument([][]string{words}, false)[0]
}

// Entities tags the pipeline's tokens (by their Norm, or Text when Norm is
// empty) and returns the entities found, TokEnd exclusive.
func (t *Tagger) Entities(toks []marsad.Token) []Entity {
	words := make([]string, len(toks))
	folded := true
	for i, tk := range toks {
		words[i] = tk.Norm
		if tk.Norm == "" {
			words[i] = tk.Text
			folded = false
		}
	}
	return Chunks(t.tagDocument([][]string{words}, folded)[0])
}

// decode scores every token's labels with one stage's weights and runs
// Viterbi. Token i's feature keys are keys[kstart[i]:kstart[i+1]] and, when
// estart is not nil, extra[estart[i]:estart[i+1]]. The returned path is
// valid until s is reused.
func (m *Model) decode(st *weights, s *scratch, keys []uint64, kstart []int, extra []uint64, estart []int) []int {
	L := len(m.Labels)
	n := len(kstart) - 1
	s.em = grow(s.em, n*L)
	for i := 0; i < n; i++ {
		row := s.em[i*L : (i+1)*L]
		clear(row)
		row[0] = -m.OPenalty
		st.score(row, keys[kstart[i]:kstart[i+1]])
		if estart != nil {
			st.score(row, extra[estart[i]:estart[i+1]])
		}
	}
	return viterbi(s, s.em, n, L, st.trans, m.allowed, m.final)
}

// score adds the weights of the keys to row.
func (st *weights) score(row []float32, keys []uint64) {
	for _, k := range keys {
		wr := st.index.row(k)
		if wr == nil {
			continue
		}
		wr = wr[:len(row)]
		for c := range row {
			row[c] += math.Float32frombits(wr[c])
		}
	}
}

var negInf = float32(math.Inf(-1))

// viterbi finds the best label path given emission scores em (n×L) and the
// transition matrix, never taking a forbidden move.
func viterbi(s *scratch, em []float32, n, L int, trans []float32, allowed, final []bool) []int {
	s.delta = grow(s.delta, n*L)
	if cap(s.back) < n*L {
		s.back = make([]int32, n*L)
	}
	s.back = s.back[:n*L]
	if cap(s.path) < n {
		s.path = make([]int, n)
	}
	s.path = s.path[:n]
	start := L * L
	for c := 0; c < L; c++ {
		if allowed[start+c] {
			s.delta[c] = trans[start+c] + em[c]
		} else {
			s.delta[c] = negInf
		}
	}
	for i := 1; i < n; i++ {
		prev := s.delta[(i-1)*L : i*L]
		cur := s.delta[i*L : (i+1)*L]
		back := s.back[i*L : (i+1)*L]
		for c := 0; c < L; c++ {
			best, arg := negInf, int32(0)
			for p := 0; p < L; p++ {
				if !allowed[p*L+c] {
					continue
				}
				if v := prev[p] + trans[p*L+c]; v > best {
					best, arg = v, int32(p)
				}
			}
			cur[c] = best + em[i*L+c]
			back[c] = arg
		}
	}
	last := s.delta[(n-1)*L : n*L]
	bi := 0 // O is always a valid end
	for c := 1; c < L; c++ {
		if final[c] && last[c] > last[bi] {
			bi = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.path[i] = bi
		bi = int(s.back[i*L+bi])
	}
	return s.path
}

func grow(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	return b[:n]
}

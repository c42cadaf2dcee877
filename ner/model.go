package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// modelMagic starts every model file; the digit is the format version.
const modelMagic = "MARSAD-NER-3\n"

// modelMagicV2 is the previous format, without Model.Gazetteer.
const modelMagicV2 = "MARSAD-NER-2\n"

// Model is a trained tagger's parameters: the label set and one or two
// stages of weights. The first stage tags each sentence alone; the second,
// when present, re-tags it with features from the first stage's tags over
// the whole document (see TagDocument).
type Model struct {
	Labels []string
	// OPenalty is subtracted from the score of O when tagging, trading
	// precision for recall (the perceptron alone is cautious).
	OPenalty float32
	// Gazetteer names the gazetteer the model was trained with ("" for
	// none, GazetteerLexicon for DefaultGazetteer); Default and Load
	// install it, since the model's gazetteer weights need it.
	Gazetteer string
	first     *weights
	second    *weights // nil for a one-stage model
	// allowed[p*L+c] is false for ill-formed BIO or BILOU moves (p = L:
	// start); final[c] is false for labels a sentence cannot end on.
	allowed []bool
	final   []bool
	bio     []string // label → its BIO form (L-X → I-X, U-X → B-X)
	typeOf  []int    // label → entity type number (0 for O), for document statistics
	types   []string
}

// weights is one stage: a weight row per feature key (one weight per
// label) and a label transition matrix.
type weights struct {
	keys  []uint64  // sorted feature keys
	w     []float32 // len(keys) × L
	trans []float32 // (L+1) × L; the last row is "from sentence start"
	index table
}

func newWeights(keys []uint64, w, trans []float32, L int) *weights {
	return &weights{keys: keys, w: w, trans: trans, index: newTable(keys, w, L)}
}

func newModel(labels []string) *Model {
	m := &Model{Labels: labels}
	L := len(labels)
	bilou := false
	for _, l := range labels {
		bilou = bilou || l[0] == 'L' || l[0] == 'U'
	}
	// open: the label starts or continues an entity that must go on.
	open := func(l string) bool { return bilou && (l[0] == 'B' || l[0] == 'I') }
	m.allowed = make([]bool, (L+1)*L)
	m.final = make([]bool, L)
	m.bio = make([]string, L)
	for c, cl := range labels {
		m.final[c] = !open(cl)
		m.bio[c] = cl
		switch cl[0] {
		case 'L':
			m.bio[c] = "I" + cl[1:]
		case 'U':
			m.bio[c] = "B" + cl[1:]
		}
		for p := 0; p <= L; p++ {
			inside := cl[0] == 'I' || cl[0] == 'L'
			switch {
			case inside && bilou:
				m.allowed[p*L+c] = p < L && open(labels[p]) && labels[p][2:] == cl[2:]
			case inside:
				m.allowed[p*L+c] = p < L && labels[p] != "O" && labels[p][2:] == cl[2:]
			default:
				m.allowed[p*L+c] = p == L || !open(labels[p])
			}
		}
	}
	m.types = []string{"O"}
	m.typeOf = make([]int, L)
	for l, lab := range labels {
		if lab == "O" {
			continue
		}
		i := slices.Index(m.types, lab[2:])
		if i < 0 {
			i = len(m.types)
			m.types = append(m.types, lab[2:])
		}
		m.typeOf[l] = i
	}
	return m
}

// Features returns the number of feature rows in the model.
func (m *Model) Features() int {
	n := len(m.first.keys)
	if m.second != nil {
		n += len(m.second.keys)
	}
	return n
}

// WriteTo writes the model gzipped. Weights are quantised to int16 with one
// scale per stage, which changes no decision in practice and halves the
// size. The output depends only on the model, so the same training gives
// the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.put(uint32(len(m.Labels)))
	for _, l := range m.Labels {
		e.put(uint16(len(l)))
		e.bytes([]byte(l))
	}
	e.put(m.OPenalty)
	e.put(uint16(len(m.Gazetteer)))
	e.bytes([]byte(m.Gazetteer))
	stages := []*weights{m.first}
	if m.second != nil {
		stages = append(stages, m.second)
	}
	e.put(uint8(len(stages)))
	for _, st := range stages {
		st.write(e, len(m.Labels))
	}
	err = e.err
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = zw.Close()
	}
	return cw.n, err
}

type encoder struct {
	w   *bufio.Writer
	err error
}

func (e *encoder) put(v any) {
	if e.err == nil {
		e.err = binary.Write(e.w, binary.LittleEndian, v)
	}
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (st *weights) write(e *encoder, L int) {
	e.put(st.trans)
	var maxAbs float32
	for _, v := range st.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	e.put(scale)
	e.put(uint32(len(st.keys)))
	// Keys as deltas: sorted keys make small gaps.
	var prev uint64
	var buf [binary.MaxVarintLen64]byte
	for _, k := range st.keys {
		e.bytes(buf[:binary.PutUvarint(buf[:], k-prev)])
		prev = k
	}
	// Label-major order groups the many zeros of each label together.
	col := make([]int16, len(st.keys))
	for l := 0; l < L; l++ {
		for i := range st.keys {
			col[i] = int16(math.Round(float64(st.w[i*L+l] / scale)))
		}
		e.put(col)
	}
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic && string(magic) != modelMagicV2 {
		return nil, errors.New("ner model: not a Marsad NER model of this version (bad header)")
	}
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	var nl uint32
	get(&nl)
	if err != nil || nl == 0 || nl > 64 {
		return nil, fmt.Errorf("ner model: bad label count %d (%v)", nl, err)
	}
	var labels []string
	for i := 0; i < int(nl); i++ {
		var n uint16
		get(&n)
		b := make([]byte, n)
		get(b)
		if err == nil && !validLabel(string(b)) {
			return nil, fmt.Errorf("ner model: bad label %q", b)
		}
		labels = append(labels, string(b))
	}
	if err != nil || labels[0] != "O" {
		return nil, fmt.Errorf("ner model: bad labels %v (%v)", labels, err)
	}
	m := newModel(labels)
	var nstages uint8
	get(&m.OPenalty)
	if string(magic) == modelMagic {
		var n uint16
		get(&n)
		b := make([]byte, n)
		get(b)
		m.Gazetteer = string(b)
	}
	get(&nstages)
	if err != nil || nstages < 1 || nstages > 2 {
		return nil, fmt.Errorf("ner model: bad stage count %d (%v)", nstages, err)
	}
	for i := 0; i < int(nstages); i++ {
		st, err := readWeights(br, len(labels))
		if err != nil {
			return nil, fmt.Errorf("ner model: stage %d: %w", i+1, err)
		}
		if i == 0 {
			m.first = st
		} else {
			m.second = st
		}
	}
	return m, nil
}

func readWeights(br *bufio.Reader, L int) (*weights, error) {
	var err error
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	trans := make([]float32, (L+1)*L)
	get(trans)
	var scale float32
	var nk uint32
	get(&scale)
	get(&nk)
	if err != nil {
		return nil, err
	}
	if nk > 1<<26 {
		return nil, fmt.Errorf("implausible feature count %d", nk)
	}
	keys := make([]uint64, nk)
	var prev uint64
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("reading keys: %w", err)
		}
		prev += d
		keys[i] = prev
	}
	if !slices.IsSorted(keys) {
		return nil, errors.New("feature keys out of order")
	}
	w := make([]float32, int(nk)*L)
	col := make([]int16, nk)
	for l := 0; l < L; l++ {
		get(col)
		for i, v := range col {
			w[i*L+l] = float32(v) * scale
		}
	}
	if err != nil {
		return nil, fmt.Errorf("reading weights: %w", err)
	}
	return newWeights(keys, w, trans, L), nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// table is an open-addressing hash table from feature key to weight row,
// built once at load. Each slot holds the key and the row inline, so a
// lookup usually costs one cache miss instead of three (slot, row number,
// row), which is what bounds tagging speed.
type table struct {
	data   []uint32 // per slot: key low, key high, L weights as float32 bits
	stride int
	mask   uint64
	// filter has one bit set per key (by its high bits), 16 bits per key
	// or more: most keys asked about are absent (a context word never
	// seen in training), and the small bitset, unlike the slots, stays
	// in cache.
	filter     []uint64
	filterMask uint64
}

func newTable(keys []uint64, w []float32, L int) table {
	size := 1
	for size < len(keys)+len(keys)/2+2 {
		size <<= 1
	}
	t := table{stride: 2 + L, mask: uint64(size - 1)}
	t.data = make([]uint32, size*t.stride)
	bits := 64
	for bits < 16*len(keys) {
		bits <<= 1
	}
	t.filter = make([]uint64, bits/64)
	t.filterMask = uint64(bits - 1)
	for i, k := range keys {
		if k == 0 {
			continue // 0 marks an empty slot; losing this one key costs nothing
		}
		b := (k >> 24) & t.filterMask
		t.filter[b/64] |= 1 << (b % 64)
		j := k & t.mask
		for t.key(j) != 0 {
			j = (j + 1) & t.mask
		}
		slot := t.data[int(j)*t.stride : int(j+1)*t.stride]
		slot[0], slot[1] = uint32(k), uint32(k>>32)
		for c := 0; c < L; c++ {
			slot[2+c] = math.Float32bits(w[i*L+c])
		}
	}
	return t
}

func (t *table) key(j uint64) uint64 {
	o := int(j) * t.stride
	return uint64(t.data[o]) | uint64(t.data[o+1])<<32
}

// row returns the weights of key k as float32 bits, or nil.
func (t *table) row(k uint64) []uint32 {
	if b := (k >> 24) & t.filterMask; t.filter[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	for j := k & t.mask; ; j = (j + 1) & t.mask {
		switch t.key(j) {
		case k:
			o := int(j)*t.stride + 2
			return t.data[o : o+t.stride-2]
		case 0:
			return nil
		}
	}
}

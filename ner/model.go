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
const modelMagic = "MARSAD-NER-1\n"

// Model is a trained tagger's parameters: one weight row per feature key
// (one weight per label) and a label transition matrix.
type Model struct {
	Labels []string
	keys   []uint64  // sorted feature keys
	w      []float32 // len(keys) × len(Labels)
	trans  []float32 // (len(Labels)+1) × len(Labels); the last row is "from sentence start"
	// allowed[p*L+c] is false for ill-formed BIO moves (p = L: start).
	allowed []bool
	index   table
}

func newModel(labels []string, keys []uint64, w, trans []float32) *Model {
	m := &Model{Labels: labels, keys: keys, w: w, trans: trans}
	m.finish()
	return m
}

// finish builds the lookup table and the transition constraints.
func (m *Model) finish() {
	L := len(m.Labels)
	m.index = newTable(m.keys)
	m.allowed = make([]bool, (L+1)*L)
	for p := 0; p <= L; p++ {
		for c := 0; c < L; c++ {
			m.allowed[p*L+c] = true
			cl := m.Labels[c]
			if cl[0] != 'I' {
				continue
			}
			if p == L {
				m.allowed[p*L+c] = false
				continue
			}
			pl := m.Labels[p]
			m.allowed[p*L+c] = pl != "O" && pl[2:] == cl[2:]
		}
	}
}

// Features returns the number of feature rows in the model.
func (m *Model) Features() int { return len(m.keys) }

// WriteTo writes the model gzipped: weights are quantised to int16 with
// one scale, which changes no decision in practice and halves the size.
// The output depends only on the model, so the same training gives the
// same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	if _, err = bw.WriteString(modelMagic); err != nil {
		return cw.n, err
	}
	put(uint32(len(m.Labels)))
	for _, l := range m.Labels {
		put(uint16(len(l)))
		put([]byte(l))
	}
	put(m.trans)
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	put(scale)
	put(uint32(len(m.keys)))
	// Keys as deltas: sorted keys make small, compressible gaps.
	var prev uint64
	var buf [binary.MaxVarintLen64]byte
	for _, k := range m.keys {
		n := binary.PutUvarint(buf[:], k-prev)
		if err == nil {
			_, err = bw.Write(buf[:n])
		}
		prev = k
	}
	q := make([]int16, len(m.w))
	for i, v := range m.w {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	// Label-major order groups the many zeros of each label together.
	L := len(m.Labels)
	col := make([]int16, len(m.keys))
	for l := 0; l < L; l++ {
		for i := range m.keys {
			col[i] = q[i*L+l]
		}
		put(col)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = zw.Close()
	}
	return cw.n, err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("ner model: not a Marsad NER model (bad header)")
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
	m := &Model{}
	for i := 0; i < int(nl); i++ {
		var n uint16
		get(&n)
		b := make([]byte, n)
		get(b)
		if err == nil && !validTag(string(b)) {
			return nil, fmt.Errorf("ner model: bad label %q", b)
		}
		m.Labels = append(m.Labels, string(b))
	}
	L := len(m.Labels)
	m.trans = make([]float32, (L+1)*L)
	get(m.trans)
	var scale float32
	var nk uint32
	get(&scale)
	get(&nk)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	if nk > 1<<26 {
		return nil, fmt.Errorf("ner model: implausible feature count %d", nk)
	}
	m.keys = make([]uint64, nk)
	var prev uint64
	for i := range m.keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("ner model: reading keys: %w", err)
		}
		prev += d
		m.keys[i] = prev
	}
	if !slices.IsSorted(m.keys) {
		return nil, errors.New("ner model: feature keys out of order")
	}
	m.w = make([]float32, int(nk)*L)
	col := make([]int16, nk)
	for l := 0; l < L; l++ {
		get(col)
		for i, v := range col {
			m.w[i*L+l] = float32(v) * scale
		}
	}
	if err != nil {
		return nil, fmt.Errorf("ner model: reading weights: %w", err)
	}
	m.finish()
	return m, nil
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

// table is an open-addressing hash set from feature key to row, built once
// at load; it is faster to build and to probe than a Go map of this size.
type table struct {
	slots []uint64 // key, or 0 for empty
	rows  []int32
	mask  uint64
}

func newTable(keys []uint64) table {
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	t := table{slots: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1)}
	for i, k := range keys {
		if k == 0 {
			continue // the one key we cannot store; losing it costs nothing
		}
		j := k & t.mask
		for t.slots[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = k
		t.rows[j] = int32(i)
	}
	return t
}

func (t *table) get(k uint64) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	for j := k & t.mask; ; j = (j + 1) & t.mask {
		switch t.slots[j] {
		case k:
			return t.rows[j]
		case 0:
			return -1
		}
	}
}

package ner

// DocSentences is how many consecutive sentences of a corpus without
// document boundaries (ANERcorp) are treated as one document, for training
// the second stage and for evaluation.
const DocSentences = 20

// docFeatures computes the second stage's extra keys for every token of a
// document from the first stage's labels (d.lab, flat over the document's
// tokens) and the tokens' stem hashes (d.stems, same layout), into d.extra
// and d.extraStart. d.starts[s] is the flat index of sentence s's first
// token. The keys say what the first
// stage made of the token and its neighbours, and what it made of the same
// stem elsewhere in the document: a name tagged in a clear context ("وزير
// الدفاع دونالد رامسفيلد") then helps its bare mentions.
func (m *Model) docFeatures(d *docScratch) {
	lab, stems, starts := d.lab, d.stems, d.starts
	T := len(m.types)
	// Per distinct stem, T counts in d.cnt starting at d.at[stem].
	if d.at == nil {
		d.at = map[uint64]int32{}
	}
	clear(d.at)
	d.cnt = d.cnt[:0]
	for i, h := range stems {
		o, ok := d.at[h]
		if !ok {
			o = int32(len(d.cnt))
			d.at[h] = o
			for t := 0; t < T; t++ {
				d.cnt = append(d.cnt, 0)
			}
		}
		d.cnt[int(o)+m.typeOf[lab[i]]]++
	}
	extra, extraStart := d.extra[:0], append(d.extraStart[:0], 0)
	for s := 0; s+1 < len(starts); s++ {
		lo, hi := starts[s], starts[s+1]
		for i := lo; i < hi; i++ {
			extra = append(extra, mix(tFirst, uint64(lab[i])+1))
			prev, next := uint64(0), uint64(0)
			if i > lo {
				prev = uint64(lab[i-1]) + 1
			}
			if i+1 < hi {
				next = uint64(lab[i+1]) + 1
			}
			extra = append(extra, mix(tFirstM1, prev), mix(tFirstP1, next))
			o := int(d.at[stems[i]])
			c := d.cnt[o : o+T]
			own := m.typeOf[lab[i]]
			best, bestN, others := 0, int32(0), int32(0)
			for t := 0; t < T; t++ {
				n := c[t]
				if t == own {
					n-- // the token itself is not evidence about itself
				}
				others += n
				if t > 0 && n > bestN {
					best, bestN = t, n
				}
			}
			switch {
			case best > 0:
				extra = append(extra, mix(tDocType, uint64(best)))
			case others > 0:
				extra = append(extra, mix(tDocOnlyO, 0))
			}
			extraStart = append(extraStart, len(extra))
		}
	}
	d.extra, d.extraStart = extra, extraStart
}

// docScratch holds the buffers of one TagDocument call.
type docScratch struct {
	lab        []int
	stems      []uint64
	starts     []int
	keys       []uint64 // first-stage keys of all tokens
	kstart     []int    // token t's keys are keys[kstart[t]:kstart[t+1]]
	extra      []uint64
	extraStart []int
	at         map[uint64]int32
	cnt        []int32
}

// TagDocument tags the sentences of one document. With a two-stage model
// the second stage sees how the first tagged the same words elsewhere in
// the document, so passing whole documents tags better than Tag sentence
// by sentence.
func (t *Tagger) TagDocument(sents [][]string) [][]string {
	return t.tagDocument(sents, false)
}

func (t *Tagger) tagDocument(sents [][]string, folded bool) [][]string {
	out := make([][]string, len(sents))
	s, _ := t.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	defer t.pool.Put(s)
	m := t.m
	d := &s.doc
	d.lab, d.stems, d.starts = d.lab[:0], d.stems[:0], append(d.starts[:0], 0)
	d.keys, d.kstart = d.keys[:0], d.kstart[:0]
	for _, words := range sents {
		if len(words) > 0 {
			s.f.prepare(words, folded, t.gaz, t.classes)
			d.lab = append(d.lab, m.decode(m.first, s, s.f.keys, s.f.start, nil, nil)...)
			d.stems = append(d.stems, s.f.hs...)
			// Keep the keys for the second stage rather than recompute them.
			base := len(d.keys)
			d.keys = append(d.keys, s.f.keys...)
			for _, st := range s.f.start[:len(words)] {
				d.kstart = append(d.kstart, base+st)
			}
		}
		d.starts = append(d.starts, len(d.lab))
	}
	d.kstart = append(d.kstart, len(d.keys))
	if m.second != nil {
		m.docFeatures(d)
	}
	for i, words := range sents {
		tags := make([]string, len(words))
		out[i] = tags
		if len(words) == 0 {
			continue
		}
		lo, hi := d.starts[i], d.starts[i+1]
		path := d.lab[lo:hi]
		if m.second != nil {
			path = m.decode(m.second, s, d.keys, d.kstart[lo:hi+1], d.extra, d.extraStart[lo:hi+1])
		}
		for j, l := range path {
			tags[j] = m.bio[l]
		}
	}
	return out
}

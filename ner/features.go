package ner

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// Gazetteer tells which classes a phrase (one to maxGazetteerWords words,
// each in its GazetteerKey form, joined by single spaces) is known as,
// e.g. ["LOC"], or nil. The classes are feature values the model learns
// to weigh, not necessarily entity types. LexiconGazetteer builds one from
// the knowledge files.
type Gazetteer func(phrase string) []string

// maxGazetteerWords is the longest phrase offered to a Gazetteer.
const maxGazetteerWords = 4

// Feature templates. The numbers are part of the model format: append new
// ones, never renumber.
const (
	tBias = iota
	tWord
	tStem
	tPre1
	tPre2
	tPre3
	tSuf1
	tSuf2
	tSuf3
	tShape
	tWordM1
	tWordP1
	tWordM2
	tWordP2
	tStemM1
	tStemP1
	tStemM2
	tStemP2
	tWordM1W0
	tWordW0P1
	tWordM2M1
	tPosition
	tClitics
	tShapeTri
	tGaz
	tGazM1
	tGazP1
	tStemSuf2
	tStemPre2
	tStemM1S0
	tStemGram3
	tWordM3
	tWordP3
	tFirst    // stage 2: the first stage's label of the token
	tFirstM1  // … of the previous token
	tFirstP1  // … of the next token
	tDocType  // stage 2: the type the first stage gave this stem elsewhere in the document
	tDocOnlyO // stage 2: the stem occurs elsewhere in the document, never in an entity
	tStemPre3 // first three letters of the stem
	tStemSuf3 // last three
	tStemPre4 // first four
	tStemSuf4 // last four
	tClus     // word class (clusters.tsv), one feature per level
)

// Padding hashes for positions before the first and after the last token.
var (
	hBOS = hashString("\x00<s>")
	hEOS = hashString("\x00</s>")
)

// featurizer turns a sentence into feature keys. It is reused between
// sentences so that tagging allocates little.
type featurizer struct {
	norm  []string
	hw    []uint64 // hash of folded word, per token
	hs    []uint64 // hash of stem
	hsh   []uint64 // hash of shape
	gz    []uint64 // hash of gazetteer match (0 = none)
	hc    []uint64 // packed word classes (0 = none)
	gk    []string // gazetteer key of each word (GazetteerKey)
	ends  []int    // byte ends of the 1…4-word phrases in markGazetteer
	keys  []uint64 // all tokens' keys, flat
	start []int    // token i's keys are keys[start[i]:start[i+1]]
	sb    strings.Builder
}

// prepare folds the words (unless they are folded already) and computes
// every token's feature keys.
func (f *featurizer) prepare(words []string, folded bool, gaz Gazetteer, classes WordClasses) {
	n := len(words)
	f.norm = f.norm[:0]
	f.hw, f.hs, f.hsh, f.gz = f.hw[:0], f.hs[:0], f.hsh[:0], f.gz[:0]
	f.hc = f.hc[:0]
	for _, w := range words {
		if !folded {
			w = arabic.Fold(w)
		}
		f.norm = append(f.norm, w)
		_, stem := stripClitics(w)
		hw := hashString(w)
		f.hw = append(f.hw, hw)
		f.hs = append(f.hs, hashString(stem))
		f.hsh = append(f.hsh, uint64(shape(w))+1)
		f.gz = append(f.gz, 0)
		f.hc = append(f.hc, classes[hw])
	}
	if gaz != nil {
		f.markGazetteer(gaz)
	}
	f.keys = f.keys[:0]
	f.start = append(f.start[:0], 0)
	for i := 0; i < n; i++ {
		f.token(i, n)
		f.start = append(f.start, len(f.keys))
	}
}

func (f *featurizer) at(h []uint64, i int) uint64 {
	if i < 0 {
		return hBOS
	}
	if i >= len(h) {
		return hEOS
	}
	return h[i]
}

func (f *featurizer) add(t int, h uint64) { f.keys = append(f.keys, mix(uint64(t), h)) }

func (f *featurizer) add2(t int, a, b uint64) { f.keys = append(f.keys, mix(mix(uint64(t), a), b)) }

func (f *featurizer) token(i, n int) {
	w := f.norm[i]
	f.add(tBias, 0)
	f.add(tWord, f.hw[i])
	f.add(tStem, f.hs[i])
	clitics, stem := stripClitics(w)
	f.add(tClitics, hashString(clitics))
	// Affixes of the folded word, by letters.
	for k, t := range [3]int{tPre1, tPre2, tPre3} {
		if p, ok := runePrefix(w, k+1); ok {
			f.add(t, hashString(p))
		}
	}
	for k, t := range [3]int{tSuf1, tSuf2, tSuf3} {
		if s, ok := runeSuffix(w, k+1); ok {
			f.add(t, hashString(s))
		}
	}
	if s, ok := runeSuffix(stem, 2); ok {
		f.add(tStemSuf2, hashString(s))
	}
	if p, ok := runePrefix(stem, 2); ok {
		f.add(tStemPre2, hashString(p))
	}
	// Letter trigrams inside the stem generalise to unseen
	// transliterated names, which share endings and clusters.
	for a, b := 0, 0; ; {
		if _, size := utf8.DecodeRuneInString(stem[b:]); b < len(stem) {
			b += size
		} else {
			break
		}
		if utf8.RuneCountInString(stem[a:b]) > 3 {
			_, size := utf8.DecodeRuneInString(stem[a:])
			a += size
		}
		if utf8.RuneCountInString(stem[a:b]) == 3 {
			f.add(tStemGram3, hashString(stem[a:b]))
		}
	}
	// Longer stem affixes: foreign names share endings (ـوف، ـسكي،
	// ـيه) and Arabic ones patterns (عبد…) that the clitics hide.
	for k, t := range [2]int{tStemPre3, tStemPre4} {
		if p, ok := runePrefix(stem, k+3); ok {
			f.add(t, hashString(p))
		}
	}
	for k, t := range [2]int{tStemSuf3, tStemSuf4} {
		if p, ok := runeSuffix(stem, k+3); ok {
			f.add(t, hashString(p))
		}
	}
	f.add(tWordM3, f.at(f.hw, i-3))
	f.add(tWordP3, f.at(f.hw, i+3))
	f.add(tShape, f.hsh[i])
	f.add2(tShapeTri, mix(f.at(f.hsh, i-1), f.hsh[i]), f.at(f.hsh, i+1))
	f.add(tWordM1, f.at(f.hw, i-1))
	f.add(tWordP1, f.at(f.hw, i+1))
	f.add(tWordM2, f.at(f.hw, i-2))
	f.add(tWordP2, f.at(f.hw, i+2))
	f.add(tStemM1, f.at(f.hs, i-1))
	f.add(tStemP1, f.at(f.hs, i+1))
	f.add(tStemM2, f.at(f.hs, i-2))
	f.add(tStemP2, f.at(f.hs, i+2))
	f.add2(tWordM1W0, f.at(f.hw, i-1), f.hw[i])
	f.add2(tWordW0P1, f.hw[i], f.at(f.hw, i+1))
	f.add2(tWordM2M1, f.at(f.hw, i-2), f.at(f.hw, i-1))
	f.add2(tStemM1S0, f.at(f.hs, i-1), f.hs[i])
	pos := uint64(2)
	switch {
	case i == 0:
		pos = 0
	case i == n-1:
		pos = 1
	}
	f.add(tPosition, pos)
	f.clusters(i)
	if g := f.gz[i]; g != 0 {
		f.add(tGaz, g)
	}
	if i > 0 && f.gz[i-1] != 0 {
		f.add(tGazM1, f.gz[i-1])
	}
	if i+1 < n && f.gz[i+1] != 0 {
		f.add(tGazP1, f.gz[i+1])
	}
}

// clusters adds the word classes of token i, one feature per level. The
// neighbours' classes were tried too and scored lower on held-out text
// (see model/README.md).
func (f *featurizer) clusters(i int) {
	for l := range clusterLevels {
		if c := clusterOf(f.hc[i], l); c != 0 {
			f.add2(tClus, uint64(l), c)
		}
	}
}

// markGazetteer finds the longest gazetteer phrase at each position, left to
// right, and marks its tokens with begin/inside hashes of its types.
func (f *featurizer) markGazetteer(gaz Gazetteer) {
	n := len(f.norm)
	f.gk = f.gk[:0]
	for _, w := range f.norm {
		f.gk = append(f.gk, GazetteerKey(w))
	}
	for i := 0; i < n; {
		// One string holds the longest candidate; the shorter ones are
		// its prefixes, which cost no allocation.
		f.sb.Reset()
		ends := f.ends[:0]
		for j := i; j < min(i+maxGazetteerWords, n); j++ {
			if j > i {
				f.sb.WriteByte(' ')
			}
			f.sb.WriteString(f.gk[j])
			ends = append(ends, f.sb.Len())
		}
		f.ends = ends
		long := f.sb.String()
		matched := 0
		var types []string
		for l := len(ends); l >= 1; l-- {
			if t := gaz(long[:ends[l-1]]); len(t) > 0 {
				matched, types = l, t
				break
			}
		}
		if matched == 0 {
			i++
			continue
		}
		h := f.typeHash(types)
		f.gz[i] = mix(h, 1)
		for j := i + 1; j < i+matched; j++ {
			f.gz[j] = mix(h, 2)
		}
		i += matched
	}
}

// typeHash hashes a gazetteer's type list in sorted order (the lists of
// LexiconGazetteer are sorted already, so usually nothing is copied).
func (f *featurizer) typeHash(types []string) uint64 {
	if !sort.StringsAreSorted(types) {
		types = append([]string(nil), types...)
		sort.Strings(types)
	}
	h := hashString(types[0])
	for _, t := range types[1:] {
		h = mix(h, hashString(t))
	}
	return h
}

// The clitics stripped for the stem feature, on folded text, besides
// arabic.Conjunctions and arabic.Prepositions: the article alone or after
// ل, and the pronoun suffixes of two letters or more but ني, which ends
// too many plain words (وطني، ثاني). One-letter pronouns are kept: ة is
// already ه in folded text, and ي and ك end many words.
var (
	articles = []string{arabic.Article, arabic.LamArticle}
	pronouns = slices.DeleteFunc(slices.Clone(arabic.PronounSuffixes), func(s string) bool {
		return utf8.RuneCountInString(s) < 2 || s == "ني"
	})
)

// stripClitics splits a folded word into its proclitic letters and stem,
// with pronoun suffixes removed from the stem. It errs on the side of
// keeping letters: the stem keeps at least two letters.
func stripClitics(w string) (clitics, stem string) {
	rest := w
	take := func(list []string, minLeft int) {
		for _, p := range list {
			if strings.HasPrefix(rest, p) && utf8.RuneCountInString(rest)-utf8.RuneCountInString(p) >= minLeft {
				rest = rest[len(p):]
				return
			}
		}
	}
	take(arabic.Conjunctions, 3)
	if strings.HasPrefix(rest, arabic.LamArticle) {
		take(articles, 2)
	} else {
		before := rest
		take(arabic.Prepositions, 3)
		if before != rest && !strings.HasPrefix(rest, arabic.Article) {
			// ب/ل/ك without the article: only strip when the rest is long,
			// since many stems start with these letters.
			if utf8.RuneCountInString(rest) < 4 {
				rest = before
			}
		}
		take(articles[:1], 2)
	}
	clitics = w[:len(w)-len(rest)]
	for _, s := range pronouns {
		if strings.HasSuffix(rest, s) && utf8.RuneCountInString(rest)-utf8.RuneCountInString(s) >= 3 {
			rest = rest[:len(rest)-len(s)]
			break
		}
	}
	return clitics, rest
}

// shape packs script classes present and a length bucket into a number.
func shape(w string) int {
	var bits, n int
	for _, r := range w {
		n++
		switch {
		case r >= '0' && r <= '9':
			bits |= 4
		case r >= 0x0621 && r <= 0x064A, r >= 0x0671 && r <= 0x06D3:
			bits |= 1
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			bits |= 2
		default:
			bits |= 8
		}
	}
	bucket := n
	switch {
	case n >= 10:
		bucket = 7
	case n >= 7:
		bucket = 6
	case n >= 5:
		bucket = 5
	}
	return bits<<4 | bucket
}

func runePrefix(s string, k int) (string, bool) {
	i := 0
	for ; k > 0; k-- {
		if i >= len(s) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], true
}

func runeSuffix(s string, k int) (string, bool) {
	i := len(s)
	for ; k > 0; k-- {
		if i <= 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], true
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix combines two hashes (splitmix64 finaliser over a multiply-xor).
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 30
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 27
	h *= 0x94D049BB133111EB
	h ^= h >> 31
	return h
}

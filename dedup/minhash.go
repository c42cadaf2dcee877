// Package dedup finds repeated news: near-duplicate articles (the same wire
// story on several sites, a story re-published with a new headline) and
// events that report the same happening (one clash reported by five
// outlets over two days).
//
// Documents get a MinHash signature over word shingles; two documents are
// near duplicates when the signatures estimate a Jaccard similarity of at
// least Threshold. Stores keep each signature's Bands (locality-sensitive
// hashing) so that later batches find matches among earlier ones with
// indexed lookups. Events get a cluster key (type, actors, place) and
// reports with equal keys whose dates lie within a window are one
// happening; see DayWindow and Clusterer.
//
// The package does no language work: the folded words of a document and
// the cluster key of an event come from package prep (prep.MinHash,
// prep.EventKey), so that the stores compare signatures and windows
// without depending on the Arabic packages.
package dedup

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
)

// ShingleSize is the number of words per shingle. Three words keep common
// phrases ("قال مصدر عسكري") from making unrelated articles similar, while
// one edited word changes only three shingles.
const ShingleSize = 3

// MinShingles is the smallest number of distinct shingles for which a
// signature is made: a headline or a two-line brief shares too much
// boilerplate with others, so such texts only match by exact hash.
const MinShingles = 15

// NumHashes is the signature length. The standard error of the similarity
// estimate is sqrt(J(1-J)/NumHashes): ±0.05 at J = 0.7.
const NumHashes = 64

// Rows and NumBands split the signature for LSH: two documents are compared
// when all Rows values of one band agree. With 16 bands of 4 rows a pair of
// similarity 0.75 is a candidate with probability 1-(1-0.75⁴)¹⁶ = 0.998
// (0.9999 at 0.85), while an unrelated pair (0.05) is one with probability
// 1e-4, so a lookup in a million documents reads about a hundred rows.
const (
	Rows     = 4
	NumBands = NumHashes / Rows
)

// Threshold is the estimated Jaccard similarity of word 3-shingles from
// which two documents are near duplicates. On the ANT corpus (2,000
// articles, TestThresholdOnCorpus) the pairs at 0.75 and above are one
// story re-published (a new headline, a paragraph added or cut, the same
// wire copy on two sites); between 0.5 and 0.72 are different articles
// that share background paragraphs or the "related stories" a scraper
// kept (CNN Arabic, Sky News Arabia). Those are separate reports, which
// event clustering may still join, so the threshold sits above them.
const Threshold = 0.75

// Signature is a document's MinHash. It is nil when the text is too short
// to compare (fewer than MinShingles distinct shingles).
type Signature []uint32

// MinHash computes the signature of a document from its words in text
// order, as prep.MinHash gives them (folded with arabic.Fold, punctuation
// dropped): shingled ShingleSize at a time, each distinct shingle hashed
// once with FNV-1a and remixed NumHashes times (a family of hash
// functions).
func MinHash(words []string) Signature {
	seen := map[uint64]bool{}
	h := fnv.New64a()
	for i := 0; i+ShingleSize <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+ShingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		seen[h.Sum64()] = true
	}
	if len(seen) < MinShingles {
		return nil
	}
	sig := make(Signature, NumHashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for x := range seen { // min is order-independent, so map order does not matter
		for i := range sig {
			if v := uint32(mix(x^seeds[i]) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// seeds make the NumHashes hash functions; fixed so signatures stored
// today compare with signatures computed tomorrow.
var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x6d61727361642121) // "marsad!!"
	for i := range s {
		x = mix(x + uint64(i))
		s[i] = x
	}
	return s
}()

// mix is the splitmix64 finaliser: a cheap, well-spread 64-bit permutation.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Similarity estimates the Jaccard similarity of the two documents' shingle
// sets: the share of equal signature values. It is 0 when either is nil.
func Similarity(a, b Signature) float64 {
	if len(a) != NumHashes || len(b) != NumHashes {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / NumHashes
}

// Near reports whether two signatures are near duplicates.
func Near(a, b Signature) bool { return Similarity(a, b) >= Threshold }

// Bands returns the LSH keys of the signature: one int64 per band, the
// value stores index to find candidate near duplicates. Nil for a nil
// signature.
func (s Signature) Bands() []int64 {
	if len(s) != NumHashes {
		return nil
	}
	out := make([]int64, NumBands)
	var buf [4]byte
	for b := range out {
		h := fnv.New64a()
		h.Write([]byte{byte(b)})
		for _, v := range s[b*Rows : (b+1)*Rows] {
			binary.LittleEndian.PutUint32(buf[:], v)
			h.Write(buf[:])
		}
		out[b] = int64(h.Sum64() >> 1) // non-negative: portable across databases
	}
	return out
}

// String encodes the signature as hex, the form stores keep ("" for nil).
func (s Signature) String() string {
	if s == nil {
		return ""
	}
	b := make([]byte, 4*len(s))
	for i, v := range s {
		binary.BigEndian.PutUint32(b[4*i:], v)
	}
	return hex.EncodeToString(b)
}

// ParseSignature decodes String's output.
func ParseSignature(s string) (Signature, error) {
	if s == "" {
		return nil, nil
	}
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 4*NumHashes {
		return nil, fmt.Errorf("bad MinHash signature %.16q…: want %d hex digits", s, 8*NumHashes)
	}
	sig := make(Signature, NumHashes)
	for i := range sig {
		sig[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	return sig, nil
}

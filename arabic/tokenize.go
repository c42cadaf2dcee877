package arabic

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

// Tokenize splits a sentence into tokens with document offsets
// (s.Start + the offset inside the sentence), a kind, the folded surface
// and, for Arabic words, the clitic segmentation.
//
// A hashtag gives a "#" Punct token and the word after it, so #ليبيا
// matches ليبيا; "_" inside hashtags is punctuation too. Numbers keep their
// separators (1,000 3.5 ٢٠١٩). Latin words keep inner apostrophes (Haftar's)
// and dotted initials (U.S.).
func Tokenize(s marsad.Sentence) []marsad.Token {
	return appendTokens(nil, s)
}

func appendTokens(out []marsad.Token, s marsad.Sentence) []marsad.Token {
	text := s.Text
	if out == nil {
		out = make([]marsad.Token, 0, len(text)/8+1)
	}
	pos, idx := 0, 0 // byte position and rune index in text
	// next decodes the rune at byte p ("0, 0" at the end).
	next := func(p int) (rune, int) {
		if p >= len(text) {
			return 0, 0
		}
		return utf8.DecodeRuneInString(text[p:])
	}
	for pos < len(text) {
		r, size := next(pos)
		startPos, startIdx := pos, idx
		adv := func() { pos += size; idx++; r, size = next(pos) }
		var kind marsad.TokenKind
		switch {
		case isSpace(r):
			adv()
			continue
		case isArabicLetter(r):
			kind = marsad.Word
			for pos < len(text) {
				if isArabicLetter(r) || unicode.Is(unicode.Mn, r) {
					adv()
					continue
				}
				if r == 0x200C || r == 0x200D { // joiners inside a word
					if r2, _ := next(pos + size); isArabicLetter(r2) {
						adv()
						continue
					}
				}
				break
			}
		case IsDigit(r):
			kind = marsad.Number
			for pos < len(text) {
				if IsDigit(r) {
					adv()
					continue
				}
				if r == '.' || r == ',' || r == '٫' || r == '٬' {
					if r2, _ := next(pos + size); IsDigit(r2) {
						adv()
						continue
					}
				}
				break
			}
		case unicode.IsLetter(r):
			kind = marsad.Latin
			single := true // U.S.: single letters joined by dots
			run := 0
			for pos < len(text) {
				if unicode.IsLetter(r) && !isArabicLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
					run++
					if run > 1 {
						single = false
					}
					adv()
					continue
				}
				r2, _ := next(pos + size)
				if (r == '\'' || r == '’') && unicode.IsLetter(r2) && !isArabicLetter(r2) {
					adv()
					continue
				}
				if r == '.' && single && run == 1 {
					if unicode.IsLetter(r2) && !isArabicLetter(r2) {
						run = 0
						adv()
						continue
					}
					if idx-startIdx > 2 { // "U.S" → take the final dot too
						adv()
					}
				}
				break
			}
		case unicode.IsPunct(r):
			kind = marsad.Punct
			first := r
			for pos < len(text) && r == first {
				adv()
			}
		default:
			kind = marsad.Symbol
			adv()
		}
		surface := text[startPos:pos]
		tok := marsad.Token{Text: surface, Start: s.Start + startIdx, End: s.Start + idx, Kind: kind}
		if kind == marsad.Word {
			w := analyzeWord(surface)
			tok.Norm, tok.Prefixes, tok.Stem, tok.Suffixes = w.norm, w.pre, w.stem, w.suf
		} else {
			tok.Norm = Fold(surface)
			tok.Stem = tok.Norm
		}
		out = append(out, tok)
	}
	return out
}

// wordInfo is the folded form and segmentation of one surface word.
type wordInfo struct {
	norm, stem string
	pre, suf   []string
}

// wordCache remembers the analysis of surface words: news vocabulary is
// Zipfian, so most tokens are seen before and cost one map lookup. The
// cached slices are shared between tokens (capacity clipped so an append
// copies); it stops growing at maxCachedWords to bound memory.
var wordCache = struct {
	sync.RWMutex
	m map[string]wordInfo
}{m: map[string]wordInfo{}}

const maxCachedWords = 1 << 18

func analyzeWord(surface string) wordInfo {
	wordCache.RLock()
	w, ok := wordCache.m[surface]
	wordCache.RUnlock()
	if ok {
		return w
	}
	w.norm = Fold(surface)
	last, _ := utf8.DecodeLastRuneInString(surface)
	w.pre, w.stem, w.suf = segment(w.norm, last == 'ة')
	w.pre = w.pre[:len(w.pre):len(w.pre)]
	w.suf = w.suf[:len(w.suf):len(w.suf)]
	wordCache.Lock()
	if len(wordCache.m) < maxCachedWords {
		wordCache.m[strings.Clone(surface)] = w
	}
	wordCache.Unlock()
	return w
}

// arabicLetter caches isArabicLetter for the Arabic block.
var arabicLetter [0x100]bool

func init() {
	for r := rune(0x0600); r <= 0x06FF; r++ {
		arabicLetter[r-0x0600] = unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
	}
}

// isArabicLetter: letters of the Arabic script (not its digits or
// punctuation), including presentation forms, tatweel and marks.
func isArabicLetter(r rune) bool {
	if r < 0x0600 {
		return false
	}
	if r <= 0x06FF {
		return arabicLetter[r-0x0600]
	}
	return (r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF) &&
		(unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

// Analyzed is a sentence with its tokens.
type Analyzed struct {
	Sentence marsad.Sentence
	Tokens   []marsad.Token
}

// Analyze splits text into sentences and tokenises each one.
func Analyze(text string) []Analyzed {
	sents := Split(text)
	out := make([]Analyzed, len(sents))
	for i, s := range sents {
		out[i] = Analyzed{Sentence: s, Tokens: Tokenize(s)}
	}
	return out
}

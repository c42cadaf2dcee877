package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s normalised for matching: NFKC (presentation forms such as
// ﻻ become لا), diacritics, tatweel and zero-width characters removed,
// أإآٱ→ا, ى→ي, ة→ه, Persian ی→ي and ک→ك, Arabic-Indic and Persian digits →
// ASCII, Latin letters lower-cased. It is the key function for every
// dictionary lookup, so dictionary entries and text must both go through
// it. Fold(s) is the norm string of Normalize(s).
func Fold(s string) string {
	if isFolded(s) {
		return s // the common case for already-clean words: no allocation
	}
	var b strings.Builder
	b.Grow(len(s))
	var buf [4 * utf8.UTFMax]byte
	for _, r := range s {
		if f, keep, simple := foldRune(r); simple {
			if keep {
				b.WriteRune(f)
			}
			continue
		}
		for _, c := range nfkc(buf[:0], r) {
			if f, keep := foldDecomposed(c); keep {
				b.WriteRune(f)
			}
		}
	}
	return b.String()
}

// Normalize returns the matching form of s (the same string as Fold(s))
// and, for each rune of the result, the code point offset in s of the rune
// that produced it, plus one final entry len([]rune(s)). A span [a,b) of
// norm therefore maps back to [offsets[a], offsets[b]) in s.
func Normalize(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offsets := make([]int, 0, utf8.RuneCountInString(s)+1)
	var buf [4 * utf8.UTFMax]byte
	i := 0
	for _, r := range s {
		if f, keep, simple := foldRune(r); simple {
			if keep {
				b.WriteRune(f)
				offsets = append(offsets, i)
			}
			i++
			continue
		}
		// A compatibility character may expand to several runes (ﷲ → الله);
		// all of them point back at the one source rune.
		for _, c := range nfkc(buf[:0], r) {
			if f, keep := foldDecomposed(c); keep {
				b.WriteRune(f)
				offsets = append(offsets, i)
			}
		}
		i++
	}
	offsets = append(offsets, i)
	return b.String(), offsets
}

// nfkc returns the NFKC form of the single rune r, decoded into runes.
// Normalising rune by rune (rather than the whole string) is what keeps
// the offset map exact; the cost is that a base letter and a following
// combining mark are not composed, which does not matter here because
// Arabic marks are dropped anyway.
func nfkc(dst []byte, r rune) []rune {
	var in [utf8.UTFMax]byte
	n := utf8.EncodeRune(in[:], r)
	out := norm.NFKC.Append(dst, in[:n]...)
	if len(out) == n && string(out) == string(in[:n]) {
		return []rune{r}
	}
	return []rune(string(out))
}

// isFolded reports whether Fold would return s unchanged.
func isFolded(s string) bool {
	for _, r := range s {
		f, keep, simple := foldRune(r)
		if !simple || !keep || f != r {
			return false
		}
	}
	return true
}

// foldDecomposed folds a rune that came out of NFKC: the fast-path rules
// where they apply, otherwise plain lower-casing.
func foldDecomposed(c rune) (rune, bool) {
	if f, keep, simple := foldRune(c); simple {
		return f, keep
	}
	return unicode.ToLower(c), true
}

// foldTable caches foldRune for ASCII, Latin-1 and the Arabic block, which
// is nearly all news text: the mapped rune, or dropRune / slowRune.
var foldTable [0x700]rune

const (
	dropRune = -1
	slowRune = -2
)

func init() {
	for r := rune(0); r < 0x700; r++ {
		f, keep, simple := foldRuneSlow(r)
		switch {
		case !simple:
			foldTable[r] = slowRune
		case !keep:
			foldTable[r] = dropRune
		default:
			foldTable[r] = f
		}
	}
}

// foldRune maps one rune. keep is false when the rune is dropped; simple is
// false when the rune may have a compatibility decomposition and must go
// through NFKC first (then f and keep are meaningless).
func foldRune(r rune) (f rune, keep, simple bool) {
	if r >= 0 && r < 0x700 {
		switch f := foldTable[r]; f {
		case slowRune:
			return 0, false, false
		case dropRune:
			return 0, false, true
		default:
			return f, true, true
		}
	}
	return foldRuneSlow(r)
}

func foldRuneSlow(r rune) (f rune, keep, simple bool) {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A'), true, true
		}
		return r, true, true
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, superscript alef, tatweel
		return 0, false, true
	case r >= 0x06D6 && r <= 0x06ED: // Quranic marks
		return 0, false, true
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ' || r == 0x0672 || r == 0x0673:
		return 'ا', true, true
	case r == 'ى' || r == 'ی':
		return 'ي', true, true
	case r == 'ة':
		return 'ه', true, true
	case r == 'ک':
		return 'ك', true, true
	case IsDigit(r): // Arabic-Indic and Extended Arabic-Indic (ASCII is done above)
		return FoldDigit(r), true, true
	case r >= 0x0675 && r <= 0x0678: // high-hamza letters: compatibility forms
		return 0, false, false
	case r >= 0x0600 && r <= 0x06FF:
		return r, true, true
	case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x200E || r == 0x200F,
		r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069,
		r == 0xFEFF, r == 0x061C, r == 0x00AD: // zero-width, bidi controls, soft hyphen
		return 0, false, true
	case r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08FF: // Arabic supplements: no NFKC change
		return r, true, true
	case r >= 0xC0 && r <= 0xFF: // Latin-1 letters: NFKC-stable
		if r <= 0xDE && r != 0xD7 {
			return r + 0x20, true, true
		}
		return r, true, true
	}
	return 0, false, false
}

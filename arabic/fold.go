package arabic

import "strings"

// Fold returns s normalised for matching: diacritics and tatweel removed,
// أإآٱ→ا, ى→ي, ة→ه, Persian ی→ي and ک→ك, Arabic-Indic digits → ASCII,
// Latin letters lower-cased. It is the key function for every dictionary
// lookup, so dictionary entries and text must both go through it.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldRune(r); ok {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// foldRune maps one rune; ok is false when the rune is dropped.
func foldRune(r rune) (rune, bool) {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, superscript alef, tatweel
		return 0, false
	case r >= 0x06D6 && r <= 0x06ED: // Quranic marks
		return 0, false
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا', true
	case r == 'ى' || r == 'ی':
		return 'ي', true
	case r == 'ة':
		return 'ه', true
	case r == 'ک':
		return 'ك', true
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A'), true
	case r == '\u200c' || r == '\u200d' || r == '\u200f' || r == '\u200e' || r == '\ufeff':
		return 0, false
	}
	return r, true
}

package arabic

import "strings"

// The zeros of the three digit sets Arabic text uses: ASCII 0-9,
// Arabic-Indic ٠-٩ (U+0660) and Extended Arabic-Indic (Persian, Urdu)
// ۰-۹ (U+06F0). Each set is ten consecutive code points.
var digitZeros = [...]rune{'0', '٠', '۰'}

// DigitValue returns the value of r when r is an ASCII, Arabic-Indic or
// Extended Arabic-Indic digit, and false otherwise.
func DigitValue(r rune) (int, bool) {
	for _, zero := range digitZeros {
		if r >= zero && r <= zero+9 {
			return int(r - zero), true
		}
	}
	return 0, false
}

// IsDigit reports whether r is an ASCII, Arabic-Indic or Extended
// Arabic-Indic digit.
func IsDigit(r rune) bool {
	_, ok := DigitValue(r)
	return ok
}

// FoldDigit maps an Arabic-Indic or Extended Arabic-Indic digit to its
// ASCII digit and returns any other rune unchanged.
func FoldDigit(r rune) rune {
	if v, ok := DigitValue(r); ok {
		return '0' + rune(v)
	}
	return r
}

// FoldDigits maps every Arabic-Indic and Extended Arabic-Indic digit of s
// to ASCII and leaves the rest of s as it is (Fold does this and more).
func FoldDigits(s string) string { return strings.Map(FoldDigit, s) }

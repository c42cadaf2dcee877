// Fatalities: a stated death toll near a kill word, and the numbers and counted victims it is read from.

package coder

import (
	"strconv"

	marsad "github.com/marsad/marsad"
)

// fatalities reads a stated death toll near a kill word: "مقتل 30 شخصا",
// "قتل ثلاثة جنود", "10 قتلى", "مقتل العشرات".
func (v *sentenceView) fatalities() (n *int, approx bool) {
	best := -1
	for i := range v.toks {
		val, isApprox, width := v.numberAt(i)
		if width == 0 {
			continue
		}
		j := i + width
		if j < len(v.toks) && v.toks[j].Norm == "من" {
			j++
		}
		killed := false
		if j < len(v.toks) {
			if _, inj := v.hasCueAt(j, cueInjured); inj {
				continue
			}
			if _, ok := v.hasCueAt(j, cueDead); ok {
				killed = true
			} else if _, ok := v.hasCueAt(j, cueCasualty); ok {
				killed = v.killNear(i)
			}
		}
		if !killed && v.killJustBefore(i) {
			killed = true
		}
		if killed && val > best {
			best, approx = val, isApprox
		}
	}
	if best < 0 {
		return nil, false
	}
	return &best, approx
}

func (v *sentenceView) killNear(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		if _, ok := v.cueCovering(j, cueKill); ok {
			return true
		}
	}
	return false
}

func (v *sentenceView) killJustBefore(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		if _, ok := v.cueCovering(j, cueKill); ok {
			return true
		}
	}
	return false
}

// numberAt reads a number at token i: digits, a number word, or a vague
// quantity (العشرات) given as its lower bound.
func (v *sentenceView) numberAt(i int) (val int, approx bool, width int) {
	t := v.toks[i]
	if t.Kind == marsad.Number {
		digits := make([]rune, 0, len(t.Norm))
		for _, r := range t.Norm {
			if r >= '0' && r <= '9' {
				digits = append(digits, r)
			} else if r == '.' || r == '٫' { // the decimal separator: 3.5, ٣٫٥
				break
			}
		}
		// A number glued to letters (1e9, 5km) counts no one; one too
		// long for an int is a number whose value is not read. Either is
		// still a number token, so the rest of the sentence reads the same.
		glued := i+1 < len(v.toks) && v.toks[i+1].Start == t.End && v.toks[i+1].Kind == marsad.Latin
		if n, err := strconv.Atoi(string(digits)); err == nil && !glued {
			return n, false, 1
		}
		return -1, false, 1
	}
	if h, ok := v.hasCueAt(i, cueNumber); ok {
		return h.value, false, h.end - h.start
	}
	if h, ok := v.hasCueAt(i, cueApprox); ok {
		return h.value, true, h.end - h.start
	}
	return 0, false, 0
}

// countedVictims reports whether token i opens a count or a casualty
// noun (20 شخصا، شخص، ثلاثة جنود).
func (v *sentenceView) countedVictims(i int) bool {
	if i >= len(v.toks) {
		return false
	}
	if v.numberWidth(i) > 0 {
		return true
	}
	_, ok := v.hasCueAt(i, cueCasualty)
	return ok
}

// numberWidth is the number of tokens of a number at token i (0 when
// there is none).
func (v *sentenceView) numberWidth(i int) int {
	if i >= len(v.toks) {
		return 0
	}
	_, _, w := v.numberAt(i)
	return w
}

// Fatalities: a stated death toll near a kill word, and the numbers and counted victims it is read from.

package coder

import (
	"slices"
	"strconv"

	marsad "github.com/marsad/marsad"
)

// fatalities reads a stated death toll near a kill word: "مقتل 30 شخصا",
// "قتل ثلاثة جنود", "10 قتلى", "مقتل العشرات", "مقتل نحو 5 آلاف كردي",
// "لقي 4 أشخاص مصرعهم", "سقوط 14 قتيلا", "مقتل امرأة". A count after a
// word of wounding (وأصيب 15) or after a year or day word (عام 2015) is
// none; a hedge (نحو، أكثر من، على الأقل) makes it approximate.
func (v *sentenceView) fatalities() (n *int, approx bool) {
	best := -1
	for i := 0; i < len(v.toks); i++ {
		val, isApprox, width := v.countAt(i)
		if width == 0 {
			continue
		}
		if i > 0 && v.endsCue(i, cueNotCount) {
			i += width - 1
			continue
		}
		lead := i // the first token of the count with its hedge
		if h, ok := v.cueEndingAt(i, cueAbout); ok {
			lead, isApprox = h.start, true
		}
		j := i + width
		i = j - 1
		if j < len(v.toks) && v.toks[j].Norm == "من" {
			j++
		}
		killed := false
		if j < len(v.toks) {
			if v.wounding(j) {
				continue
			}
			if h, ok := v.hasCueAt(j, cueDead); ok {
				killed, j = true, h.end
			} else if h, ok := v.hasCueAt(j, cueCasualty); ok {
				// لقي 4 أشخاص مصرعهم، 12 عنصرا من الميليشيات قتلوا
				killed = v.killNear(lead) || v.killAfter(h.end, 4)
				j = h.end
			}
		}
		if h, ok := v.hasCueAt(j, cueAbout); ok { // 5 قتلى على الأقل
			isApprox, j = true, h.end
		}
		// رجلا واحدا على الأقل قتل
		killed = killed || v.killJustBefore(lead) || v.killAfter(j, 1)
		if !killed {
			continue
		}
		if val > best {
			best, approx = val, isApprox
		}
	}
	if best < 0 {
		best = v.oneVictim()
	}
	if best < 0 {
		return nil, false
	}
	return &best, approx
}

// wounding reports a word of wounding at token i (جرحى، أصيب).
func (v *sentenceView) wounding(i int) bool {
	_, a := v.cueCovering(i, cueInjured)
	_, b := v.cueCovering(i, cueWounded)
	return a || b
}

// oneVictim is 1 when a kill word is next to a noun of one person
// (مقتل امرأة، قتل طفل، طفلا قتل), else -1.
func (v *sentenceView) oneVictim() int {
	for _, h := range v.cues {
		if h.kind != cueKill {
			continue
		}
		if _, ok := v.hasCueAt(h.end, cueOneVictim); ok {
			return 1
		}
		if h.start > 0 && v.endsCue(h.start, cueOneVictim) {
			return 1
		}
	}
	return -1
}

// countAt reads a count at token i: a number (numberAt) times a
// multiplier after it (عشرة آلاف، 40 ألف، عشرات الآلاف), or units and
// tens (تسعة وأربعين).
func (v *sentenceView) countAt(i int) (val int, approx bool, width int) {
	val, approx, width = v.numberAt(i)
	if width == 0 {
		return 0, false, 0
	}
	j := i + width
	if j < len(v.toks) && val < 10 && !approx {
		if t, _, w := v.numberAt(j); w > 0 && t >= 20 && t < 100 && t%10 == 0 && slices.Contains(v.toks[j].Prefixes, "و") {
			val, j = val+t, j+w
		}
	}
	if j < len(v.toks) {
		if h, ok := v.hasCueAt(j, cueMultiplier); ok && val < 1000 {
			val, j = val*h.value, h.end
		}
	}
	return val, approx, j - i
}

// endsCue reports whether a cue of kind ends just before token i.
func (v *sentenceView) endsCue(i int, kind string) bool {
	_, ok := v.cueEndingAt(i, kind)
	return ok
}

// cueEndingAt returns the cue of kind that ends just before token i.
func (v *sentenceView) cueEndingAt(i int, kind string) (cueHit, bool) {
	for _, h := range v.cues {
		if h.kind == kind && h.end == i {
			return h, true
		}
	}
	return cueHit{}, false
}

// killAfter reports a kill word within n tokens from i, with no word of
// wounding before it.
func (v *sentenceView) killAfter(i, n int) bool {
	for j := i; j < len(v.toks) && j < i+n; j++ {
		if v.wounding(j) {
			return false
		}
		if _, ok := v.cueCovering(j, cueKill); ok {
			return true
		}
	}
	return false
}

func (v *sentenceView) killNear(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 4; j-- {
		if v.wounding(j) {
			return false
		}
		if _, ok := v.cueCovering(j, cueKill); ok {
			return true
		}
	}
	return false
}

// killJustBefore reports a kill word one or two tokens before i, with no
// word of wounding between (قتل وأصيب 15 is a toll of the wounded).
func (v *sentenceView) killJustBefore(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		if v.wounding(j) {
			return false
		}
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

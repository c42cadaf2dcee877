package arabic

import (
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad"
)

// maxSentenceWords bounds a sentence: text without stops (lists, scraped
// tables) is cut so that later stages never see a huge sentence.
const maxSentenceWords = 400

// maxSentenceRunes bounds a sentence in code points too: a run without
// spaces (a scraped blob, a hostile input) is cut at a safe boundary.
const maxSentenceRunes = 4000

// Split cuts text into sentences with code point offsets into text.
//
// Sentences end at ؟ ? ! … and at a full stop, and at every newline
// (paragraph break). A dot does not end a sentence inside a number (3.5),
// between two letters (العربية.نت, U.S.), or after a single-letter
// initial (د. أ. م.) or an abbreviation listed in data/abbreviations.txt.
// The Arabic comma and ؛ do not end sentences: in news prose ؛ joins
// clauses of one statement, and cutting there would separate a claim from
// its speaker. The scraping artifact ".," (and ". ," or a lone "," at the
// start of a paragraph) ends a sentence and the comma belongs to none.
// Closing quotes and brackets after the stop stay with the sentence.
func Split(text string) []marsad.Sentence {
	return splitRunes(text, []rune(text))
}

func splitRunes(text string, rs []rune) []marsad.Sentence {
	var out []marsad.Sentence
	// Sentence texts are slices of text (no copy) when text is valid UTF-8;
	// otherwise string([]rune) is the definition of the text.
	valid := utf8.ValidString(text)
	ri, bi := 0, 0 // rune and byte cursor: sentence bounds only move forward
	byteAt := func(r int) int {
		for ri < r {
			bi += utf8.RuneLen(rs[ri])
			ri++
		}
		return bi
	}
	emit := func(a, b int) {
		for a < b && isSpace(rs[a]) {
			a++
		}
		for b > a && isSpace(rs[b-1]) {
			b--
		}
		if !hasContent(rs[a:b]) {
			return
		}
		for _, p := range cutLong(rs, a, b) {
			var t string
			if valid {
				t = text[byteAt(p[0]):byteAt(p[1])]
			} else {
				t = string(rs[p[0]:p[1]])
			}
			out = append(out, marsad.Sentence{Index: len(out), Start: p[0], End: p[1], Text: t})
		}
	}
	start := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028':
			emit(start, i)
			start = i + 1
		case r == ',' && isJoinerComma(rs, i):
			emit(start, i)
			start = i + 1
		case isTerminator(r) || (r == '.' && endsAtDot(rs, i)):
			j := i + 1
			for j < len(rs) && (isTerminator(rs[j]) || rs[j] == '.') {
				j++
			}
			for j < len(rs) && isCloser(rs[j]) {
				j++
			}
			emit(start, j)
			start = j
			i = j - 1
		}
	}
	emit(start, len(rs))
	return out
}

// isJoinerComma reports whether the ASCII comma at i is the scraping
// artifact that stands for a paragraph break: it follows (after spaces) a
// stop, an Arabic comma or the start of the text, and is followed by a word
// without a space (".,", "., و", "، ,سيكون").
func isJoinerComma(rs []rune, i int) bool {
	p := i - 1
	for p >= 0 && rs[p] == ' ' {
		p--
	}
	if p >= 0 && rs[p] != '.' && rs[p] != '،' && !isTerminator(rs[p]) && rs[p] != '\n' {
		return false
	}
	if p >= 0 && rs[p] == '.' && !endsAtDot(rs, p) {
		// "U.S.," is an abbreviation followed by a real comma.
		return false
	}
	if p >= 0 && rs[p] == '،' {
		// "، ,X": only when the comma is glued to the next word.
		return i+1 < len(rs) && isLetter(rs[i+1])
	}
	return true
}

// maxAbbrevRunes bounds the word before a full stop that can be an
// abbreviation or a run of initials.
const maxAbbrevRunes = 16

// endsAtDot reports whether the full stop at i ends a sentence.
func endsAtDot(rs []rune, i int) bool {
	var prev, next rune
	if i > 0 {
		prev = rs[i-1]
	}
	if i+1 < len(rs) {
		next = rs[i+1]
	}
	if IsDigit(prev) && IsDigit(next) { // 3.5
		return false
	}
	if isLetter(prev) && isLetter(next) { // العربية.نت, U.S
		return false
	}
	// The word before the dot: an initial or a known abbreviation (but not
	// the م of "2019م." which is glued to a number).
	// The look-back is bounded: an abbreviation or "U.S." is short, and an
	// unbounded walk makes text like "كلمة...كلمة..." quadratic.
	w := i
	for w > 0 && i-w < maxAbbrevRunes && (isLetter(rs[w-1]) || rs[w-1] == '.') {
		w--
	}
	if w > 0 && (isLetter(rs[w-1]) || rs[w-1] == '.') {
		w = i // longer than any abbreviation: an ordinary word
	}
	word := rs[w:i]
	if len(word) > 0 && (w == 0 || !IsDigit(rs[w-1])) {
		letters := 0
		for _, r := range word {
			if r != '.' {
				letters++
			}
		}
		if letters == 1 || (letters > 1 && len(word) > letters && allSingles(word)) {
			return false // د. أ. م. U.S.
		}
		if isAbbreviation(string(word)) {
			return false
		}
	}
	if next == '.' || next == ',' { // "..", ".,"
		return true
	}
	// English: a lower-case word after the dot continues the sentence.
	j := i + 1
	for j < len(rs) && rs[j] == ' ' {
		j++
	}
	if j < len(rs) && rs[j] >= 'a' && rs[j] <= 'z' && j > i+1 {
		return false
	}
	return true
}

// allSingles reports whether w looks like "U.S" (single letters between dots).
func allSingles(w []rune) bool {
	run := 0
	for _, r := range w {
		if r == '.' {
			run = 0
			continue
		}
		run++
		if run > 1 {
			return false
		}
	}
	return true
}

// cutLong splits [a,b) into pieces of at most maxSentenceWords words and
// maxSentenceRunes code points, cutting after a comma when one is in the
// second half of the window and at a space otherwise (for a window without
// a space, before a letter rather than before a mark that belongs to the
// letter ahead of it). The pieces are trimmed.
func cutLong(rs []rune, a, b int) [][2]int {
	var out [][2]int
	for {
		words, inWord := 0, false
		cut := -1
		for i := a; i < b; i++ {
			if i-a == maxSentenceRunes {
				cut = safeCut(rs, a, i)
				break
			}
			if isSpace(rs[i]) {
				if inWord {
					words++
					if words == maxSentenceWords {
						cut = i
						break
					}
				}
				inWord = false
			} else {
				inWord = true
			}
		}
		if cut < 0 {
			return append(out, [2]int{a, b})
		}
		// Prefer the last comma in the second half of the window.
		half := a + (cut-a)/2
		for i := cut - 1; i > half; i-- {
			if rs[i] == '،' || rs[i] == ',' || rs[i] == '؛' || rs[i] == ';' {
				cut = i + 1
				break
			}
		}
		end := cut
		for end > a && isSpace(rs[end-1]) {
			end--
		}
		out = append(out, [2]int{a, end})
		a = cut
		for a < b && isSpace(rs[a]) {
			a++
		}
		if a >= b {
			return out
		}
	}
}

// safeCut is where a window [a,i) without a word limit reached is cut:
// after its last space, else before its last code point that does not
// attach to the one before it (a combining mark or a joiner).
func safeCut(rs []rune, a, i int) int {
	for j := i; j > a+(i-a)/2; j-- {
		if isSpace(rs[j-1]) {
			return j
		}
	}
	for j := i; j > a+1; j-- {
		if r := rs[j]; !unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) && r != 0x200C && r != 0x200D {
			return j
		}
	}
	return i
}

func isTerminator(r rune) bool {
	switch r {
	case '؟', '?', '!', '…', '։', '。', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// isCloser: closing quotes and brackets that stay with the sentence they close.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '»', '”', '’', '›', '﴿', '」', '』':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	switch {
	case r == ' ' || r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x85 || r >= 0x0600 && r <= 0x06FF: // ASCII and Arabic: the common case
		return false
	}
	return r == '\u200b' || r == '\ufeff' || unicode.IsSpace(r)
}

func isLetter(r rune) bool {
	if r >= 0x0600 && r <= 0x06FF {
		return arabicLetter[r-0x0600]
	}
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

// hasContent reports whether a piece has a letter, digit or symbol: a
// piece of bare punctuation is not a sentence.
func hasContent(rs []rune) bool {
	for _, r := range rs {
		if !isSpace(r) && !unicode.IsPunct(r) && !unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}

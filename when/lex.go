package when

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/arabic"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// token is a word, a run of digits or one punctuation rune; start and end
// are rune offsets into the text.
type token struct {
	kind       tokKind
	start, end int
	text       string
}

func tokenize(runes []rune) []token {
	var toks []token
	class := func(r rune) int {
		switch {
		case unicode.IsSpace(r):
			return 0
		case arabic.IsDigit(r):
			return 2
		case unicode.IsLetter(r) || unicode.IsMark(r):
			return 1
		}
		return 3
	}
	for i := 0; i < len(runes); {
		c := class(runes[i])
		j := i + 1
		switch c {
		case 0:
			i = j
			continue
		case 1, 2:
			for j < len(runes) && class(runes[j]) == c {
				j++
			}
		}
		kind := tPunct
		if c == 1 {
			kind = tWord
		} else if c == 2 {
			kind = tNum
		}
		toks = append(toks, token{kind: kind, start: i, end: j, text: string(runes[i:j])})
		i = j
	}
	return toks
}

// lexeme is a token or a phrase of the vocabulary with its readings.
type lexeme struct {
	token
	clitic  bool // a clitic was cut off the first word (والجمعة)
	num     int  // value of a run of digits
	digits  int  // how many digits
	entries []entry
}

func (l *lexeme) has(kind string) (entry, bool) {
	for _, e := range l.entries {
		if e.kind == kind {
			return e, true
		}
	}
	return entry{}, false
}

// lex groups tokens into the longest phrases the vocabulary knows. A
// clitic (و, ب …) on the first word is left out of the phrase's span.
func (r *Resolver) lex(runes []rune, toks []token) []lexeme {
	out := make([]lexeme, 0, len(toks))
	for i := 0; i < len(toks); {
		t := toks[i]
		switch t.kind {
		case tNum:
			out = append(out, numLexeme(t))
			i++
			continue
		case tPunct:
			out = append(out, lexeme{token: t})
			i++
			continue
		}
		n, start, entries := r.phrase(runes, toks[i:])
		clitic := start != t.start
		if n == 0 {
			out = append(out, lexeme{token: t})
			i++
			continue
		}
		end := toks[i+n-1].end
		out = append(out, lexeme{token: token{kind: tWord, start: start, end: end, text: string(runes[start:end])}, clitic: clitic, entries: entries})
		i += n
	}
	return out
}

// phrase finds the longest vocabulary phrase at the start of toks: how many
// tokens it takes, where it starts (after a clitic) and its readings.
func (r *Resolver) phrase(runes []rune, toks []token) (n, start int, entries []entry) {
	words := make([]string, 0, r.maxWords)
	for k := 0; k < len(toks) && k < r.maxWords && toks[k].kind == tWord; k++ {
		words = append(words, arabic.Fold(toks[k].text))
	}
	for k := len(words); k > 0; k-- {
		key := strings.Join(words[:k], " ")
		if e, ok := r.phrases[key]; ok {
			return k, toks[0].start, e
		}
		for _, p := range r.clitics(key) {
			if e, ok := r.phrases[key[len(p):]]; ok {
				return k, toks[0].start + cliticRunes(runes[toks[0].start:toks[0].end], p), e
			}
		}
	}
	return 0, 0, nil
}

// clitics lists the ways to cut one or two clitics off the start of key
// (و, وب), each leaving at least one letter of the word.
func (r *Resolver) clitics(key string) []string {
	var out []string
	for _, p := range r.prefixes {
		rest, ok := strings.CutPrefix(key, p)
		if !ok || rest == "" || rest[0] == ' ' {
			continue
		}
		out = append(out, p)
		for _, q := range r.prefixes {
			if after, ok := strings.CutPrefix(rest, q); ok && after != "" && after[0] != ' ' {
				out = append(out, p+q)
			}
		}
	}
	return out
}

// cliticRunes counts the runes of word that fold to the clitic p
// (diacritics on the clitic included).
func cliticRunes(word []rune, p string) int {
	n := len([]rune(p))
	for i, r := range word {
		if arabic.Fold(string(r)) != "" {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return len(word)
}

func numLexeme(t token) lexeme {
	l := lexeme{token: t, digits: len([]rune(t.text))}
	for _, r := range t.text {
		if l.num > 1e8 {
			l.num = -1 // too long to be part of a date
			break
		}
		v, _ := arabic.DigitValue(r) // a number token is all digits
		l.num = l.num*10 + v
	}
	return l
}

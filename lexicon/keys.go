package lexicon

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// minRest is the fewest letters a word may keep after an ending is cut
// off (as after a clitic in arabic.StripProclitics); shorter remainders
// are too often a different word.
const minRest = 3

// Canon is the trie key of one entry word or token form: the folded word
// without a leading definite article (arabic.StripArticle). Entries and
// tokens both go through it, so "الجيش" in a file matches the token
// "الجيش" and the stem "جيش".
func Canon(w string) string { return arabic.StripArticle(w) }

// entryKeys folds a dictionary form and splits it into trie keys.
func entryKeys(form string) []string {
	f := strings.Fields(arabic.Fold(form))
	for i, w := range f {
		f[i] = Canon(w)
	}
	return f
}

// How a token key was reached; each kind of entry accepts some of them
// (see accepts).
const (
	keyExact  uint8 = iota // the surface or stem, without the article
	keyConj                // the surface without a conjunction (و، ف)
	keyFem                 // without the feminine ending ة
	keyPlural              // without a sound plural ending ون/ين
	keyTanwin              // without the accusative alif
)

// tokenKey is one key a token offers to the trie.
type tokenKey struct {
	s   string
	how uint8
	// prep: the key is the stem after a preposition (ب، ك، ل) was cut,
	// which may begin a noun but no conjugated verb (except ل + the
	// imperfect ي: ليطالب).
	prep bool
	// tm: the token is written with a final ة, so a final ه of the key
	// is no pronoun.
	tm bool
	// triggerOnly: a preposition the segmenter left on was cut for the
	// trigger entries only (لمحاصرة → محاصرة); names keep their letters.
	triggerOnly bool
}

// tokenKeys appends the keys a token offers to the trie, best first:
// canonical surface and stem, the surface without a conjunction or with a
// determiner cluster (وال، بال، لل …) cut, then light forms of the exact
// keys. Light forms are not taken from the conjunction-stripped key: a
// root و/ف plus a light ending is too often another word (وزارة → زار).
func tokenKeys(t *marsad.Token, out []tokenKey) []tokenKey {
	start := len(out)
	add := func(k string, how uint8) {
		if k == "" {
			return
		}
		for _, o := range out[start:] {
			if o.s == k {
				return
			}
		}
		out = append(out, tokenKey{s: k, how: how})
	}
	norm := t.Norm
	if norm == "" {
		norm = arabic.Fold(t.Text)
	}
	fem := endsWithTaMarbuta(t.Text)
	defer func() {
		for i := start; i < len(out); i++ {
			out[i].tm = fem
		}
	}()
	add(Canon(norm), keyExact)
	if t.Stem != "" {
		n := len(out)
		add(Canon(t.Stem), keyExact)
		if len(out) > n && afterPreposition(t) {
			out[n].prep = true
		}
	}
	if !arabic.StartsArabic(norm) {
		return out
	}
	if rest, ok := cutPreposition(t, norm); ok {
		add(rest, keyExact)
		out[len(out)-1].prep, out[len(out)-1].triggerOnly = true, true
	}
	n := len(out)
	if k := arabic.StripProclitics(norm); k != Canon(norm) {
		how := keyConj
		if _, conj := arabic.CutConjunction(norm, 0); !conj {
			how = keyExact // only a determiner cluster was cut
		}
		add(k, how)
	}
	// Fold maps ة to ه, so only the surface (fem above) tells a feminine
	// ending from the pronoun ه ("زاره", visited him).
	for _, k := range out[start:n] {
		for _, e := range lightEndings {
			if e.how == keyFem && !fem {
				continue
			}
			if rest, ok := strings.CutSuffix(k.s, e.suffix); ok && utf8.RuneCountInString(rest) >= minRest {
				m := len(out)
				add(rest, e.how)
				if len(out) > m {
					out[m].prep = k.prep
				}
			}
		}
	}
	return out
}

// prepRest is the fewest letters cutPreposition leaves: a shorter
// remainder after ب or ل is too often a word of its own (بحث، لقاء).
const prepRest = 4

// cutPreposition returns the folded token without a conjunction and a
// preposition (ب، ل، ك) that the segmenter did not split off, when
// prepRest letters remain and it is not the article's ل (لل).
func cutPreposition(t *marsad.Token, norm string) (string, bool) {
	if len(t.Prefixes) > 0 && t.Stem != "" && t.Stem != norm {
		return "", false
	}
	w, _ := arabic.CutConjunction(norm, prepRest+1)
	for _, p := range arabic.Prepositions {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= prepRest &&
			!strings.HasPrefix(rest, "ل") && !strings.HasPrefix(rest, arabic.Article) {
			return rest, true
		}
	}
	return "", false
}

// afterPreposition reports whether the token's stem follows a preposition
// (ب، ك، or ل before anything but the imperfect prefix ي).
func afterPreposition(t *marsad.Token) bool {
	for _, p := range t.Prefixes {
		if p == "ب" || p == "ك" || p == "ل" && !strings.HasPrefix(t.Stem, "ي") {
			return true
		}
	}
	return false
}

// endsWithTaMarbuta reports whether the last letter of s (diacritics
// aside) is ة.
func endsWithTaMarbuta(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r >= 0x064B && r <= 0x065F || r == 0x0640 {
			s = s[:len(s)-size]
			continue
		}
		return r == 'ة'
	}
	return false
}

// lightEndings are cut from a token key to reach the dictionary form
// ("الليبية" → "ليبي", "هجوما" → "هجوم").
var lightEndings = []struct {
	suffix string
	how    uint8
}{{"ون", keyPlural}, {"ين", keyPlural}, {"ه", keyFem}, {"ا", keyTanwin}}

// Conjugate expands an Arabic verb lemma into the folded forms a news text
// uses: past tense (هاجم، هاجمت، هاجموا، هاجمنا …) and present tense
// with the ي/ت/ن/ا prefixes, sound suffixes and the future prefix س.
// past is the 3rd person masculine singular past; present, when not
// empty, is the 3rd person masculine present ("يدعو" for "دعا"). Without
// it the present stem is the past stem, minus the initial alif of derived
// forms (اختطف → يختطف، أطلق → يطلق). The lemma itself comes first.
func Conjugate(past, present string) []string {
	past = arabic.Fold(past)
	present = arabic.Fold(present)
	if !arabic.StartsArabic(past) {
		return []string{past}
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(past)
	for _, s := range []string{"ت", "وا", "و", "ن", "نا", "تم", "ا", "تا"} {
		add(past + s)
	}
	// Defective verbs (دعا، نفى، اعتدى) drop their last letter before
	// vowel suffixes: دعت، دعوا، نفت، نفوا.
	if b, ok := cutLast(past, "ا", "ي"); ok {
		for _, s := range []string{"ت", "وا", "و", "تا"} {
			add(b + s)
		}
	}
	stem := presentStem(past, present)
	suffixes := []string{"", "ون", "ان", "ين", "وا", "ن"}
	defBase, defective := cutLast(stem, "و", "ي", "ا")
	for _, fut := range []string{"", arabic.FuturePrefix} {
		for _, p := range []string{"ي", "ت", "ن", "ا"} {
			if fut != "" && p == "ا" {
				continue
			}
			for _, s := range suffixes {
				add(fut + p + stem + s)
			}
			if defective {
				add(fut + p + defBase + "وا")
				add(fut + p + defBase + "ون")
			}
		}
	}
	return out
}

// cutLast returns s without its last letter when that letter is one of
// the given ones and enough of s remains.
func cutLast(s string, letters ...string) (string, bool) {
	for _, l := range letters {
		if b, ok := strings.CutSuffix(s, l); ok && utf8.RuneCountInString(b) >= 2 {
			return b, true
		}
	}
	return s, false
}

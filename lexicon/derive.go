package lexicon

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// Nominal forms of a verb entry. A news sentence reports an event as often
// with the verbal noun (اعتقال، مطالبة، استهداف), its plural (مطالبات،
// اعتقالات), a circumstantial participle (مطالبا، مستهدفا) or a noun with a
// pronoun (اعتقاله، مطالبتهم) as with the verb. These are derived from the
// lemma's pattern, so triggers.tsv writes each verb once; a verbal noun the
// pattern cannot tell (form I: قتل، رفض، دعوة) is written after a second
// slash: "حذر/يحذر/تحذير".

// Derivation says which generated form reached a trigger key, for explain.
const (
	FormLemma       = "lemma"
	FormConjugated  = "conjugated"
	FormVerbalNoun  = "verbal noun"
	FormParticiple  = "participle"
	FormWithPronoun = "with pronoun"
)

// objectPronouns are the pronoun clitics that follow an event word as its
// object or possessor (اعتقله، قصفها، اتهامهم).
var objectPronouns = []string{"ه", "ها", "هم", "هما"}

// VerbalNouns returns the folded verbal nouns of a verb lemma whose
// pattern shows them: forms III فاعل → مفاعلة (طالب → مطالبة, written
// with ة for the pronoun forms; fold it for a key), IV أفعل →
// إفعال (أعلن → اعلان), V/VI تفعّل/تفاعل → the same letters, VII/VIII
// انفعل/افتعل → انفعال/افتعال, X استفعل → استفعال. Form I and II (three
// letters when unvocalised) are ambiguous and give none. Defective and
// hollow lemmas (ending in ى/ا or with a long middle vowel) give none
// either: their verbal nouns are irregular.
func VerbalNouns(past string) []string {
	p := []rune(arabic.Fold(past))
	if len(p) < 4 || !arabic.StartsArabic(string(p)) {
		return nil
	}
	if irregular(p) {
		return nil
	}
	s := string(p)
	switch {
	case len(p) == 4 && p[0] == 'ا' && p[2] == 'ت':
		// a doubled form VIII writes its last root letter once: احتل → احتلال
		return []string{"ا" + string(p[1:4]) + "ا" + string(p[3])}
	case len(p) == 6 && strings.HasPrefix(s, "است"):
		return []string{"است" + string(p[3:5]) + "ا" + string(p[5])}
	case len(p) == 5 && p[0] == 'ا' && (p[2] == 'ت' || p[1] == 'ن'):
		return []string{"ا" + string(p[1:4]) + "ا" + string(p[4])}
	case len(p) == 4 && p[0] == 'ا':
		return []string{"ا" + string(p[1:3]) + "ا" + string(p[3])}
	case len(p) == 4 && p[1] == 'ا':
		return []string{"م" + s + "ة"}
	case len(p) == 4 && p[0] == 'ت', len(p) == 5 && p[0] == 'ت' && p[2] == 'ا':
		return []string{s}
	}
	return nil
}

// Participle returns the folded active participle of a derived verb lemma
// (طالب → مطالب، استهدف → مستهدف، اتهم → متهم), or "" for form I and II
// lemmas, whose participles the unvocalised lemma does not show. Passive
// participles of derived forms are spelled the same without vowels.
func Participle(past string) string {
	p := []rune(arabic.Fold(past))
	if len(p) < 4 || irregular(p) {
		return ""
	}
	switch {
	case p[0] == 'ا':
		return "م" + string(p[1:])
	case p[1] == 'ا', p[0] == 'ت':
		return "م" + string(p)
	}
	return ""
}

// withPronouns returns the folded noun n with each object pronoun, the
// feminine ending written ت before it (مطالبة → مطالبته). written is n as
// the file writes it, which alone tells ة from a final ه.
func withPronouns(written, n string) []string {
	base := n
	if endsWithTaMarbuta(written) {
		base = strings.TrimSuffix(n, "ه") + "ت"
	} else if strings.HasSuffix(n, "ه") || strings.HasSuffix(n, "ا") || strings.HasSuffix(n, "ي") ||
		utf8.RuneCountInString(n) < 3 {
		return nil // a pronoun on these changes the stem or is too short to be safe
	}
	var out []string
	for _, p := range objectPronouns {
		out = append(out, base+p)
	}
	return out
}

// verbWithPronouns returns the 3rd person forms of a verb with an object
// pronoun (اعتقله، اعتقلته، اعتقلوه، يعتقله، تعتقلهم), from the past lemma
// and the present stem Conjugate uses.
func verbWithPronouns(past, present string) []string {
	past = arabic.Fold(past)
	if !arabic.StartsArabic(past) {
		return nil
	}
	if strings.HasSuffix(past, "ا") || strings.HasSuffix(past, "ي") {
		return nil // defective: دعاه، رماها change the stem
	}
	stem := presentStem(past, arabic.Fold(present))
	var out []string
	for _, base := range []string{past, past + "ت", past + "و", "ي" + stem, "ت" + stem, "ي" + stem + "و"} {
		for _, p := range objectPronouns {
			out = append(out, base+p)
		}
	}
	return out
}

// presentStem is the imperfect stem without its person prefix: the given
// present's, or the past without the alif of derived forms, or the past.
func presentStem(past, present string) string {
	if present != "" {
		return strings.TrimPrefix(present, "ي")
	}
	if rest, ok := strings.CutPrefix(past, "ا"); ok && utf8.RuneCountInString(rest) >= minRest {
		return rest
	}
	return past
}

// irregular reports a defective lemma (last letter ا or ي: اعتدى، ألقى)
// or a hollow one (a long vowel before the last letter: اغتال، استعاد،
// أدان), whose derived forms change the stem.
func irregular(p []rune) bool {
	last := p[len(p)-1]
	return last == 'ا' || last == 'ي' || len(p) >= 4 && p[len(p)-2] == 'ا'
}

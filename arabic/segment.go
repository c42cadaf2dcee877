package arabic

import (
	"bufio"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Segment splits one normalised (Fold) Arabic word into proclitics, stem
// and pronoun enclitics: و ف (conjunctions), ب ل ك (prepositions), س
// (future, only before ي ت ن ا), the article ال (لل is ل + ال), and the
// pronouns ه ها هم هما هن كم كما كن نا ي ني ك.
//
// It is conservative: a clitic is stripped only when the remainder is a
// word of the frequency list (data/freq.tsv) and the whole word is not
// much more frequent than the remainder, so names such as ليبيا or بعيو
// keep their first letter. The article is also stripped before unseen
// stems of three letters or more (the article is by far the most common
// reading of a word-initial ال) unless data/al_exceptions.txt lists the
// word or the corpus mostly spelled it with a hamza (إلغاء). A pronoun
// suffix always needs a known stem, and never follows the article.
func Segment(norm string) (prefixes []string, stem string, suffixes []string) {
	return segment(norm, false)
}

// Tuning constants. minKnown is the count from which a form counts as a
// word. The proclitic rules bound how much more frequent the whole word may
// be than its remainder for a split to be believed (وزارة is not و + زارة),
// except that a remainder seen often enough is believed anyway (وقال is
// more frequent than قال in news). ك and س are rarer as clitics than as
// word letters (كما، سياسة), so they need more.
const (
	minKnown    = 2
	frequentHi  = 100 // a stem this frequent may be 2 letters between a prefix and a suffix
	tmMajority  = 0.5 // share of ة spellings above which a final ه is not a pronoun
	hamzaMajor  = 0.5 // share of hamza spellings above which ال is not the article
	unknownStem = 3   // minimum length of an unseen stem after the article
)

type procliticRule struct {
	ratio  float64 // whole may be at most ratio × remainder
	minRem int     // the remainder must be seen this often
	accept int     // a remainder seen this often is believed whatever the ratio (0: never)
}

// procliticRules and encliticRules tune each clitic of the inventory in
// clitics.go (Conjunctions, Prepositions, FuturePrefix; PronounSuffixes);
// TestTuningTablesMatchInventory checks that they cover it exactly.
var procliticRules = map[string]procliticRule{
	"و": {ratio: 8, minRem: minKnown, accept: 30},
	"ف": {ratio: 3, minRem: minKnown, accept: 30},
	"ب": {ratio: 5, minRem: minKnown, accept: 30},
	"ل": {ratio: 5, minRem: minKnown, accept: 30},
	"ك": {ratio: 0.1, minRem: 5},
	"س": {ratio: 1, minRem: 10},
}

// Pronoun suffixes. strong ones (ها هم …) rarely end a plain word, so an
// unseen whole word may carry them; weak ones (ي ك ني …) end many words
// (ليبي، هناك، وطني), so the whole word must be seen and be rare next to
// its stem. ه is special: it is also the folded ة.
type encliticRule struct {
	ratio  float64
	strong bool
}

var encliticRules = map[string]encliticRule{
	"ه": {1, false}, "ها": {1, true}, "هم": {1, true}, "هما": {1, true}, "هن": {0.3, false},
	"كم": {0.2, true}, "كما": {0.2, true}, "كن": {0.1, false}, "نا": {0.5, true},
	"ي": {0.002, false}, "ني": {0.05, false}, "ك": {0.002, false},
}

// The proclitic layers Segment tries, each with "" (none) first: a
// conjunction, then a preposition or the future prefix.
var (
	conjOptions = slices.Concat([]string{""}, Conjunctions)
	prepOptions = slices.Concat([]string{""}, Prepositions, []string{FuturePrefix})
)

type freqEntry struct{ n, taMarbuta, hamza int }

var (
	segOnce      sync.Once
	freqs        map[string]freqEntry
	alExceptions wordSet
)

func loadSegData() {
	alExceptions = loadSet("al_exceptions.txt")
	freqs = map[string]freqEntry{}
	b, err := readData("freq.tsv")
	if err != nil {
		return
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			continue
		}
		var e freqEntry
		e.n, _ = strconv.Atoi(f[1])
		e.taMarbuta, _ = strconv.Atoi(f[2])
		e.hamza, _ = strconv.Atoi(f[3])
		freqs[f[0]] = e
	}
}

func freq(w string) int { return freqs[w].n }

// candidate is one way to cut a word.
type candidate struct {
	pre   [3]string // proclitics, outermost first
	npre  int
	stem  string
	suf   string
	known bool // the stem is in the frequency list
	stemF int
	nclit int
}

// segment is Segment with one more fact from the surface: whether the word
// ended in ة before folding (then a final ه is never a pronoun).
func segment(w string, taMarbuta bool) ([]string, string, []string) {
	segOnce.Do(loadSegData)
	if utf8.RuneCountInString(w) < 2 || !allArabicLetters(w) {
		return nil, w, nil
	}
	best := candidate{stem: w}
	bestOK := false
	consider := func(c candidate) {
		if !bestOK || better(c, best) {
			best, bestOK = c, true
		}
	}
	for _, conj := range conjOptions {
		if !strings.HasPrefix(w, conj) {
			continue
		}
		r1 := w[len(conj):]
		for _, prep := range prepOptions {
			if !strings.HasPrefix(r1, prep) {
				continue
			}
			r2 := r1[len(prep):]
			if prep == FuturePrefix && !futureOK(r2) {
				continue
			}
			if (conj != "" || prep != "") && utf8.RuneCountInString(r2) < 2 && !(prep != "" && prep != FuturePrefix && IsPronounSuffix(r2)) {
				continue
			}
			// Preposition + pronoun: the preposition is the stem (له، بها).
			if prepStem(prep, r2) {
				c := candidate{stem: prep, suf: r2, known: true, stemF: freq(prep)}
				if conj != "" {
					c.pre[0], c.npre = conj, 1
					if !layerOK(conj, w, r1, false, true) {
						continue
					}
				}
				c.nclit = c.npre + 1
				consider(c)
				continue
			}
			// Article options: none, ال, or the ل of لل after the preposition ل.
			arts := []articleCut{{false, r2}}
			if prep != FuturePrefix {
				if prep == "ل" && strings.HasPrefix(r2, "ل") && !strings.HasPrefix(r2, Article) {
					if articleOK("ا" + r2) {
						arts = append(arts, articleCut{true, r2[len("ل"):]})
					}
				} else if strings.HasPrefix(r2, Article) && articleOK(r2) {
					arts = append(arts, articleCut{true, r2[len(Article):]})
				}
			}
			for _, a := range arts {
				sufs := []string{""}
				if !a.has {
					for _, e := range PronounSuffixes {
						if strings.HasSuffix(a.rest, e) && !(e == "ه" && taMarbuta) {
							sufs = append(sufs, e)
						}
					}
				}
				for _, suf := range sufs {
					stem := a.rest[:len(a.rest)-len(suf)]
					c := candidate{stem: stem, suf: suf}
					for _, p := range []string{conj, prep} {
						if p != "" {
							c.pre[c.npre] = p
							c.npre++
						}
					}
					if a.has {
						c.pre[c.npre] = Article
						c.npre++
					}
					c.nclit = c.npre
					if suf != "" {
						c.nclit++
					}
					if c.nclit == 0 {
						continue
					}
					if valid(&c, w, conj, prep, r1, r2, a.has) {
						consider(c)
					}
				}
			}
		}
	}
	if !bestOK {
		return nil, w, nil
	}
	var pre, suf []string
	if best.npre > 0 {
		pre = append([]string(nil), best.pre[:best.npre]...)
	}
	if best.suf != "" {
		suf = []string{best.suf}
	}
	return pre, best.stem, suf
}

// articleCut is the word after the article (has) or without one.
type articleCut struct {
	has  bool
	rest string
}

// prepStem: a preposition followed only by a pronoun is the stem itself
// (له، بها، لي). ني and ك are left alone: بني and بك are more often words.
func prepStem(prep, rest string) bool {
	if !IsPreposition(prep) {
		return false
	}
	if rest == "ي" {
		return prep == "ل"
	}
	return IsPronounSuffix(rest) && rest != "ني" && rest != "ك"
}

// better ranks candidates: a known stem first, then more clitics, then the
// more frequent stem.
func better(a, b candidate) bool {
	if a.known != b.known {
		return a.known
	}
	if a.nclit != b.nclit {
		return a.nclit > b.nclit
	}
	return a.stemF > b.stemF
}

// valid checks every layer of a candidate against the frequency evidence
// and fills in known and stemF.
func valid(c *candidate, w, conj, prep, r1, r2 string, article bool) bool {
	n := utf8.RuneCountInString(c.stem)
	if n < 2 {
		return false
	}
	// A stem that still starts with a strippable article is the same cut
	// made worse (ب + الفيروس for ب + ال + فيروس), and an article word takes
	// no pronoun (البحر + ه).
	if rest, ok := strings.CutPrefix(c.stem, Article); ok && utf8.RuneCountInString(rest) >= 2 && articleOK(c.stem) {
		return false
	}
	c.stemF = stemFreq(c.stem, c.suf != "")
	c.known = c.stemF >= minKnown
	if c.npre > 0 && c.suf != "" && n < 3 && c.stemF < frequentHi {
		return false
	}
	if c.suf != "" && !encliticOK(c.stem, c.suf, c.stemF) {
		return false
	}
	if !c.known && !(article && n >= unknownStem) {
		return false
	}
	// Each proclitic layer: the word with the clitic against the word without.
	inner := article || c.suf != ""
	if prep != "" && !layerOK(prep, r1, r2, article, inner) {
		return false
	}
	if conj != "" && !layerOK(conj, w, r1, article && prep == "", inner || prep != "") {
		return false
	}
	return true
}

// encliticOK: may suf be a pronoun on stem (seen stemF times)?
func encliticOK(stem, suf string, stemF int) bool {
	rule := encliticRules[suf]
	if stemF < minKnown {
		return false
	}
	whole := stem + suf
	e := freqs[whole]
	if e.n >= minKnown {
		if suf == "ه" && float64(e.taMarbuta) > tmMajority*float64(e.n) {
			return false // the corpus spells it with ة: مرحلة, not مرحل + ه
		}
		return ratioOK(e.n, stemF, rule.ratio)
	}
	if rule.strong {
		return true
	}
	// An unseen word ending in ه: a bound ة (زوجته) is a safe sign of the
	// pronoun; otherwise ة is the likelier reading (كبيرة، توافقية).
	return suf == "ه" && strings.HasSuffix(stem, "ت") && utf8.RuneCountInString(stem) >= 3
}

// layerOK: stripping clitic p from x leaves y. When y is a word, x must not
// be much more frequent than y; when y is not, the split stands only if
// the article is stripped right inside y (بالكونغرس), or x itself is
// unseen and y is cut further.
func layerOK(p, x, y string, articleInside, innerCut bool) bool {
	rule := procliticRules[p]
	if articleInside && p != "ك" {
		return true
	}
	fx, fy := freq(x), freq(y)
	if fy >= rule.minRem {
		return (rule.accept > 0 && fy >= rule.accept) || ratioOK(fx, fy, rule.ratio)
	}
	return innerCut && fx < minKnown && p != FuturePrefix && p != "ك"
}

func ratioOK(whole, part int, ratio float64) bool {
	return float64(whole) <= ratio*float64(part)
}

// stemFreq is the count of a stem; before a pronoun a stem may show the
// bound form of a ة noun (حكومت → حكومه) or of a final ى (مستوا → مستوي).
func stemFreq(stem string, suffixed bool) int {
	f := freq(stem)
	if !suffixed {
		return f
	}
	if base, ok := strings.CutSuffix(stem, "ت"); ok {
		f = max(f, freq(base+"ه"))
	}
	if base, ok := strings.CutSuffix(stem, "ا"); ok {
		f = max(f, freq(base+"ي"))
	}
	return f
}

// articleOK: ال may be the article of the ال-word x.
func articleOK(x string) bool {
	if alExceptions.has(x) {
		return false
	}
	if e := freqs[x]; e.n > 0 && float64(e.hamza) > hamzaMajor*float64(e.n) {
		return false
	}
	return true
}

// futureOK: س is the future particle only before an imperfect verb prefix.
func futureOK(rest string) bool {
	if utf8.RuneCountInString(rest) < 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r == 'ي' || r == 'ت' || r == 'ن' || r == 'ا'
}

func allArabicLetters(w string) bool {
	for _, r := range w {
		if !isArabicLetter(r) {
			return false
		}
	}
	return true
}

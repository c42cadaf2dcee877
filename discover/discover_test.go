package discover

import (
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/internal/shared"
	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/ner"
	"github.com/marsad/marsad/reader"
)

// lexiconWithout loads the project's dictionary minus some curated
// actors, to see discovery find them as if they were new.
func lexiconWithout(t testing.TB, ids ...string) *lexicon.Lexicon {
	t.Helper()
	m := fstest.MapFS{}
	for p, b := range dataFiles(t) {
		if p == lexicon.FileActorsCurated {
			var keep []string
			for _, line := range strings.Split(string(b), "\n") {
				drop := false
				for _, id := range ids {
					drop = drop || strings.HasPrefix(line, id+"\t")
				}
				if !drop {
					keep = append(keep, line)
				}
			}
			b = []byte(strings.Join(keep, "\n"))
		}
		m[p] = &fstest.MapFile{Data: b}
	}
	lex, err := lexicon.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// dataFiles returns the project's built-in dictionary files (the top of
// the knowledge folder) by name.
func dataFiles(t testing.TB) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(data.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." {
				return fs.SkipDir
			}
			return nil
		}
		files[p], err = fs.ReadFile(data.FS, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var (
	taggerOnce sync.Once
	tagger     *ner.Tagger
	wordsOnce  sync.Once
	words      *Words
)

func newCollector(t testing.TB, lex *lexicon.Lexicon) *Collector {
	t.Helper()
	taggerOnce.Do(func() {
		if l, err := lexicon.Load(data.FS); err == nil {
			tagger, _ = ner.FromFS(data.FS, l)
		}
	})
	wordsOnce.Do(func() {
		sub, _ := fs.Sub(data.FS, WordsDir)
		words, _ = LoadWords(sub)
	})
	if tagger == nil || words == nil {
		t.Fatal("loading the NER model or the word lists failed")
	}
	return New(lex, tagger, words)
}

func find(cands []Candidate, name string) *Candidate {
	for i := range cands {
		if cands[i].Name == name {
			return &cands[i]
		}
	}
	return nil
}

func seedDoc(t testing.TB) marsad.Document {
	b, err := os.ReadFile(shared.Path(t, "seed/000_a763ce97bed870a3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return marsad.Document{ID: "seed", Text: string(b)}
}

// The seed article names two Misrata battalions and two people. The
// dictionary knows all but محمد بعيو; without their entries, discovery
// finds each of them with the right type, and every example's offsets
// give back its text.
func TestSeedArticle(t *testing.T) {
	doc := seedDoc(t)
	c := newCollector(t, lexiconWithout(t, "lby-halbous", "lby-shrikhan", "lby-mahjoub"))
	c.Add(doc)
	cands := c.Candidates(RankOptions{})
	want := []struct{ name, typ, text string }{
		{"كتيبه شريخان", TypeArmedGroup, "وكتيبة شريخان"},
		{"كتيبه الحلبوص", TypeArmedGroup, "وكتيبة الحلبوص"},
		{"محمد بعيو", TypePerson, "محمد بعيو"},
		{"خالد المحجوب", TypePerson, "خالد المحجوب"},
	}
	runes := []rune(doc.Text)
	for _, w := range want {
		cd := find(cands, w.name)
		if cd == nil {
			t.Errorf("%s not found; got %v", w.name, names(cands))
			continue
		}
		if cd.Type != w.typ {
			t.Errorf("%s: type %q, want %q", w.name, cd.Type, w.typ)
		}
		ex := cd.Examples[0]
		if got := string(runes[ex.Start:ex.End]); got != w.text || ex.Text != w.text {
			t.Errorf("%s: span [%d,%d) = %q (example text %q), want %q", w.name, ex.Start, ex.End, got, ex.Text, w.text)
		}
		if got := string(runes[ex.SentenceStart:ex.SentenceEnd]); got != ex.Sentence || ex.Start < ex.SentenceStart || ex.End > ex.SentenceEnd {
			t.Errorf("%s: sentence offsets [%d,%d) do not give the sentence or hold the span", w.name, ex.SentenceStart, ex.SentenceEnd)
		}
	}
	// "قائدها محمد بعيو": the title and NER agree; the battalion is seen
	// with the known actors of its sentence.
	if cd := find(cands, "محمد بعيو"); cd != nil {
		if cd.WithAgent != 1 || cd.WithNER != 1 || cd.Agents[0].Value != "قائد" {
			t.Errorf("محمد بعيو: with_agent %d with_ner %d agents %v, want 1, 1, [قائد]", cd.WithAgent, cd.WithNER, cd.Agents)
		}
	}
	if cd := find(cands, "كتيبه شريخان"); cd != nil && !hasCount(cd.Known, "lby-sumud") {
		t.Errorf("كتيبه شريخان: known actors %v, want lby-sumud among them", cd.Known)
	}
}

// With the full dictionary, only the unknown commander and the analyst
// remain of the seed's people: known actors are never candidates, and the
// later "وأوضح محجوب" is the known خالد المحجوب, not someone new.
func TestSeedKnownActorsLeftOut(t *testing.T) {
	lex, err := lexicon.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	c := newCollector(t, lex)
	c.Add(seedDoc(t))
	cands := c.Candidates(RankOptions{})
	for _, known := range []string{"كتيبه شريخان", "كتيبه الحلبوص", "خالد المحجوب", "محجوب", "صلاح بادي"} {
		if find(cands, known) != nil {
			t.Errorf("%s is in the dictionary but was listed: %v", known, names(cands))
		}
	}
	for _, n := range []string{"محمد بعيو", "محمد الرعيش"} {
		if find(cands, n) == nil {
			t.Errorf("%s not found: %v", n, names(cands))
		}
	}
}

// An invented battalion, written with and without the article, after a
// conjunction and as a hashtag, is one candidate.
func TestVariantsMerge(t *testing.T) {
	lex, err := lexicon.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	c := newCollector(t, lex)
	texts := []string{
		"اشتبكت كتيبة النسور الزرق مع قوات الجيش الليبي جنوب طرابلس.",
		"وقالت مصادر إن الكتيبة النسور الزرق انسحبت من المحور.",
		"انضمت #كتيبة_النسور_الزرق إلى القتال، وكتيبة النسور الزرق تتبع حكومة الوفاق.",
	}
	for i, s := range texts {
		c.Add(marsad.Document{ID: string(rune('a' + i)), Text: s})
	}
	cands := c.Candidates(RankOptions{})
	cd := find(cands, "كتيبه النسور الزرق")
	if cd == nil {
		t.Fatalf("invented battalion not found: %v", names(cands))
	}
	if cd.Count != 4 || cd.Docs != 3 || cd.Type != TypeArmedGroup {
		t.Errorf("got count %d docs %d type %s, want 4, 3, armed group", cd.Count, cd.Docs, cd.Type)
	}
}

// The ranking does not depend on the order documents arrive in.
func TestDeterministic(t *testing.T) {
	lex, err := lexicon.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	docs := []marsad.Document{
		seedDoc(t),
		{ID: "b", Text: "قال المحلل السياسي محمد الرعيش إن كتيبة النسور الزرق انسحبت."},
		{ID: "c", Text: "وأعلنت كتيبة النسور الزرق مقتل قائدها محمد بعيو."},
	}
	var outs []string
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		c := newCollector(t, lex)
		for _, i := range order {
			c.Add(docs[i])
		}
		var sb strings.Builder
		if err := WriteJSON(&sb, c.Candidates(RankOptions{})); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, sb.String())
	}
	if outs[0] != outs[1] {
		t.Errorf("order changed the output:\n%s\nvs\n%s", outs[0], outs[1])
	}
}

func names(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name+"/"+c.Type)
	}
	return out
}

func hasCount(cs []Count, v string) bool {
	for _, c := range cs {
		if c.Value == v {
			return true
		}
	}
	return false
}

// On the development corpus, the top 30 are real people and groups of
// 2018 news that the dictionary lacks.
func TestCorpusTop30(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 2,000 articles")
	}
	path := shared.Path(t, "corpus/ant-politics-2000.jsonl")
	lex, err := lexicon.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	c := newCollector(t, lex)
	if err := c.Walk(t.Context(), []string{path}, reader.Options{}, 2, nil); err != nil {
		t.Fatal(err)
	}
	top := c.Candidates(RankOptions{MinCount: 2, Top: 30})
	// People and groups in 2018 news: most of them must be at the top.
	want := map[string]string{
		"جمال خاشقجي":           TypePerson, // journalist killed in Istanbul, Oct 2018
		"انور قرقاش":            TypePerson, // UAE minister of state for foreign affairs
		"عمار الحكيم":           TypePerson, // Iraqi Hikma movement leader
		"طارق صالح":             TypePerson, // Yemeni commander on the west coast
		"تميم بن حمد":           TypePerson, // emir of Qatar
		"جون بولتون":            TypePerson, // US national security adviser
		"تيريزا ماي":            TypePerson, // UK prime minister
		"حزب العمال الكردستاني": TypeGroup,  // PKK
	}
	found := 0
	for name, typ := range want {
		if cd := find(top, name); cd != nil {
			found++
			if cd.Type != typ {
				t.Errorf("%s: type %s, want %s", name, cd.Type, typ)
			}
		}
	}
	if found < 6 {
		t.Errorf("only %d of %d known actors in the top 30: %v", found, len(want), names(top))
	}
	for _, cd := range top {
		for _, ex := range cd.Examples {
			if ex.Text == "" || ex.Start >= ex.End {
				t.Errorf("%s: empty example span %+v", cd.Name, ex)
			}
		}
	}
}

func BenchmarkSeed(b *testing.B) {
	doc := seedDoc(b)
	lex, err := lexicon.Load(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	c := newCollector(b, lex)
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		c.Add(doc)
	}
}

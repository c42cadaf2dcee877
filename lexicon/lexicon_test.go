package lexicon

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/data"
)

// toks is a stand-in tokenizer for tests: it splits on spaces and
// punctuation, folds, and strips و/ف, ب/ل and ال naively for the stem.
func toks(s string) []marsad.Token {
	var out []marsad.Token
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '-'
	}) {
		n := arabic.Fold(w)
		stem := n
		for _, p := range []string{"و", "ف"} {
			if r, ok := strings.CutPrefix(stem, p); ok && len([]rune(r)) >= 5 {
				stem = r
				break
			}
		}
		for _, p := range []string{"بال", "لل", "ال", "ب", "ل"} {
			if r, ok := strings.CutPrefix(stem, p); ok && len([]rune(r)) >= 3 {
				stem = r
				break
			}
		}
		out = append(out, marsad.Token{Text: w, Norm: n, Stem: stem, Kind: marsad.Word})
	}
	return out
}

func embedded(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// find returns the matches of kind k, with their covered text.
func find(l *Lexicon, s string, k Kind) (ms []Match, texts []string) {
	ts := toks(s)
	for _, m := range l.Match(ts) {
		if m.Kind != k {
			continue
		}
		var w []string
		for _, t := range ts[m.TokStart:m.TokEnd] {
			w = append(w, t.Text)
		}
		ms = append(ms, m)
		texts = append(texts, strings.Join(w, " "))
	}
	return ms, texts
}

func TestEveryDataFileParses(t *testing.T) {
	entries, err := fs.ReadDir(data.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if _, ours := required[name]; !ours {
			continue // other packages keep files here too (cues.tsv)
		}
		tab, err := ReadTable(data.FS, name, required[name]...)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(tab.Rows) == 0 {
			t.Errorf("%s has no entries", name)
		}
		if _, err := LoadFiles(data.FS, name); err != nil {
			t.Error(err)
		}
	}
	// The review file is not embedded; it must still parse.
	tab, err := ReadTable(os.DirFS("../data"), FileTriggersCAMEO, required[FileTriggersCAMEO]...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseTriggers(tab); err != nil {
		t.Error(err)
	}
	s := embedded(t).Stats()
	if s.Actors == 0 || s.Agents == 0 || s.Triggers == 0 || s.Places == 0 {
		t.Errorf("empty lexicon: %+v", s)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	fsys := fstest.MapFS{
		FileTriggers: {Data: []byte("# comment\nevent_type\tmode\tcontext\tcameo\tpos\tforms\tneeds\nASSAULT\t\t\t190\tverb\tهاجم\t\nATTACK\t\t\t190\tverb\tهاجم\t\n")},
	}
	_, err := Load(fsys)
	if err == nil || !strings.Contains(err.Error(), "triggers.tsv:4") {
		t.Fatalf("want an error at triggers.tsv:4, got %v", err)
	}
	fsys = fstest.MapFS{FileActors: {Data: []byte("id\tnames\n")}}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), `lacks column "country"`) {
		t.Fatalf("want a missing-column error, got %v", err)
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Fatal("an empty folder must be an error")
	}
}

func TestSeedSentenceMisrataMilitias(t *testing.T) {
	l := embedded(t)
	s := "وقال العميد خالد المحجوب إن قرار انسحاب ميليشيات مصراتة التي تتواجد في العاصمة طرابلس تم نقاشه"
	actors, texts := find(l, s, KindActor)
	got := map[string]string{}
	for i, m := range actors {
		got[m.Actor.ID] = texts[i]
	}
	if got["lby-misrata-armed"] != "ميليشيات مصراتة" {
		t.Errorf("ميليشيات مصراتة: want actor lby-misrata-armed, got %v", got)
	}
	if got["lby-mahjoub"] != "خالد المحجوب" {
		t.Errorf("want خالد المحجوب, got %v", got)
	}
	a := l.ActorByID("lby-misrata-armed")
	if a == nil || a.Country != "LBY" || a.Side != "GNA" || a.Sector != "REB" {
		t.Errorf("Misrata armed groups: %+v", a)
	}
	trig, texts := find(l, s, KindTrigger)
	if len(trig) == 0 || trig[0].Trigger.EventType != "RETREAT" || texts[0] != "انسحاب" {
		t.Errorf("انسحاب: want RETREAT, got %v %v", trig, texts)
	}
	agents, texts := find(l, s, KindAgent)
	if len(agents) == 0 || texts[0] != "العميد" || agents[0].Agent.Kind != AgentPersonTitle {
		t.Errorf("العميد: want a person-title agent, got %v", texts)
	}
}

func TestTriggers(t *testing.T) {
	l := embedded(t)
	cases := []struct{ sentence, word, event, mode string }{
		{"بدأ مقاتلو مصراتة الجمعة في الانسحاب من محاور القتال", "الانسحاب", "RETREAT", "withdraw"},
		{"التي قتل قائدها محمد بعيو خلال مواجهات مع الجيش", "قتل", "ASSAULT", ""},
		{"ندد المجلس الرئاسي بالهجوم على مطار معيتيقة", "ندد", "ACCUSE", "disapprove"},
		{"وشنت طائرات التحالف غارات على مواقع الحوثيين", "وشنت طائرات", "" /* not a trigger */, ""},
		{"شنت مقاتلات التحالف غارة جوية على صنعاء", "غارة جوية", "ASSAULT", "aerial"},
		{"وأطلق مسلحون النار على المتظاهرين", "", "", ""},
		{"أطلقوا النار على المحتجين", "أطلقوا النار", "ASSAULT", "firearms"},
		{"تظاهر المئات في ساحة الشهداء", "تظاهر", "PROTEST", "demo"},
		{"ويتظاهرون أمام مقر الحكومة", "ويتظاهرون", "PROTEST", "demo"},
		{"دعت الأمم المتحدة إلى وقف إطلاق النار", "دعت", "REQUEST", ""},
		{"أدانت الجامعة العربية التفجير", "أدانت", "ACCUSE", "disapprove"},
		{"نفى المتحدث باسم الجيش هذه الأنباء", "نفى", "REJECT", ""},
		{"اعتقلت قوات الأمن ثلاثة أشخاص", "اعتقلت", "COERCE", "arrest"},
		{"أفرج عن عشرة معتقلين", "أفرج عن", "RETREAT", "release"},
		{"وسيزور الوزير القاهرة", "وسيزور", "CONSULT", "visit"},
		{"the militia attacked the airport", "attacked", "ASSAULT", ""},
	}
	for _, c := range cases {
		ms, texts := find(l, c.sentence, KindTrigger)
		if c.event == "" {
			continue
		}
		ok := false
		for i, m := range ms {
			if texts[i] == c.word {
				ok = m.Trigger.EventType == c.event && m.Trigger.Mode == c.mode
				if !ok {
					t.Errorf("%q in %q: got %s/%s, want %s/%s", c.word, c.sentence, m.Trigger.EventType, m.Trigger.Mode, c.event, c.mode)
				}
				break
			}
		}
		if !ok && len(ms) >= 0 {
			found := false
			for _, x := range texts {
				found = found || x == c.word
			}
			if !found {
				t.Errorf("%q in %q: no trigger (found %v)", c.word, c.sentence, texts)
			}
		}
	}
}

func TestAgents(t *testing.T) {
	l := embedded(t)
	ms, texts := find(l, "وكتيبة شريخان التي قتل قائدها", KindAgent)
	if len(ms) == 0 || texts[0] != "وكتيبة" || ms[0].Agent.Sector != "REB" || !ms[0].Agent.Armed || ms[0].Agent.Kind != AgentGroup {
		t.Fatalf("كتيبة: want an armed REB group, got %v", texts)
	}
	ms, _ = find(l, "سقط عدد من المدنيين", KindAgent)
	if len(ms) != 1 || ms[0].Agent.Sector != "CVL" || ms[0].Agent.Armed {
		t.Fatalf("المدنيين: want CVL, got %+v", ms)
	}
	ms, texts = find(l, "قالت قوات الأمن العراقية", KindAgent)
	if len(ms) != 1 || texts[0] != "قوات الأمن" || ms[0].Agent.Sector != "COP" {
		t.Fatalf("قوات الأمن: want one COP agent (longest match), got %v", texts)
	}
}

func TestDemonymsAndLightForms(t *testing.T) {
	l := embedded(t)
	for _, s := range []string{"القوات الليبية", "مسؤولون ليبيون", "المواطنين الليبيين", "في ليبيا"} {
		ms, _ := find(l, s, KindActor)
		if len(ms) == 0 || ms[len(ms)-1].Actor.ID != "LBY" {
			t.Errorf("%s: want country actor LBY, got %+v", s, ms)
		}
	}
}

func TestMultiwordLongestMatch(t *testing.T) {
	l := embedded(t)
	ms, texts := find(l, "أعلنت حكومة الوفاق الوطني أن وحدات الجيش الوطني الليبي تقدمت", KindActor)
	want := []string{"حكومة الوفاق الوطني", "الجيش الوطني الليبي"}
	if len(texts) != 2 || texts[0] != want[0] || texts[1] != want[1] {
		t.Fatalf("got %v, want %v", texts, want)
	}
	if ms[0].Actor.ID != "lby-gna" || ms[1].Actor.ID != "lby-lna" {
		t.Errorf("ids %s %s", ms[0].Actor.ID, ms[1].Actor.ID)
	}
}

func TestNextConstraint(t *testing.T) {
	fsys := fstest.MapFS{FileTriggers: {Data: []byte("event_type\tmode\tcontext\tcameo\tpos\tforms\tneeds\n" +
		"SANCTION\tconvict\tlegal\t116\tverb\tحكم\tnext:بالسجن,بالإعدام\n")}}
	l, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if ms, _ := find(l, "حكمت المحكمة بالسجن على المتهم", KindTrigger); len(ms) != 1 {
		t.Errorf("حكمت … بالسجن: want a trigger, got %v", ms)
	}
	if ms, _ := find(l, "حكم البلاد عشرين عاما", KindTrigger); len(ms) != 0 {
		t.Errorf("حكم البلاد: want no trigger, got %v", ms)
	}
}

func TestConjugate(t *testing.T) {
	has := func(forms []string, want ...string) {
		t.Helper()
		set := map[string]bool{}
		for _, f := range forms {
			set[f] = true
		}
		for _, w := range want {
			if !set[arabic.Fold(w)] {
				t.Errorf("missing %s in %v", w, forms)
			}
		}
	}
	has(Conjugate("هاجم", ""), "هاجم", "هاجمت", "هاجموا", "يهاجم", "تهاجم", "يهاجمون", "سيهاجم")
	has(Conjugate("اختطف", ""), "اختطفت", "يختطف", "يختطفون")
	has(Conjugate("أطلق", ""), "أطلقت", "يطلق", "أطلقوا")
	has(Conjugate("دعا", "يدعو"), "دعا", "دعت", "دعوا", "يدعو", "تدعو", "يدعون")
	has(Conjugate("نفى", "ينفي"), "نفى", "نفت", "ينفي", "ينفون")
	if got := Conjugate("attack", ""); len(got) != 1 {
		t.Errorf("English verbs are not conjugated: %v", got)
	}
}

func TestRoles(t *testing.T) {
	r := ParseRole("LBYGOV 20160330-20210315")
	if r.Country != "LBY" || r.Sector != "GOV" || r.From != "2016-03-30" || r.To != "2021-03-15" {
		t.Errorf("%+v", r)
	}
	if r := ParseRole("MIL"); r.Country != "" || r.Sector != "MIL" {
		t.Errorf("%+v", r)
	}
	if r := ParseRole("head of the Presidential Council"); r.Title == "" {
		t.Errorf("%+v", r)
	}
	if c, s := SplitCode("PSEREB"); c != "PSE" || s != "REB" {
		t.Errorf("%s %s", c, s)
	}
}

func TestLoadReadsWhatTheFolderHas(t *testing.T) {
	l, err := Load(fstest.MapFS{FileAgents: {Data: []byte("forms\tsector\tlabel\tkind\tarmed\nكتيبة\tREB\tbattalion\tgroup\t1\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if s := l.Stats(); s.Agents != 1 || s.Actors != 0 {
		t.Errorf("%+v", s)
	}
}

func TestLightFormsDoNotReachNamesOrPlaces(t *testing.T) {
	l := embedded(t)
	// وزارة must not become the verb زار, السلطة not the town السلط,
	// فجر اليوم (dawn) not a bombing.
	for _, s := range []string{"وزارة الخارجية", "السلطة الفلسطينية", "فجر اليوم الجمعة"} {
		for _, m := range l.Match(toks(s)) {
			switch {
			case m.Kind == KindTrigger:
				t.Errorf("%q: unexpected trigger %s", s, m.Trigger.ID)
			case m.Kind == KindPlace && !m.PlaceWord: // word names wait for a place context (coder)
				t.Errorf("%q: unexpected place %s", s, m.Places[0].ID)
			}
		}
	}
	if ms, _ := find(l, "فجر انتحاري نفسه", KindTrigger); len(ms) == 0 {
		t.Error("فجر followed by a bomber is a trigger")
	}
}

package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/shared"
)

func TestReadCoNLLSplitsSentences(t *testing.T) {
	// Blank lines and a final "." tagged O end sentences; a "." inside an
	// entity (an abbreviation) does not.
	in := "قال O\nجورج B-PERS\nو. I-PERS\nبوش I-PERS\n. O\nوصل O\nإلى O\nبغداد B-LOC\n\nانتهى O\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d sentences, want 3: %v", len(got), got)
	}
	if w := strings.Join(got[0].Words, " "); w != "قال جورج و. بوش ." {
		t.Errorf("first sentence = %q", w)
	}
	if _, err := ReadCoNLL(strings.NewReader("كلمة X-PERS\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad tag: err = %v, want one naming line 1", err)
	}
}

func TestChunksFollowsConlleval(t *testing.T) {
	tags := []string{"B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "I-PERS"}
	want := []Entity{{"PERS", 0, 2}, {"LOC", 3, 5}, {"ORG", 5, 6}, {"PERS", 6, 7}}
	if got := Chunks(tags); !reflect.DeepEqual(got, want) {
		t.Errorf("Chunks(%v) = %v, want %v", tags, got, want)
	}
}

func TestEvaluateNeedsExactBoundaries(t *testing.T) {
	gold := [][]string{{"B-PERS", "I-PERS", "O", "B-LOC"}}
	pred := [][]string{{"B-PERS", "O", "O", "B-LOC"}} // the person is cut short
	r, err := Evaluate(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	if o := r.Overall; o.Correct != 1 || o.Gold != 2 || o.Predicted != 2 || o.F1 != 50 {
		t.Errorf("overall = %+v, want 1 correct of 2 (F1 50)", o)
	}
	if p := r.Types["PERS"]; p.Correct != 0 {
		t.Errorf("PERS = %+v, want no correct entity", p)
	}
	if _, err := Evaluate(gold, [][]string{{"O"}}); err == nil {
		t.Error("Evaluate accepted sentences of different lengths")
	}
}

func TestStripClitics(t *testing.T) {
	for _, c := range []struct{ in, clitics, stem string }{
		{"والسيارات", "وال", "سيارات"},
		{"للاتحاد", "لل", "اتحاد"},
		{"بطرابلس", "ب", "طرابلس"},
		{"وقواتهم", "و", "قوات"},
		{"بلد", "", "بلد"}, // too short to be ب + stem
		{"مدينه", "", "مدينه"},
	} {
		cl, st := stripClitics(c.in)
		if cl != c.clitics || st != c.stem {
			t.Errorf("stripClitics(%s) = %q, %q; want %q, %q", c.in, cl, st, c.clitics, c.stem)
		}
	}
}

func trainSlice(t *testing.T, n int) []Sentence {
	t.Helper()
	sents, err := ReadCoNLLFile(shared.Path(t, "gold/ner/anercorp-train.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return sents[:n]
}

func TestTrainingIsReproducible(t *testing.T) {
	sents := trainSlice(t, 300)
	var files [2]bytes.Buffer
	for i := range files {
		m, err := Train(sents, TrainOptions{Iterations: 3, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatal("training the same slice twice gave different model files")
	}
	// The file reads back to a model that tags like the original.
	m, err := ReadModel(bytes.NewReader(files[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Train(sents, TrainOptions{Iterations: 3, Seed: 7})
	words := sents[0].Words
	if a, b := New(m, nil).Tag(words), New(again, nil).Tag(words); !reflect.DeepEqual(a, b) {
		t.Errorf("model read back tags\n%v\nbut the trained one tags\n%v", a, b)
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	if _, err := ReadModel(strings.NewReader("not a model")); err == nil {
		t.Error("ReadModel accepted garbage")
	}
	m, _ := builtinTagger()
	var b bytes.Buffer
	m.Model().WriteTo(&b)
	cut := b.Bytes()[:b.Len()/2]
	if _, err := ReadModel(bytes.NewReader(cut)); err == nil {
		t.Error("ReadModel accepted a truncated model")
	}
}

func TestDefaultFindsAPerson(t *testing.T) {
	tg, err := builtinTagger()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("قال العميد خالد المحجوب مدير إدارة التوجيه")
	ents := Chunks(tg.Tag(words))
	found := false
	for _, e := range ents {
		if e.Type == "PERS" && e.TokStart == 2 && e.TokEnd == 4 {
			found = true
		}
	}
	if !found {
		t.Errorf("tags %v: want خالد المحجوب as PERS", tg.Tag(words))
	}
}

func TestEntitiesOverPipelineTokens(t *testing.T) {
	tg, err := builtinTagger()
	if err != nil {
		t.Fatal(err)
	}
	var toks []marsad.Token
	for _, w := range strings.Fields("وصل الرئيس الأمريكي جورج بوش إلى بغداد .") {
		toks = append(toks, marsad.Token{Text: w})
	}
	got := tg.Entities(toks)
	want := []Entity{{"PERS", 3, 5}, {"LOC", 6, 7}}
	for _, w := range want {
		if !containsEntity(got, w) {
			t.Errorf("Entities = %v, want it to contain %v", got, w)
		}
	}
	if len(tg.Entities(nil)) != 0 || len(tg.Tag(nil)) != 0 {
		t.Error("empty input gave entities")
	}
}

func containsEntity(es []Entity, e Entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

func BenchmarkTag(b *testing.B) {
	sents, err := ReadCoNLLFile(shared.Path(b, "gold/ner/anercorp-test.txt"))
	if err != nil {
		b.Fatal(err)
	}
	tg, err := builtinTagger()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		tg.Tag(s.Words)
		tokens += len(s.Words)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoadModel(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ReadModel(bytes.NewReader(builtinModel)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTagDocumentKeepsShape(t *testing.T) {
	tg, err := builtinTagger()
	if err != nil {
		t.Fatal(err)
	}
	doc := [][]string{
		strings.Fields("وقال وزير الدفاع الأمريكي دونالد رامسفيلد إن القوات ستبقى ."),
		nil,
		strings.Fields("وأضاف رامسفيلد أن الوضع في كابول هادئ ."),
	}
	got := tg.TagDocument(doc)
	if len(got) != 3 || len(got[0]) != len(doc[0]) || len(got[1]) != 0 || len(got[2]) != len(doc[2]) {
		t.Fatalf("TagDocument shape = %v", got)
	}
	if !containsEntity(Chunks(got[0]), Entity{"PERS", 4, 6}) {
		t.Errorf("first sentence tags %v: want دونالد رامسفيلد as PERS", got[0])
	}
}

func TestGazetteerMarksLongestPhrase(t *testing.T) {
	gaz := func(phrase string) []string {
		switch phrase {
		case "ولايات متحده": // words are GazetteerKey forms: no article
			return []string{"LOC"}
		case "متحده":
			return []string{"MISC"}
		}
		return nil
	}
	var f featurizer
	f.prepare(strings.Fields("زار الولايات المتحدة أمس"), false, gaz, nil)
	if f.gz[0] != 0 || f.gz[3] != 0 {
		t.Errorf("words outside the phrase are marked: %v", f.gz)
	}
	if f.gz[1] == 0 || f.gz[2] == 0 || f.gz[1] == f.gz[2] {
		t.Errorf("want distinct begin and inside marks on the two words, got %v", f.gz)
	}
}

func TestToBILOU(t *testing.T) {
	// برند جوتشولك (two words) and ألمانيا (one word) from ANERcorp.
	tags := strings.Fields("O B-PERS I-PERS O B-LOC B-LOC I-LOC I-LOC")
	toBILOU(tags)
	want := strings.Fields("O B-PERS L-PERS O U-LOC B-LOC I-LOC L-LOC")
	if !reflect.DeepEqual(tags, want) {
		t.Errorf("toBILOU = %v, want %v", tags, want)
	}
}

func TestBILOUModelOutputsBIO(t *testing.T) {
	m := newModel([]string{"O", "B-PERS", "I-PERS", "L-PERS", "U-PERS"})
	L := len(m.Labels)
	if m.allowed[1*L+1] || !m.allowed[1*L+2] || !m.allowed[1*L+3] || m.allowed[3*L+3] || !m.allowed[3*L+4] {
		t.Error("BILOU moves: want B→I and B→L allowed, B→B and L→L forbidden, L→U allowed")
	}
	if m.final[1] || m.final[2] || !m.final[3] || !m.final[4] {
		t.Errorf("final = %v: a sentence may not end inside an entity", m.final)
	}
	if got := strings.Join(m.bio, " "); got != "O B-PERS I-PERS I-PERS B-PERS" {
		t.Errorf("bio = %s", got)
	}
}

// The shipped model's score on the ANERcorp test split (69.65 micro-F1 when
// committed) must not silently drop: a change to features, to arabic.Fold
// or to the gazetteer needs a retrained model.
func TestShippedModelDoesNotRegress(t *testing.T) {
	sents, err := ReadCoNLLFile(shared.Path(t, "gold/ner/anercorp-test.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := builtinTagger()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := EvaluateTagger(tg, sents)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Overall.F1 < 68 {
		t.Errorf("micro-F1 %.2f on ANERcorp test, floor 68", rep.Overall.F1)
	}
}

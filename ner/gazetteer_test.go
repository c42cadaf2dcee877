package ner

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Both the dictionary and the text side go through the same key, so the
// article-like ال of ألمانيا going too is harmless.
func TestGazetteerKeyDropsConjunctionAndArticle(t *testing.T) {
	for in, want := range map[string]string{"وألمانيا": "مانيا", "ألمانيا": "مانيا", "والعراق": "عراق", "بغداد": "بغداد"} {
		if got := GazetteerKey(in); got != want {
			t.Errorf("GazetteerKey(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestLexiconGazetteerClasses(t *testing.T) {
	lex, err := builtinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	g := LexiconGazetteer(lex, []string{"خليفه"})
	for phrase, want := range map[string]string{
		"طرابلس":     gazLoc,
		"ليبي":       gazNation,
		"خليفه حفتر": gazPerson, // an actor whose name starts with a first name
		"حفتر":       gazLast,
		"خليفه":      gazFirst,
		"كتيبه":      gazGroup,
	} {
		if got := g(phrase); !slices.Contains(got, want) {
			t.Errorf("gazetteer(%s) = %v, want it to include %s", phrase, got, want)
		}
	}
	if got := g("قال"); got != nil {
		t.Errorf("gazetteer(قال) = %v, want nothing", got)
	}
}

func TestFirstNamesFromPersons(t *testing.T) {
	sents := []Sentence{
		{Words: strings.Fields("وقال رئيس الاتحاد برند جوتشولك إن"), Tags: strings.Fields("O O O B-PERS I-PERS O")},
		{Words: strings.Fields("وأكد برند ان"), Tags: strings.Fields("O B-PERS O")},
		{Words: strings.Fields("زار ألمانيا"), Tags: strings.Fields("O B-LOC")},
	}
	if got, want := FirstNames(sents, 1), []string{"برند"}; !reflect.DeepEqual(got, want) {
		t.Errorf("FirstNames = %v, want %v", got, want)
	}
	if got := FirstNames(sents, 3); len(got) != 0 {
		t.Errorf("FirstNames(min 3) = %v, want none", got)
	}
}

func TestNamesRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteNames(&b, "two names\nfrom a test", []string{"برند", "خليفه"}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadNames(&b)
	if err != nil || !reflect.DeepEqual(got, []string{"برند", "خليفه"}) {
		t.Errorf("ReadNames = %v, %v", got, err)
	}
}

func TestDefaultModelCarriesItsGazetteer(t *testing.T) {
	m, err := ReadModel(bytes.NewReader(builtinModel))
	if err != nil {
		t.Fatal(err)
	}
	if m.Gazetteer != GazetteerLexicon {
		t.Fatalf("embedded model gazetteer = %q, want %q", m.Gazetteer, GazetteerLexicon)
	}
	tg, err := builtinTagger()
	if err != nil {
		t.Fatal(err)
	}
	if tg.gaz == nil {
		t.Error("Default did not install the gazetteer the model was trained with")
	}
}

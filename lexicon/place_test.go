package lexicon

import "testing"

func TestMisrataMilitiasAreAnActorInAPlace(t *testing.T) {
	l := embedded(t)
	s := "قرار انسحاب ميليشيات مصراتة التي تتواجد في العاصمة"
	actors, _ := find(l, s, KindActor)
	places, texts := find(l, s, KindPlace)
	if len(actors) != 1 || actors[0].Actor.ID != "lby-misrata-armed" {
		t.Errorf("want the Misrata armed groups actor, got %+v", actors)
	}
	if len(places) != 1 || texts[0] != "مصراتة" || places[0].Places[0].Country != "LBY" {
		t.Errorf("want the place مصراتة in Libya, got %v", texts)
	}
}

func TestTripoliIsAmbiguousAndResolvedByTheDocument(t *testing.T) {
	l := embedded(t)
	s := "معارك العاصمة طرابلس ضد قوات الجيش"
	places, _ := find(l, s, KindPlace)
	if len(places) != 1 || len(places[0].Places) < 2 {
		t.Fatalf("طرابلس: want two candidates, got %+v", places)
	}
	countries := map[string]bool{}
	for _, p := range places[0].Places {
		countries[p.Country] = true
	}
	if !countries["LBY"] || !countries["LBN"] {
		t.Fatalf("طرابلس: want Libya and Lebanon, got %v", countries)
	}
	for _, c := range []struct{ context, want string }{
		{"وقال مسؤول ليبي إن الوضع هادئ", "LBY"},
		{"وتشهد ليبيا فوضى منذ 2011", "LBY"},
		{"وقال الجيش اللبناني إن الوضع في لبنان هادئ", "LBN"},
		{"", "LBY"}, // no hint: the more populous
	} {
		ctx := NewDocContext(l.Match(toks(c.context)), l.Match(toks(s)))
		if got := ctx.Resolve(places[0].Places); got == nil || got.Country != c.want {
			t.Errorf("context %q: got %+v, want %s", c.context, got, c.want)
		}
	}
	if (*DocContext)(nil).Resolve(nil) != nil {
		t.Error("no candidates must resolve to nil")
	}
}

func TestCommonWordsAreNotPlaces(t *testing.T) {
	l := embedded(t)
	for _, s := range []string{"بدأ مقاتلو مصراتة الجمعة في الانسحاب", "قال أمس إن"} {
		places, texts := find(l, s, KindPlace)
		for i, p := range places {
			// A town called الجمعة is a word name: the coder takes it
			// for a place only after في or a place noun.
			if texts[i] != "مصراتة" && !p.PlaceWord {
				t.Errorf("%q: %q matched place %s", s, texts[i], p.Places[0].ID)
			}
		}
	}
}

package coder

import (
	"context"
	"slices"
	"strings"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

// Place-name sense. The gazetteer knows tens of thousands of villages and
// districts, and many of their names are everyday words (فتح، الباب،
// منزلة). A name is taken for a place only when the text makes it one:
//   - after a place noun (مدينة، بلدة، قرية، محافظة …: cues.tsv place-noun),
//     which also says which kind of place is meant;
//   - after a preposition (في، من، إلى, or ب attached), for towns,
//     districts and neighbourhoods;
//   - names that are also everyday words (word_names of the gazetteer)
//     only after a place noun;
//   - on its own, only for prominent places: countries, governorates,
//     capitals and cities, and names of several words.
// A word on the not-place cue list (بلادنا "our country", وادي "valley")
// is a place only after a place noun.

// placeKinds are the kinds a place noun introduces (its cue value).
func placeKinds(note string) map[string]bool {
	out := map[string]bool{}
	for _, k := range strings.Fields(note) {
		out[k] = true
	}
	return out
}

// villageLike kinds need a place noun before them, or a preposition.
func smallPlace(kind string) bool {
	switch kind {
	case "village", "admin3", "neighbourhood", "town", "admin2", "camp":
		// even when the name has several words: villages are often
		// named after people (عبد الله، أبو عمر)
		return true
	}
	return false
}

// placeNounBefore returns the place noun cue that ends right before token
// i (مدينة طرابلس), or right before an adjective of it, if any.
func (v *sentenceView) placeNounBefore(i int) (cueHit, bool) {
	for _, h := range v.cues {
		if h.kind == cuePlaceNoun && h.end == i {
			return h, true
		}
	}
	return cueHit{}, false
}

// senseOfPlace decides whether a gazetteer match is a place here, and
// keeps the candidates its context allows, the kind a place noun names
// first. It returns false when the words are not a place in this sentence.
func (v *sentenceView) senseOfPlace(m *lexicon.Match) bool {
	if _, ok := v.cueCovering(m.TokStart, cuePlaceNoun); ok && m.TokEnd-m.TokStart == 1 {
		return false // مدينة، قرية، ميناء themselves
	}
	if last := &v.toks[m.TokEnd-1]; len(last.Suffixes) > 0 {
		return false // names take no pronoun: زيارته، منزله
	}
	noun, hasNoun := v.placeNounBefore(m.TokStart)
	if h, ok := v.hasCueAt(m.TokStart, cuePlaceNoun); ok && h.end < m.TokEnd {
		noun, hasNoun = h, true // the name holds its noun: مديرية الدريهمي، مطار معيتيقة
	}
	prepWord := v.prepWordBefore(m.TokStart)
	prep := prepWord || v.baBefore(m.TokStart)
	multi := m.TokEnd-m.TokStart > 1
	if !hasNoun {
		if _, ok := v.cueCovering(m.TokStart, cueNotPlace); ok && !multi {
			return false
		}
		// A word name needs its place noun: "في بيان" is "in a
		// statement" far more often than the Kuwaiti town.
		if m.PlaceWord && !multi {
			return false
		}
	}
	article := !multi && hasArticle(&v.toks[m.TokStart])
	var keep []*marsad.Place
	for _, p := range m.Places {
		switch {
		case article && !namedWithArticle(p):
			// السورية، السجن: the article makes an adjective or a
			// common noun of a name written without it.
		case hasNoun || prep || !smallPlace(p.Kind):
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return false
	}
	if hasNoun {
		kinds := placeKinds(noun.note)
		var named []*marsad.Place
		for _, p := range keep {
			if kinds[p.Kind] {
				named = append(named, p)
			}
		}
		if len(named) > 0 {
			keep = named
		}
	}
	m.Places = keep
	return true
}

// namedWithArticle reports whether one of the place's names begins with
// the article (العراق، الحديدة), so that "ال" in the text is its own.
func namedWithArticle(p *marsad.Place) bool {
	for _, n := range p.Names {
		if f := arabic.Fold(n); strings.HasPrefix(f, "ال") && !strings.Contains(f, " ") {
			return true
		}
	}
	return false
}

// baBefore: token i carries the preposition ب (بطرابلس).
func (v *sentenceView) baBefore(i int) bool {
	return i >= 0 && i < len(v.toks) && slices.Contains(v.toks[i].Prefixes, "ب")
}

// senseOfPlaces drops the place matches that are not places here (see
// senseOfPlace), before anything else reads the matches.
func (v *sentenceView) senseOfPlaces() {
	out := v.matches[:0]
	for _, m := range v.matches {
		if m.Kind == lexicon.KindPlace && !v.senseOfPlace(&m) {
			continue
		}
		out = append(out, m)
	}
	v.matches = out
}

// Places lists every place name of the document as the coder reads it
// (after place-name sense and resolution), in text order, including names
// inside an actor's phrase (ميليشيات مصراتة): what "marsad eval geo" scores.
func (c *Coder) Places(ctx context.Context, doc marsad.Document) ([]marsad.PlaceRef, error) {
	views, dc, err := c.views(ctx, doc, true)
	if err != nil {
		return nil, err
	}
	var out []marsad.PlaceRef
	for _, v := range views {
		for k := range v.places {
			out = append(out, *v.placeRef(&v.places[k], dc))
		}
	}
	return out, nil
}

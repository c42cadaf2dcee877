package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/lexicon"
)

// Match finds dictionary entries in the tokens of a sentence: actors (by
// id), agent words that name a kind of actor (by the sector they give),
// places (by gazetteer id, most populous candidate first) and event
// triggers (by event type and form). Kinds may overlap: الجيش الليبي is an
// actor and الجيش an agent word.
func ExampleLexicon_Match() {
	lex, err := lexicon.Load(data.FS)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range arabic.Analyze("اشتبكت ميليشيا مسلحة مع الجيش الليبي جنوب طرابلس.") {
		for _, m := range lex.Match(s.Tokens) {
			var words []string
			for _, t := range s.Tokens[m.TokStart:m.TokEnd] {
				words = append(words, t.Text)
			}
			var id string
			switch m.Kind {
			case lexicon.KindActor:
				id = m.Actor.ID
			case lexicon.KindAgent:
				id = m.Agent.Sector
			case lexicon.KindPlace:
				id = m.Places[0].ID
			case lexicon.KindTrigger:
				id = m.Trigger.ID
			}
			fmt.Printf("%-7s %s: %s\n", m.Kind, strings.Join(words, " "), id)
		}
	}
	// Output:
	// trigger اشتبكت: ASSAULT:اشتبك
	// agent   ميليشيا: REB
	// actor   الجيش الليبي: lby-lna
	// agent   الجيش: MIL
	// place   طرابلس: geonames:2210247
}

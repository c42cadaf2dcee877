package coder_test

import (
	"testing"

	marsad "github.com/marsad/marsad"
)

// Function words, adjectives and common nouns of places and things are
// never actors (cues.tsv, not-actor), even where the grammar reads them
// as the doer or the one acted upon.
func TestStopListWordsAreNoActors(t *testing.T) {
	for _, text := range []string{
		"تمكن الجيش الوطني الليبي من السيطرة الكاملة على مواقع جديدة شرقي مدينة درنة.",
		"وأضاف المصدر أن الغارات استهدفت المتمردين، دون تقديم تفاصيل عن حصيلة الغارات أو المتمردين المستهدفين.",
		"قصفت الطائرات مواقع في محيط المدينة.",
	} {
		for _, e := range code(t, text, "2018-06-01") {
			for _, r := range []*marsad.ActorRef{e.Source, e.Target} {
				if r == nil || r.ActorID != "" {
					continue
				}
				switch r.Text {
				case "مواقع", "أو", "مواقع جديدة", "جديدة":
					t.Errorf("%s\n  %s has the actor %q", text, e.EventType, r.Text)
				}
			}
		}
	}
}

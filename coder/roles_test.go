package coder_test

import (
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
)

// A weapon is the doer the sentence gives when no person is named
// (assault spans dev: the gold source is عبوة).
func TestWeaponIsTheDoerWhenNoPersonIsNamed(t *testing.T) {
	evs := code(t, "وقال مصدر امني في شرطة محافظة البصرة للصحافيين إن «عبوة ناسفة انفجرت على دورية بريطانية على الطريق الدولي بصرة ـ كويت».", "")
	e := find(evs, "ASSAULT", func(e *marsad.Event) bool { return e.Source != nil })
	if e == nil || !strings.HasPrefix(e.Source.Text, "عبوة") {
		t.Fatalf("want the roadside bomb as source; events: %s", summary(evs))
	}
	if e.Target == nil || !strings.Contains(e.Target.Text, "دورية") {
		t.Errorf("target = %+v, want the British patrol", e.Target)
	}
}

// A suicide bomber who blew himself up is the doer (فجر انتحاري نفسه).
func TestSuicideBomberIsTheDoer(t *testing.T) {
	evs := code(t, "وقالت مصادر في وزارتي الداخلية والدفاع، ان «انتحاريا يقود شاحنة مفخخة فجر نفسه وسط سوق في منطقة الصدرية».", "")
	e := find(evs, "ASSAULT", func(e *marsad.Event) bool {
		return e.Source != nil && strings.Contains(e.Source.Text, "انتحاري")
	})
	if e == nil {
		t.Fatalf("want the suicide bomber as source; events: %s", summary(evs))
	}
}

// No event has one phrase as both source and target, and a place after
// a preposition is a location, not an actor.
func TestRolesAreTwoPhrasesAndPlacesAreNotActors(t *testing.T) {
	for _, s := range []string{
		"وفي الديوانية، تظاهر الآلاف احتجاجا على تشكيل مجالس الاسناد، وتجمع المتظاهرون أمام المبنى القديم لمحافظة الديوانية مطالبين الحكومة المحلية بالتراجع.",
		"قصف الجيش التركي مواقع في شمال العراق، وقال الجيش التركي إن الطائرات استهدفت المقاتلين.",
	} {
		for _, e := range code(t, s, "") {
			if e.Source != nil && e.Target != nil && e.Source.Start < e.Target.End && e.Target.Start < e.Source.End {
				t.Errorf("%s: source and target overlap (%q, %q)", e.Trigger.Text, e.Source.Text, e.Target.Text)
			}
			for _, a := range []*marsad.ActorRef{e.Source, e.Target} {
				if a != nil && a.Text == "الديوانية" {
					t.Errorf("%s: the place الديوانية became an actor", e.Trigger.Text)
				}
			}
		}
	}
}

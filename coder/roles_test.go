package coder_test

import (
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/coder"
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

// roleOf returns the source or target text of the first event of typ whose
// trigger contains trig, and whether there is such an event.
func roleOf(evs []marsad.Event, typ, trig string, source bool) (string, bool) {
	e := find(evs, typ, func(e *marsad.Event) bool { return strings.Contains(e.Trigger.Text, trig) })
	if e == nil {
		return "", false
	}
	a := e.Target
	if source {
		a = e.Source
	}
	if a == nil {
		return "", true
	}
	return a.Text, true
}

// A count right after a kill verb is who was killed (قُتل 20 شخصا), and a
// count before a plural passive is too (ثلاثة جنود أميركيين قُتلوا); an
// adjective or a participle (متوقفة) is nobody.
func TestCountedVictimsAreTheTarget(t *testing.T) {
	for _, c := range []struct{ text, trig, target string }{
		{"قتل 20 شخصا واصيب 60 حين انفجرت سيارة مفخخة كانت متوقفة قرب تقاطع في حي الكرادة بوسط بغداد أمس.", "قتل", "20 شخصا"},
		{"من ناحية ثانية، قتل أربعة اشخاص واصيب 6 آخرون بهجوم انتحاري غرب بغداد.", "قتل", "اشخاص"},
		{"وأصيب سبعة مدنيين وقتل أربعة جنود في هجوم شنه مسلحون على حاجز للجيش.", "وقتل", "جنود"},                          // the killed, not the wounded
		{"وقالت وسائل الإعلام الرسمية السورية إن طفلا قتل وأصيب 15 مدنيا في قصف للمناطق السكنية في دمشق.", "قتل", "طفلا"}, // killed, not killing
		{"وأوضح بيان الجيش أن «ثلاثة جنود أميركيين قتلوا وأصيب 11 آخرون بجروح بانفجار عبوة ناسفة استهدفت دورية كانت تقوم بمهام أمنية في شرق بغداد الخميس».", "قتلوا", "جنود"},
	} {
		evs := codeRules(t, c.text)
		got, ok := roleOf(evs, "ASSAULT", c.trig, false)
		if !ok || !strings.Contains(got, c.target) {
			t.Errorf("%s: target %q, want %q; events: %s", c.trig, got, c.target, summary(evs))
		}
		if src, _ := roleOf(evs, "ASSAULT", c.trig, true); strings.Contains(src, c.target) {
			t.Errorf("%s: the victims %q are the source", c.trig, src)
		}
	}
}

// With a subject before it and an object after it, قتلوا is active.
func TestSubjectBeforeAndObjectAfterIsActive(t *testing.T) {
	evs := codeRules(t, "وقال الجيش الاميركي ان جنوده قتلوا خمسة مسلحين مشتبه فيهم أمس خلال غارة على مصنع للقنابل شمال بغداد.")
	src, _ := roleOf(evs, "ASSAULT", "قتلوا", true)
	tgt, _ := roleOf(evs, "ASSAULT", "قتلوا", false)
	if src != "جنوده" || !strings.Contains(tgt, "مسلحين") {
		t.Errorf("source %q target %q, want جنوده and the gunmen; events: %s", src, tgt, summary(evs))
	}
}

// A verb right after an event noun describes it: the attack is the
// subject of استهدف and the checkpoint its object, not its doer.
func TestVerbAfterEventNounTakesItsObjectAsTarget(t *testing.T) {
	evs := codeRules(t, "في غضون ذلك، اعلنت مصادر امنية مقتل جنديين عراقيين ومدني اثر انفجار سيارة مفخخة استهدفت حاجزا للتفتيش قرب احد مداخل مدينة الصدر شرق بغداد.")
	for _, e := range evs {
		if e.Source != nil && strings.Contains(e.Source.Text, "حاجزا") {
			t.Errorf("%s: the checkpoint is the source", e.Trigger.Text)
		}
	}
	if find(evs, "ASSAULT", func(e *marsad.Event) bool { return e.Target != nil && strings.Contains(e.Target.Text, "حاجزا") }) == nil {
		t.Errorf("no event has the checkpoint as target; events: %s", summary(evs))
	}
}

// What protesters carry is not what they protest against; what they
// pelt is (the PROTEST frame in cues.tsv).
func TestProtestTargetsAreMarked(t *testing.T) {
	evs := codeRules(t, "ورفع المتظاهرون لافتات كتب عليها: «لن تتوقف محاربة الإرهاب».")
	if tgt, _ := roleOf(evs, "PROTEST", "رفع", false); tgt != "" {
		t.Errorf("banners %q are the target; events: %s", tgt, summary(evs))
	}
	evs = codeRules(t, "ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة والزجاجات الفارغة في شوارع ضيقة وسط كالكوتا.")
	if tgt, _ := roleOf(evs, "PROTEST", "رشق", false); !strings.HasPrefix(tgt, "قوات") {
		t.Errorf("target %q, want the riot police; events: %s", tgt, summary(evs))
	}
}

// The seed article: a withdrawal and a mobilisation have no target, and
// no adjective (كبيرة), conjoined verbal noun (وخفض وجودها) or verbal
// noun after ل (لدعم، لتواجد) fills a role.
func TestSeedRolesArePlausible(t *testing.T) {
	evs := seed(t)
	for _, e := range evs {
		if (e.EventType == "RETREAT" || e.EventType == "MOBILIZE") && e.Target != nil {
			t.Errorf("%s %q has target %q", e.EventType, e.Trigger.Text, e.Target.Text)
		}
		for _, a := range []*marsad.ActorRef{e.Source, e.Target} {
			if a == nil {
				continue
			}
			for _, bad := range []string{"كبيرة", "لدعم", "لتواجد", "وخفض", "خاصة", "تصبح"} {
				if strings.HasPrefix(a.Text, bad) {
					t.Errorf("%s %q has the role %q", e.EventType, e.Trigger.Text, a.Text)
				}
			}
		}
	}
	// The withdrawal is Misrata's, in whichever sentence the article
	// filter keeps it (the analyst's "سحب قواتها" repeats it).
	if find(evs, "RETREAT", func(e *marsad.Event) bool { return e.Source != nil && strings.Contains(e.Source.Text, "مصراتة") }) == nil {
		t.Errorf("no RETREAT with Misrata as its source; events: %s", summary(evs))
	}
	if src, ok := roleOf(evs, "RETREAT", "سحب قواتها", true); ok && !strings.Contains(src, "مصراتة") {
		t.Errorf("سحب قواتها: source %q, want Misrata; events: %s", src, summary(evs))
	}
}

// A frame line with an unknown setting is an error that names the line.
func TestFrameLinesAreChecked(t *testing.T) {
	_, err := coder.ReadCues(strings.NewReader("frame\tPROTEST\ttarget=sometimes\n"), "cues.tsv")
	if err == nil || !strings.Contains(err.Error(), "cues.tsv:1") {
		t.Errorf("err = %v, want an error on cues.tsv:1", err)
	}
}

// What one asks for, rejects or denies is mostly a proposition, not an
// actor (the frames of cues.tsv): "ورفض محاميه … التعليق" has no target,
// nor has an arrest written with a pronoun (اعتقلته) a phrase after it.
// An actor after the frame's preposition is the target (طلب من X، تعاون
// مع X), but not one after a partitive من (مجموعة من الراهبات).
func TestFramesOfTheOtherTypes(t *testing.T) {
	for _, c := range []struct{ text, typ, trig, target string }{
		{"ورفض محاميه صامويل جاكوبسون التعليق.", "REJECT", "رفض", ""},
		{"وفي 21 آذار/مارس وجهت إلى ساركوزي، الذي ينفي بشدة تلقي الأموال من نظام القذافي.", "REJECT", "ينفي", ""},
		{"طالبت مجموعة من الراهبات في واحدة من أقدم المجتمعات الكاثوليكية في الهند باعتقال أسقف متهم.", "REQUEST", "طالبت", ""},
		{"وأضاف البيان \"ندعو الجماعات المسلحة إلى وقف كافة العمليات العسكرية فورا\".", "REQUEST", "ندعو", ""},
		{"وتمكن من الوصول إلى تونس لكن السلطات اعتقلته قبل أن ينفذ أولى خططه، وفقا للدعوى.", "COERCE", "اعتقلته", ""},
		{"وأدانت منظمة \"هيومن رايتس ووتش\" أعمال العنف.", "ACCUSE", "أدانت", ""},
		{"في حين طالب الرئيس التركي رجب طيب أردوغان القنصلية السعودية بتقديم أدلة.", "REQUEST", "طالب", "القنصلية"},
		{"طلبت تركيا من المملكة العربية السعودية، السماح لها بتفتيش قنصليتها في إسطنبول.", "REQUEST", "طلبت", "المملكة العربية السعودية"},
		{"ويقول الكاتب الليبي إن ميليشيات سرايا بنغازي وأخرى من المعارضة التشادية، تعاونت مع الجضران الذي حاصر موانئ نفطية.", "COOPERATE", "تعاونت", "الجضران"},
		{"وبعدها بأشهر قبض على الشيخ عبد الله سعيد والزبير المغربي.", "COERCE", "قبض", "الشيخ عبد الله سعيد"},
	} {
		evs := codeRules(t, c.text)
		got, ok := roleOf(evs, c.typ, c.trig, false)
		if !ok {
			t.Errorf("%s: no %s event; events: %s", c.trig, c.typ, summary(evs))
			continue
		}
		if c.target == "" && got != "" || !strings.Contains(got, c.target) {
			t.Errorf("%s %s: target %q, want %q", c.typ, c.trig, got, c.target)
		}
	}
}

// A frame's named setting takes yes or no.
func TestFrameNamedIsYesOrNo(t *testing.T) {
	_, err := coder.ReadCues(strings.NewReader("frame\tREJECT\ttarget=object named=maybe\n"), "cues.tsv")
	if err == nil || !strings.Contains(err.Error(), "cues.tsv:1") {
		t.Errorf("err = %v, want an error on cues.tsv:1", err)
	}
}

// A trigger with no subject of its own takes the one of the clause it
// continues: a coordinated verb, a complementizer with a pronoun, a
// participle after a speech verb, an event noun that a light verb governs.
func TestCarriedSubjects(t *testing.T) {
	checkRoles(t, true, []roleCase{
		{"وقالت مصادر محلية إن قوات المقاومة المشتركة، ضيقت خناقها على ميليشيات الحوثي، ودعتهم إلى تسليم أنفسهم.", "REQUEST", "ودعتهم", "قوات المقاومة"},
		{"قالت قيادة الولايات المتحدة في أفريقيا إنها نفذت غارة جوية دقيقة بالقرب من مدينة بني وليد.", "ASSAULT", "نفذت", "قيادة"},
		{"قال المتحدث باسم التحالف، شون ريان، إنه سمع عن هذه التقارير، نافيا شن التحالف أي ضربات في المنطقة.", "REJECT", "نافيا", "المتحدث باسم التحالف"},
		{"وفي غضون أيام تمكن الجيش من تحرير المنطقة النفطية.", "COERCE", "تحرير", "الجيش"},
		{"وكان التحالف قد شن غارات على مواقع الحوثيين في صعدة.", "ASSAULT", "شن", "التحالف"},         // كان … قد
		{"وكانت القوات الحكومية قد اعتقلت عشرة من المسلحين.", "COERCE", "اعتقلت", "القوات الحكومية"}, // كان … قد
	})
}

// roleCase is a sentence, the event type and trigger of one of its events
// and the text its role must contain.
type roleCase struct{ sentence, typ, trig, want string }

// checkRoles codes each sentence and checks the source (or the target)
// of the event.
func checkRoles(t *testing.T, source bool, cases []roleCase) {
	t.Helper()
	role := "target"
	if source {
		role = "source"
	}
	for _, c := range cases {
		evs := code(t, c.sentence, "")
		got, ok := roleOf(evs, c.typ, c.trig, source)
		if !ok || !strings.Contains(got, c.want) {
			t.Errorf("%s %s: %s %q, want %q; events: %s", c.typ, c.trig, role, got, c.want, summary(evs))
		}
	}
}

// The target is whom the act was aimed at: the owner of the sites named
// (مواقع الحوثيين), the actor an object pronoun refers back to, the
// partitive of a count of victims.
func TestTargetsAreTheActorsBehindSitesAndPronouns(t *testing.T) {
	checkRoles(t, false, []roleCase{
		{"وقال المسماري إن قوات الجيش الوطني الليبي هاجمت فجر الخميس أماكن تواجد الميليشيات المسلحة في الميناءين.", "ASSAULT", "هاجمت", "الميليشيات"},
		{"وقالت مصادر محلية إن قوات المقاومة المشتركة، ضيقت خناقها على ميليشيات الحوثي، ودعتهم إلى تسليم أنفسهم.", "REQUEST", "ودعتهم", "ميليشيات الحوثي"},
		{"وذكرت المصادر أن 12 عنصرا من ميليشيات الحوثي قتلوا خلال الساعات الماضية.", "ASSAULT", "قتلوا", "ميليشيات الحوثي"},
	})
}

// The role models never make the one acted on the doer: the sites'
// owner stays the target, with no source rather than a wrong one.
func TestTheTargetIsNeverTakenAsTheSource(t *testing.T) {
	evs := code(t, "قصفت الطائرات مواقع الحوثيين في صعدة.", "")
	e := find(evs, "ASSAULT", func(*marsad.Event) bool { return true })
	if e == nil {
		t.Fatalf("no ASSAULT; events: %s", summary(evs))
	}
	if e.Target == nil || !strings.Contains(e.Target.Text, "الحوثيين") {
		t.Errorf("target = %+v, want the Houthis' positions", e.Target)
	}
	if e.Source != nil && strings.Contains(e.Source.Text, "الحوثيين") {
		t.Errorf("source = %q: the Houthis were shelled, not shelling", e.Source.Text)
	}
}

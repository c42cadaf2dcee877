package coder_test

import (
	"testing"

	marsad "github.com/marsad/marsad"
)

// Death tolls as the corpus writes them (ant-politics-2000, ids in the
// comments): number words and multipliers, Arabic-Indic digits, "لقي N
// مصرعهم", "سقوط N قتلى", hedges, and counts that are no toll.
func TestDeathTollsFromCorpusPhrases(t *testing.T) {
	for _, c := range []struct {
		text   string
		n      int // -1: no toll
		approx bool
	}{
		// FR-internationalNews-476-20180317
		{"وأدى الهجوم إلى مقتل نحو 5 آلاف كردي، بحسب مصادر كردية.", 5000, true},
		{"وقتل عشرة آلاف شخص في الهجوم على المدينة.", 10000, false},
		{"وقتل ١٠ آلاف شخص في الهجوم على المدينة.", 10000, false},
		{"أسفر القصف عن مقتل عشرات الآلاف من المدنيين.", 12000, true},
		// SK-internationalNews-844-20180407
		{"هاجم المسلحون القرية، مما أسفر عن سقوط نحو 40 ألف قتيل.", 40000, true},
		// SK-middleEast-3494-20180902
		{"لقي 4 أشخاص مصرعهم فيما جرح سبعة آخرون، مساء الأحد، إثر سقوط قذيفة على مخيم.", 4, false},
		// CN-internationalNews-305-20180502
		{"لقي تسعة أشخاص مصرعهم وأصيب عدد آخر من الموظفين في هجوم انتحاري.", 9, false},
		// SK-middleEast-3643-20180911
		{"قصف الحرس الثوري المقر، الأمر الذي أسفر عن سقوط 14 قتيلا وعددا من الجرحى.", 14, false},
		// SK-middleEast-3659-20180912
		{"انفجرت سيارة مفخخة في السوق، الأمر الذي أسفر عن سقوط 5 قتلى على الأقل وإصابة 32 آخرين.", 5, true},
		// FR-internationalNews-1422-20180524 (units and tens)
		{"هاجم المسلحون القافلة ما أسفر عن مقتل تسعة وأربعين شخصا.", 49, false},
		// SK-middleEast-3374-20180813
		{"وقال الدفاع المدني إن 36 شخصا قتلوا وأصيب العشرات في الانفجار.", 36, false},
		// BB-middleEast-89-20180225: the wounded are no toll
		{"قصفت القوات البلدة، ما أسفر عن مقتل امرأة وإصابة 7 مدنيين.", 1, false},
		// BB-middleEast-300-20180406
		{"وقالت وسائل الإعلام إن طفلا قتل وأصيب 15 مدنيا في قصف للمناطق السكنية.", 1, false},
		// CN-middleEast-1297-20180906
		{"وقال إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين في سلسلة من الغارات الجوية.", 1, true},
		// SK-middleEast-3379-20180814
		{"وذكرت المصادر أن 12 عنصرا من ميليشيات الحوثي قتلوا خلال الساعات الماضية في المواجهات.", 12, false},
		// SK-middleEast-3111-20180727: "among 63" is no toll of this killing
		{"وتمكن أهالي القرى من قتل نحو 15 مسلحا من داعش من بين 63 شخصا قتلوا من التنظيم خلال الهجوم.", 15, true},
		// a year and a day of the month are no count
		{"جثث 20 قبطيا قتلوا عام 2015 على يد تنظيم داعش في سرت.", -1, false},
		{"كما قُتلت في 25 من الشهر الجاري الناشطة بإطلاق نار في البصرة.", -1, false},
	} {
		evs := code(t, c.text, "2018-06-01")
		var got *marsad.Event
		for i := range evs {
			if evs[i].Fatalities != nil {
				got = &evs[i]
				break
			}
		}
		switch {
		case c.n < 0 && got != nil:
			t.Errorf("%s\n  toll %d on %s, want none", c.text, *got.Fatalities, got.EventType)
		case c.n >= 0 && got == nil:
			t.Errorf("%s\n  no toll, want %d; events: %s", c.text, c.n, summary(evs))
		case c.n >= 0 && (*got.Fatalities != c.n || got.FatalitiesApprox != c.approx):
			t.Errorf("%s\n  toll %d approx %v, want %d approx %v", c.text, *got.Fatalities, got.FatalitiesApprox, c.n, c.approx)
		}
	}
}

// A disaster's victims are no attack (BB-middleEast-935-20180826).
func TestEarthquakeVictimsAreNoAssault(t *testing.T) {
	evs := code(t, "وكانت إيران قد شهدت أعنف زلزال خلال العقد الأخير وضرب نفس المنطقة الجبلية مما أدى إلى مقتل أكثر من 530 شخصا وإصابة الآلاف.", "2018-08-26")
	if e := find(evs, "ASSAULT", func(*marsad.Event) bool { return true }); e != nil {
		t.Errorf("earthquake coded as ASSAULT (trigger %q, toll %v)", e.Trigger.Text, e.Fatalities)
	}
	evs = code(t, "وأفادت الأنباء بمقتل شخصين واصابة أكثر من 200 آخرين جراء الزلزال.", "2018-08-26")
	if e := find(evs, "ASSAULT", func(*marsad.Event) bool { return true }); e != nil {
		t.Errorf("earthquake victims coded as ASSAULT (trigger %q)", e.Trigger.Text)
	}
}

// A running total since a war began sums up many happenings: it is coded
// as mention "toll", never as one happening's toll.
func TestCumulativeTollIsNoHappening(t *testing.T) {
	for _, text := range []string{
		"كشف تقرير حقوقي عن مقتل 3021 مدنيا في تعز على أيدي ميليشيات الحوثي منذ إشعالها للحرب.",
		// a war's toll "so far"
		"كما زادت المخاوف من أن تؤدي غارات أخرى شنتها إسرائيل إلى تصعيد الحرب التي قتل فيها حتى الآن أكثر من 350 ألف شخص.",
		"وكان الهجوم على الغوطة واحدا من أعنف الهجمات في الحرب السورية المستمرة منذ 7 سنوات، وقال المرصد إنه أسقط أكثر من 1600 قتيل مدني.",
	} {
		for _, e := range code(t, text, "2018-06-01") {
			if e.Fatalities != nil && e.Mention != "toll" {
				t.Errorf("%s\n  %s with toll %d is mention %q, want toll", text, e.EventType, *e.Fatalities, e.Mention)
			}
		}
	}
}

package coder_test

import (
	"context"
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/data"
)

// The sentences below are from the development gold files
// (../shared/gold/events/*_detection_dev.csv); the article date is the one
// in the sentence id where it has one.

// counted returns the events of typ whose trigger contains word and that
// count as happenings (asserted or historical).
func counted(evs []marsad.Event, typ, word string) []marsad.Event {
	var out []marsad.Event
	for _, e := range evs {
		if e.EventType == typ && e.Counts() && strings.Contains(e.Trigger.Text, word) {
			out = append(out, e)
		}
	}
	return out
}

func TestModalityIsNotTheHappening(t *testing.T) {
	for _, c := range []struct {
		name, text, date string
		typ, trigger     string // the event that must not be counted
		also             string // an event type that must be coded instead, "" for none
	}{
		{"denied by نفى", "من جهته، نفى العميد قاسم عطا الموسوي الناطق باسم قائد الخطة الامنية في بغداد مجددا أمس تعرض صابرين للاغتصاب.",
			"", "ASSAULT", "اغتصاب", "REJECT"},
		{"denied by نفى, short", "ونفى ايضا جرائم الاغتصاب في دارفور.", "", "ASSAULT", "اغتصاب", "REJECT"},
		{"hypothetical after اذا", "وقال ان أنقرة مستعدة لتحمل الانتقادات الدولية اذا شنت هجوما.", "", "ASSAULT", "شنت", ""},
		{"future with سوف", "وقد تلقت بعض جماعات الإعلام رسالة إلكترونية أخرى امس تحذر من أن تفجيرا آخر سوف يقع في نيودلهي قريبا.",
			"", "ASSAULT", "تفجير", ""},
		{"future with يعتزم", "وافادت مصادر بان القتيل كان يحمل حزاما ناسفاً ويعتزم تنفيذ عملية انتحارية.", "", "ASSAULT", "انتحارية", ""},
		{"urging a sit-in", "ثم ها هو يخرج المتظاهرين الى شوارع لبنان ويحثهم على الاعتصام والتظاهر، وتقع الاشتباكات، ثم يتحدث عن حلول سلمية للأزمة.",
			"", "PROTEST", "اعتصام", "REQUEST"},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs := code(t, c.text, c.date)
			if got := counted(evs, c.typ, c.trigger); len(got) > 0 {
				t.Errorf("%s %q is counted as a happening (modality %s); events: %s", c.typ, c.trigger, got[0].Modality, summary(evs))
			}
			if c.also != "" && find(evs, c.also, func(*marsad.Event) bool { return true }) == nil {
				t.Errorf("no %s event; events: %s", c.also, summary(evs))
			}
		})
	}
}

// A condemnation that names an attack reports it too (docs/annotation.md):
// the ACCUSE and the ASSAULT are both coded, the attack as asserted.
func TestCondemnationReportsWhatItCondemns(t *testing.T) {
	for _, c := range []struct{ name, text, trigger string }{
		{"condemnation of a kidnapping", "في غضون ذلك، أدان الحزب الديمقراطي التقدمي التونسي المعارض أمس عملية خطف السائحين النمساويين، ودعا الى اطلاق سراحهما «بلا شروط».", "خطف"},
		{"condemnation of a killing", "وأدانت الحكومة اليمنية مقتل 12 مدنيا في غارة جوية على سوق في صعدة.", "مقتل"},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs := code(t, c.text, "")
			if find(evs, "ACCUSE", func(*marsad.Event) bool { return true }) == nil {
				t.Errorf("no ACCUSE; events: %s", summary(evs))
			}
			if len(counted(evs, "ASSAULT", c.trigger)) == 0 {
				t.Errorf("the condemned ASSAULT %q is not coded as a happening; events: %s", c.trigger, summary(evs))
			}
		})
	}
}

func TestNegationAndModalityAreMarked(t *testing.T) {
	for _, c := range []struct {
		text, trigger, modality string
	}{
		{"وقال ان أنقرة مستعدة لتحمل الانتقادات الدولية اذا شنت هجوما.", "شنت", marsad.Hypothetical},
	} {
		evs := code(t, c.text, "")
		wantModality(t, evs, c.text, c.trigger, c.modality)
	}
}

func TestBackgroundDateMakesTheEventHistorical(t *testing.T) {
	// AAW_ARB_20080918.0038-6: a chronology line, six years before the article.
	evs := code(t, "ـ 30 ديسمبر (كانون الاول) 2002: مقتل ثلاثة اطباء اميركيين واصابة رابع بجروح في هجوم مسلح نفذه متطرف اسلامي ضد مستشفى للكنيسة المعمدانية في جنوب صنعاء.", "2008-09-18")
	var hist bool
	for _, e := range evs {
		if e.EventType == "ASSAULT" && e.Modality == marsad.Historical {
			hist = true
		}
	}
	if !hist {
		t.Errorf("no historical ASSAULT; events: %s", summary(evs))
	}
}

func TestAttributionNamesTheSpeaker(t *testing.T) {
	// AAW_ARB_20070322.0018-4
	evs := code(t, "وقال الجيش الاميركي ان جنوده قتلوا خمسة مسلحين مشتبه فيهم أمس خلال غارة على مصنع للقنابل شمال بغداد دمر في وقت لاحق في ضربة جوية.", "2007-03-22")
	e := find(evs, "ASSAULT", func(e *marsad.Event) bool { return e.ClaimedBy != nil })
	if e == nil {
		t.Fatalf("no ASSAULT with claimed_by; events: %s", summary(evs))
	}
	if !strings.Contains(e.ClaimedBy.Text, "الجيش الاميركي") {
		t.Errorf("claimed_by = %q, want the US army", e.ClaimedBy.Text)
	}
	if e.ClaimedBy.ActorID == "" {
		t.Errorf("claimed_by %q is not resolved to an actor", e.ClaimedBy.Text)
	}
}

func TestFatalitiesInDigitsAndWords(t *testing.T) {
	for _, c := range []struct {
		text   string
		n      int
		approx bool
	}{
		// AAW_ARB_20070727.0033-1
		{"قتل 20 شخصا واصيب 60 حين انفجرت سيارة مفخخة كانت متوقفة قرب تقاطع في حي الكرادة بوسط بغداد أمس.", 20, false},
		// AAW_ARB_20071231.0042-5
		{"كما تعرضت ثكنة الغلاوية في الشمال لاعتداء أسفر عن مقتل ثلاثة جنود، وقد تبناه «تنظيم القاعدة في بلاد المغرب الإسلامي».", 3, false},
		{"وفي الحلة انفجرت سيارة مفخخة في زموري، خلفت 6 قتلى مدنيين و18 جريحا.", 6, false},
		{"أوقعت سلسلة هجمات أمس، بينها هجوم انتحاري بشاحنة مفخخة في تلعفر (شمال)، عشرات القتلى والجرحى، حسبما افادت مصادر أمنية.", 12, true},
	} {
		evs := code(t, c.text, "")
		e := find(evs, "ASSAULT", func(e *marsad.Event) bool { return e.Fatalities != nil })
		if e == nil {
			t.Errorf("%s: no ASSAULT with fatalities; events: %s", c.text, summary(evs))
			continue
		}
		if *e.Fatalities != c.n || e.FatalitiesApprox != c.approx {
			t.Errorf("%s: fatalities %d approx %v, want %d approx %v", c.text, *e.Fatalities, e.FatalitiesApprox, c.n, c.approx)
		}
	}
}

func TestCrowdOfProtestersIsAProtest(t *testing.T) {
	// AAW_ARB_20071122.0057-5: no protest noun, the crowd acts.
	evs := code(t, "ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة والزجاجات الفارغة في شوارع ضيفة وسط كالكوتا.", "")
	e := find(evs, "PROTEST", func(e *marsad.Event) bool { return strings.Contains(e.Trigger.Text, "رشق") })
	if e == nil {
		t.Fatalf("no PROTEST on رشق; events: %s", summary(evs))
	}
	if e.Source == nil || !strings.Contains(e.Source.Text, "المتظاهرين") || e.Source.Sector != "CVL" {
		t.Errorf("source = %+v, want the protesters (CVL)", e.Source)
	}
}

func TestSubjectBeforeAPluralVerb(t *testing.T) {
	// AAW_ARB_20080923.0005-1
	evs := code(t, "أعلنت القنصلية الافغانية ان مجهولين خطفوا امس القنصل الافغاني العام في بيشاور شمال غرب باكستان.", "2008-09-23")
	e := find(evs, "ASSAULT", func(e *marsad.Event) bool { return strings.Contains(e.Trigger.Text, "خطفوا") })
	if e == nil {
		t.Fatalf("no ASSAULT on خطفوا; events: %s", summary(evs))
	}
	if e.Source == nil || e.Source.Text != "مجهولين" {
		t.Errorf("source = %+v, want مجهولين", e.Source)
	}
	if e.Target == nil || !strings.Contains(e.Target.Text, "القنصل") {
		t.Errorf("target = %+v, want the consul", e.Target)
	}
	if e.ClaimedBy == nil || !strings.Contains(e.ClaimedBy.Text, "القنصلية") {
		t.Errorf("claimed_by = %+v, want the consulate", e.ClaimedBy)
	}
}

// codeRules codes with the rules alone (no filter, no recogniser), so that
// a test can read the modality of candidates the filter would drop.
func codeRules(t *testing.T, text string) []marsad.Event {
	t.Helper()
	lex, err := builtin.Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	cues, err := coder.LoadCues(data.FS, coder.CuesFile)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := coder.New(lex, cues, coder.Options{}).Code(context.Background(), marsad.Document{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// قد before an imperfect verb is "may"; before a past verb it is
// perfective ("has killed"), and "كان … قد" is the past perfect of a
// report, not a hypothesis.
func TestQadBeforeAPastVerbIsAsserted(t *testing.T) {
	for _, c := range []struct {
		text, trigger, modality string
	}{
		{"وكان نفس الإقليم الحدودي، قد تعرض لقصف صاروخي في وقت سابق الأربعاء، أسفر عن سقوط خمسة قتلى على الأقل وإصابة سبعة آخرين.",
			"قصف", marsad.Asserted},
		{"وقد استهدف اخر هجوم انتحاري في كابل ايضا القوات الاجنبية في 25 اغسطس.", "استهدف", marsad.Asserted},
		{"وكان مسلحون قد خطفوا القنصل امس.", "خطفوا", marsad.Asserted},
		{"وحذر من ان المسلحين قد يهاجمون المدينة.", "يهاجمون", marsad.Hypothetical},
		{"وقال إن الجماعة قد تستهدف السفارات.", "تستهدف", marsad.Hypothetical},
	} {
		evs := codeRules(t, c.text)
		wantModality(t, evs, c.text, c.trigger, c.modality)
	}
}

// wantModality checks the modality of the ASSAULT on trigger.
func wantModality(t *testing.T, evs []marsad.Event, text, trigger, modality string) {
	t.Helper()
	e := find(evs, "ASSAULT", func(e *marsad.Event) bool { return strings.Contains(e.Trigger.Text, trigger) })
	if e == nil {
		t.Errorf("%s: no ASSAULT on %q; events: %s", text, trigger, summary(evs))
		return
	}
	if e.Modality != modality {
		t.Errorf("%s: modality %s, want %s", text, e.Modality, modality)
	}
}

// Words that spell like a trigger but are another word give no event:
// a place name (عين زارة is no visit), dawn (فجرا), the front lines
// (محاور القتال), a festival (تظاهرة ثقافية).
func TestTriggerLookalikesAreNoEvents(t *testing.T) {
	for _, c := range []struct {
		text, typ, word string
	}{
		{"اندلعت اشتباكات عنيفة بين قوات الجيش الليبي وقوات حكومة الوفاق في منطقة عين زارة", "CONSULT", "زارة"},
		{"بدأ مقاتلو مصراتة الجمعة في الانسحاب من محاور القتال", "ASSAULT", "القتال"},
		{"واعتقلت القوات الامريكية فجرا ثلاثة مسلحين", "ASSAULT", "فجرا"},
		{"وتنظم وزارة الثقافة تظاهرة ثقافية في العاصمة الاسبوع المقبل", "PROTEST", "تظاهرة"},
	} {
		for _, e := range codeRules(t, c.text) {
			if e.EventType == c.typ && strings.Contains(e.Trigger.Text, c.word) {
				t.Errorf("%s: %s on %q", c.text, c.typ, e.Trigger.Text)
			}
		}
	}
}

// Triggers added after the error analysis: a verb of exploding, gunshots,
// a beating, a passive assassination, a downed aircraft.
func TestAddedAssaultTriggers(t *testing.T) {
	for _, c := range []struct{ text, word string }{
		{"قال مصدر امني عراقي إن رأسا مقطوعا انفجر أمس لدى مرور دورية", "انفجر"},
		{"وكان الوحيدي أطلق عدة أعيرة نارية على مجموعة في منطقة المدرج الروماني", "أعيرة"},
		{"وجاء في الشكوى ان قوات مناوي تتعدى على السكان بالضرب", "تتعدى"},
		{"ولكن خلال شهر واحد اغتيل كرامي في متفجرة زرعت في طائرة هليكوبتر", "اغتيل"},
		{"اعلنت وزارة الدفاع الروسية ان القوات الروسية أسقطت طائرتي تجسس جورجيتين", "أسقطت"},
	} {
		if find(codeRules(t, c.text), "ASSAULT", func(e *marsad.Event) bool { return strings.Contains(e.Trigger.Text, c.word) }) == nil {
			t.Errorf("%s: no ASSAULT on %q", c.text, c.word)
		}
	}
}

// A clash names both sides after بين (source, then target after و), or
// the other side after مع (the target).
func TestClashSides(t *testing.T) {
	for _, c := range []struct{ text, word, src, tgt string }{
		{"اندلعت اشتباكات عنيفة بين قوات الجيش الليبي وقوات حكومة الوفاق في منطقة عين زارة", "اشتباكات", "الجيش", "الوفاق"},
		{"واشتبكت الشرطة مع المتظاهرين في وسط المدينة", "اشتبكت", "الشرطة", "المتظاهرين"},
	} {
		evs := codeRules(t, c.text)
		e := find(evs, "ASSAULT", func(e *marsad.Event) bool { return strings.Contains(e.Trigger.Text, c.word) })
		switch {
		case e == nil:
			t.Errorf("%s: no ASSAULT on %q; events: %s", c.text, c.word, summary(evs))
		case e.Source == nil || !strings.Contains(e.Source.Text, c.src):
			t.Errorf("%s: source %+v, want %s", c.text, e.Source, c.src)
		case e.Target == nil || !strings.Contains(e.Target.Text, c.tgt):
			t.Errorf("%s: target %+v, want %s", c.text, e.Target, c.tgt)
		}
	}
}

// A toll since a war began sums up many happenings: the event is kept, as
// a running total (mention "toll"), with no happening id.
func TestRunningTollIsNoHappening(t *testing.T) {
	evs := code(t, "وقتل أكثر من 350 ألف شخص منذ اندلاع النزاع في سوريا عام 2011.", "2018-03-01")
	e := find(evs, "ASSAULT", func(*marsad.Event) bool { return true })
	if e == nil {
		t.Fatalf("no ASSAULT; events: %s", summary(evs))
	}
	if e.Mention != "toll" || e.HappeningID != "" {
		t.Errorf("mention %q, happening %q; want a toll with no happening", e.Mention, e.HappeningID)
	}
}

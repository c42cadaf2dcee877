package coder_test

import (
	"strings"
	"testing"

	marsad "github.com/marsad/marsad"
)

// Trigger knowledge for the weak PLOVER types (issue 10): corpus phrases
// coded by the rules as the right type, on the right word.
func TestWeakTypeTriggersOnCorpusPhrases(t *testing.T) {
	for _, c := range []struct{ text, typ, word string }{
		{"واستهجنت الخارجية الإماراتية في بيانها إقحام موضوع السيادة", "ACCUSE", "واستهجنت"},
		{"وقالت الأمم المتحدة إن العقاب الجماعي للمدنيين أمر غير مقبول", "ACCUSE", "غير مقبول"},
		{"وقال إن ثمانية أشخاص من عائلة واحدة سيحاكمون بتهمة قتل 370 شخصا جنوب الموصل", "ACCUSE", "سيحاكمون"},
		{"وحض ماكرون الفرقاء الليبيين على الموافقة على الاتفاق", "REQUEST", "وحض"},
		{"أمرت السلطات العراقية بالحجز على أصول وممتلكات كانت في حوزة الرئيس العراقي", "REQUEST", "أمرت"},
		{"وأمر حيدر العبادي بفتح تحقيق فوري بالموضوع", "REQUEST", "وأمر"},
		{"وشدد بيان الخارجية العراقية على ضرورة حماية المواطنين العراقيين", "REQUEST", "على ضرورة"},
		{"وفند التقارير عن الأوضاع الإنسانية القاسية في الغوطة", "REJECT", "وفند"},
		{"وحذرت شخصيات روسية بارزة من أن روسيا سترد إذا شنت الولايات المتحدة هجوما", "THREATEN", "سترد"},
		{"وقال إن هذا المجرم سيدفع ثمن جرائمه", "THREATEN", "سيدفع ثمن"},
		{"وقال إن الولايات المتحدة لن تتردد في استخدام القوة الضرورية", "THREATEN", "لن تتردد"},
		{"ودخلت قوات النظام مدينة القنيطرة إثر خروج مقاتلين معارضين", "COERCE", "ودخلت"},
		{"وسرعان ما سقطت حلب بيد الحكومة، ونزح الناس إلى مناطق أخرى", "COERCE", "سقطت"},
		{"قالت مصادر إن الحوثيين صادروا أموال التجار في صنعاء", "COERCE", "صادروا"},
		{"كما أثنت على السياسة التي تتبعها الحكومة الأردنية", "SUPPORT", "أثنت على"},
		{"وقال إن روسيا رفعت تحفظاتها على اقتراح هولندا", "CONCEDE", "رفعت"},
		{"بيد أن السلطات العراقية أخلت سبيلها لانقضاء المدة", "RETREAT", "أخلت سبيل"},
		{"وقال إن إيران تدعمها بالمال والسلاح والبرامج التدريبية", "AID", "تدعمها"},
		{"ووقعت روسيا اتفاقا لتزويد تركيا بأنظمة دفاع صاروخي", "AGREE", "ووقعت"},
	} {
		evs := codeRules(t, c.text)
		if find(evs, c.typ, func(e *marsad.Event) bool { return strings.Contains(e.Trigger.Text, c.word) }) == nil {
			t.Errorf("%s: no %s on %q; events: %s", c.text, c.typ, c.word, summary(evs))
		}
	}
}

// Lookalikes of the new triggers give no event of that type: بحث (discussed)
// is no ب + حث (urged), a preacher (الداعية) calls no one, an accusation
// of fabricating aid is no AID.
func TestWeakTypeTriggerLookalikes(t *testing.T) {
	for _, c := range []struct{ text, typ, word string }{
		{"وقال الكرملين إن بوتين بحث في اتصال هاتفي مع ماكرون الأزمة السورية", "REQUEST", "بحث"},
		{"وقال إن الداعية سلمان العودة يعتبر من شيوخ الوسطية", "REQUEST", "الداعية"},
	} {
		for _, e := range codeRules(t, c.text) {
			if e.EventType == c.typ && strings.Contains(e.Trigger.Text, c.word) {
				t.Errorf("%s: %s on %q", c.text, c.typ, e.Trigger.Text)
			}
		}
	}
}

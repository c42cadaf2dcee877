package dedup

import (
	"strings"
	"testing"
)

const story = `أعلن الادعاء العام أن مواطناً أميركياً اعتنق الأفكار المتطرفة عبر الإنترنت سافر إلى الخارج في محاولة منه ` +
	`للانضمام إلى فرع لتنظيم داعش في ليبيا. وقبل بضعة أيام على مغادرته عام 2016، كتب إلى قريب له أنه يريد العيش ` +
	`في كنف الخلافة طبقا للدعوى الجنائية. وتمكن من الوصول إلى تونس قبل أن تعتقله السلطات وتعيده إلى الولايات المتحدة.`

func TestSignatureEncoding(t *testing.T) {
	sig := MinHash(strings.Fields(story))
	back, err := ParseSignature(sig.String())
	if err != nil || Similarity(sig, back) != 1 {
		t.Fatalf("ParseSignature(String()) = %v, %v", back, err)
	}
	if _, err := ParseSignature("zz"); err == nil {
		t.Error("ParseSignature(zz) should fail")
	}
	if got := len(sig.Bands()); got != NumBands {
		t.Errorf("%d bands, want %d", got, NumBands)
	}
	if Signature(nil).Bands() != nil || Signature(nil).String() != "" {
		t.Error("a nil signature has no bands and encodes as empty")
	}
	if MinHash(strings.Fields("عاجل انفجار في بغداد")) != nil {
		t.Error("a headline should be too short to sign")
	}
}

func report(day string, dated bool, src, sentence string) *Report {
	w := strings.Fields(sentence)
	return &Report{Type: "ASSAULT", Day: day, Dated: dated, Precision: "day", Source: src, Target: "=LBYGNA",
		Place:    Place{ID: "osm:node/1", Name: "Ain Zara", Admin1: "Tripoli", Country: "LBY", Kind: "neighbourhood"},
		Verbatim: VerbatimHash(w), Shingles: Sketch(w)}
}

func TestClustererJoinsReportsOfOneHappening(t *testing.T) {
	var c Clusterer
	got := []string{
		c.Assign("r1", report("2019-10-25", true, "=lby-lna", "هاجم الجيش الليبي قوات الوفاق في عين زارة الجمعة")),
		c.Assign("r2", report("2019-10-25", true, "=lby-lna", "اشتبكت قوات الوفاق مع الجيش الليبي جنوب طرابلس")),
		c.Assign("r3", report("2019-10-27", false, "=lby-lna", "تواصلت المعارك في عين زارة")),
		// Two days after r3 and four after r1: joining would stretch the
		// cluster beyond the window, so it starts its own.
		c.Assign("r4", report("2019-10-29", false, "=lby-lna", "تواصلت المعارك في عين زارة")),
		c.Assign("r5", nil),
	}
	if want := "r1 r1 r1 r4 r5"; strings.Join(got, " ") != want {
		t.Errorf("clusters = %v, want %s", got, want)
	}
}

func TestCompareRules(t *testing.T) {
	w := &DefaultWeights
	copied := "قال مصدر طبي إن قذيفة سقطت على حي سكني في المدينة وأوقعت ثلاثة قتلى"
	a, b := report("2019-10-25", false, "", copied), report("2019-10-26", false, "", copied)
	a.Place, a.Target = Place{}, ""
	if _, same := Compare(a, b, w); !same {
		t.Error("a sentence copied verbatim is one happening")
	}
	g1 := report("2019-10-25", true, "محتج", "تظاهر محتجون في طرابلس للمطالبة بالكهرباء")
	g2 := report("2019-10-25", true, "محتج", "خرج المحتجون إلى الشوارع رفضا للفساد")
	g1.Target, g2.Target = "", ""
	if s, same := Compare(g1, g2, w); same {
		t.Errorf("generic crowds at one place merged (score %.2f)", s)
	}
	other := report("2019-10-25", true, "=lby-misrata", "هاجمت قوة أخرى مواقع في عين زارة")
	other.Target = "=lby-lna"
	if s, same := Compare(report("2019-10-25", true, "=lby-lna", "هاجم الجيش الليبي قوات الوفاق"), other, w); same {
		t.Errorf("different attackers and targets merged (score %.2f)", s)
	}
}

func TestReportEncoding(t *testing.T) {
	r := report("2019-10-25", true, "=lby-lna", "هاجم الجيش الليبي قوات الوفاق في عين زارة الجمعة")
	r.Place.Lat, r.Place.Lon, r.Place.HasPoint = 32.79, 13.21, true
	back, err := ParseReport(r.Encode())
	if err != nil || back.Encode() != r.Encode() || TextSimilarity(back.Shingles, r.Shingles) != 1 {
		t.Fatalf("ParseReport(Encode()) = %+v, %v", back, err)
	}
	if _, err := ParseReport("r1|ASSAULT"); err == nil {
		t.Error("a truncated report should not parse")
	}
}

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

func TestClusterer(t *testing.T) {
	const a = "ASSAULT|~الجيش الليبي|LBYGNA|osm:node/1"
	var c Clusterer
	got := []string{
		c.Assign("r1", a, "2019-10-25"),
		c.Assign("r2", a, "2019-10-27"), // two days later: same happening
		c.Assign("r3", a, "2019-10-30"), // five days after r1, three after r2: new
		c.Assign("r4", "", "2019-10-25"),
		c.Assign("r5", a, ""),
	}
	if want := "r1 r1 r3 r4 r5"; strings.Join(got, " ") != want {
		t.Errorf("clusters = %v, want %s", got, want)
	}
}

package dedup

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/internal/shared"
)

const story = `أعلن الادعاء العام أن مواطناً أميركياً اعتنق الأفكار المتطرفة عبر الإنترنت سافر إلى الخارج في محاولة منه ` +
	`للانضمام إلى فرع لتنظيم داعش في ليبيا. وقبل بضعة أيام على مغادرته عام 2016، كتب إلى قريب له أنه يريد العيش ` +
	`في كنف الخلافة طبقا للدعوى الجنائية. وتمكن من الوصول إلى تونس قبل أن تعتقله السلطات وتعيده إلى الولايات المتحدة.`

func TestMinHashNearCopies(t *testing.T) {
	base := MinHash(story)
	if base == nil {
		t.Fatal("MinHash(story) = nil; the story is long enough to compare")
	}
	cases := []struct {
		name string
		text string
		near bool
	}{
		{"hashtags and hamza spellings", strings.NewReplacer("داعش", "#داعش", "ليبيا", "#ليبيا", "أعلن", "اعلن").Replace(story), true},
		{"a closing sentence added", story + " ولم يصدر تعليق من محاميه.", true},
		{"same topic, other article", `قالت السلطات الليبية إن قواتها اعتقلت عناصر من تنظيم داعش في مدينة سرت بعد مواجهات ` +
			`استمرت ساعات، وإن التحقيق جار لمعرفة صلاتهم بخلايا في الجنوب. وأضافت أن بين المعتقلين أجانب دخلوا البلاد عبر الحدود.`, false},
	}
	for _, c := range cases {
		sim := Similarity(base, MinHash(c.text))
		if got := sim >= Threshold; got != c.near {
			t.Errorf("%s: similarity %.2f, near = %v, want %v", c.name, sim, got, c.near)
		}
	}
	if MinHash("عاجل: انفجار في بغداد") != nil {
		t.Error("a headline should be too short to sign")
	}
}

func TestSignatureEncoding(t *testing.T) {
	sig := MinHash(story)
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
}

// TestThresholdOnCorpus is the evidence for Threshold: on the ANT corpus
// the pairs above it are the same story published twice, and a pair of
// separate articles on one event (two outlets reporting the same French
// trial) stays below it.
func TestThresholdOnCorpus(t *testing.T) {
	f, err := os.Open(shared.Path(t, "corpus/ant-politics-2000.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type doc struct{ ID, Title, Text string }
	var docs []doc
	var sigs []Signature
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		sigs = append(sigs, MinHash(d.Text))
	}
	byTitle := func(prefix string) int {
		for i, d := range docs {
			if strings.HasPrefix(d.Title, prefix) {
				return i
			}
		}
		t.Fatalf("no article titled %q…", prefix)
		return -1
	}
	pairs := []struct {
		a, b string
		near bool
	}{
		{"اعتقال أميركي حاول", "اعتقال أميركي \"حاول\"", true}, // Al Arabiya and Sky News, one wire story
		{"المقاومة اليمنية تسيطر على مطار الحديدة", "المقاومة تسيطر على مطار الحديدة", true},
		{"جان إيف لودريان: الفرنسية المتهمة", "لوردريان يؤكد على", false}, // France 24 and Sky News, own articles
	}
	for _, p := range pairs {
		sim := Similarity(sigs[byTitle(p.a)], sigs[byTitle(p.b)])
		if (sim >= Threshold) != p.near {
			t.Errorf("%q / %q: similarity %.2f, want near = %v", p.a, p.b, sim, p.near)
		}
	}
	near := 0
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			if Near(sigs[i], sigs[j]) {
				near++
			}
		}
	}
	t.Logf("%d of %d articles signed; %d near-duplicate pairs at threshold %.2f", countSigned(sigs), len(sigs), near, Threshold)
	if near == 0 || near > 40 {
		t.Errorf("%d near-duplicate pairs; the corpus has about twenty", near)
	}
}

func countSigned(sigs []Signature) int {
	n := 0
	for _, s := range sigs {
		if s != nil {
			n++
		}
	}
	return n
}

func TestEventKeyAndClusterer(t *testing.T) {
	clash := func(src string, mod string) *marsad.Event {
		return &marsad.Event{EventType: "ASSAULT", Modality: mod,
			Source:   &marsad.ActorRef{Text: src},
			Target:   &marsad.ActorRef{Text: "قوات الوفاق", ActorID: "LBYGNA"},
			Location: &marsad.PlaceRef{Text: "عين زارة", GazetteerID: "osm:node/1"}}
	}
	a, b := EventKey(clash("الجيشُ الليبيّ", marsad.Asserted)), EventKey(clash("الجيش الليبي،", marsad.Historical))
	if a == "" || a != b {
		t.Errorf("diacritics and punctuation should not matter: %q vs %q", a, b)
	}
	if k := EventKey(clash("الجيش الليبي", marsad.Negated)); k != "" {
		t.Errorf("a denied event must not be merged: key %q", k)
	}
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

func TestEventsWithTooLittleToCompareAreNotMerged(t *testing.T) {
	bare := marsad.Event{EventType: "ASSAULT", Modality: marsad.Asserted}
	if k := EventKey(&bare); k != "" {
		t.Errorf("an attack with no actors and no place got key %q", k)
	}
	onlyPlace := bare
	onlyPlace.Location = &marsad.PlaceRef{Text: "طرابلس", GazetteerID: "geonames:2210247"}
	if k := EventKey(&onlyPlace); k != "" {
		t.Errorf("an attack known only by its place got key %q", k)
	}
	placeAndSource := onlyPlace
	placeAndSource.Source = &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "lby-lna"}
	if k := EventKey(&placeAndSource); k == "" {
		t.Error("an attack with a source and a place cannot be clustered")
	}
}

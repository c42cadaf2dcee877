package prep

import (
	"reflect"
	"strings"
	"testing"

	"github.com/marsad/marsad/dedup"
)

func TestIndexText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"الأمن", "امن"},
		{"قوات الأمن رصدت تحركات بمصراتة.", "قوات امن رصدت تحركات مصراته"},
		{"للأمن", "امن"},
		{"ليبيا", "ليبيا"}, // a name keeps its first letter
		{"", ""},
	}
	for _, c := range cases {
		if got := IndexText(c.in); got != c.want {
			t.Errorf("IndexText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Terms("الأمن والأمن ... مصراتة"); !reflect.DeepEqual(got, []string{"امن", "مصراته"}) {
		t.Errorf("Terms = %q", got)
	}
}

func TestNormText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"الجيشُ الليبيّ،", "الجيش الليبي"},
		{"  قوات\tالأمن. ", "قوات الامن"},
		{"...", ""},
	}
	for _, c := range cases {
		if got := NormText(c.in); got != c.want {
			t.Errorf("NormText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

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
		sim := dedup.Similarity(base, MinHash(c.text))
		if got := sim >= dedup.Threshold; got != c.near {
			t.Errorf("%s: similarity %.2f, near = %v, want %v", c.name, sim, got, c.near)
		}
	}
	if MinHash("عاجل: انفجار في بغداد") != nil {
		t.Error("a headline should be too short to sign")
	}
}

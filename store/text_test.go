package store

import (
	"reflect"
	"testing"
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

package coder_test

import (
	"context"
	"slices"
	"testing"

	marsad "github.com/marsad/marsad"
)

// The article filter reads what tells a report from background, an aim or
// a standing situation (the filter-* cues at the end of cues.tsv), and
// what the article as a whole says (a dateline, the topic, repeats).
func TestFilterContextFeatures(t *testing.T) {
	c, err := builtin.Coder(false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, trigger, want string }{
		{"وكان الجيش قد قصف مواقع المسلحين في المدينة.", "قصف", "ctx=opens-background"},
		{"وصلت قوات إضافية من أجل الهجوم على المدينة.", "الهجوم", "ctx=purpose"},
		{"قصفت الطائرات المناطق الخاضعة لسيطرة المعارضة.", "قصفت", "art=no-dateline"},
		{"قصفت الطائرات المدينة. ثم قصفت الطائرات القرية.", "قصفت", "trig-seen=first"},
	} {
		cands, err := c.Candidates(context.Background(), marsad.Document{ID: "f", Text: tc.text, Date: "2019-10-25"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, cd := range cands {
			if cd.Event.Trigger.Text == tc.trigger {
				found = true
				if !slices.Contains(cd.Features, tc.want) {
					t.Errorf("%q: %s has no %s: %v", tc.text, tc.trigger, tc.want, cd.Features)
				}
				break
			}
		}
		if !found {
			t.Errorf("%q: no candidate %q", tc.text, tc.trigger)
		}
	}
}

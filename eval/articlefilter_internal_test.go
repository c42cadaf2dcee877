package eval

import (
	"slices"
	"testing"

	"github.com/marsad/marsad/linear"
)

// The article filter learns no lexical features; the sentence filters
// learn none of the article filter's own.
func TestFeatureFamilies(t *testing.T) {
	fs := []string{"bias", "trig=ASSAULT:x", "stem=y", "w-1=z", "w+1=z", "cue=speech", "ctx=purpose",
		"art=dateline", "art-dated=few", "topic=main", "ASSAULT|topic=main", "ASSAULT|with=COERCE",
		"ASSAULT|sent=0", "trig-seen=again", "trig-count=1", "sent=0", "ASSAULT|noun"}
	got := withoutLexical([]linear.Example{{Features: fs}})[0].Features
	for _, f := range got {
		if hasAnyPrefix(f, lexicalFeatures) {
			t.Errorf("article filter learns %s", f)
		}
	}
	if len(got) != len(fs)-4 {
		t.Errorf("article filter features %v", got)
	}
	want := []string{"bias", "trig=ASSAULT:x", "stem=y", "w-1=z", "w+1=z", "cue=speech", "sent=0", "ASSAULT|noun"}
	if s := sentenceFeatures(fs); !slices.Equal(s, want) {
		t.Errorf("sentence filter features %v, want %v", s, want)
	}
}

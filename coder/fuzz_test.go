package coder_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/shared"
)

// FuzzCode codes arbitrary text: the coder must not panic, and every span
// of every event must be the document's code points between its offsets.
// Seeds are sentences of the founding example and of the corpus.
func FuzzCode(f *testing.F) {
	f.Add("قتل ثلاثة جنود في هجوم انتحاري استهدف دورية للجيش العراقي في بغداد أمس", "2019-10-25")
	f.Add("قتل 1000000 شخصا و٣٫٥ و1e9 &amp;&amp;", "")
	if root := shared.Root(); root != "" {
		if b, err := os.ReadFile(filepath.Join(root, "seed", "000_a763ce97bed870a3.txt")); err == nil {
			for i, s := range arabic.Split(string(b)) {
				if i%3 == 0 && len(s.Text) < 1200 {
					f.Add(s.Text, "2019-10-25")
				}
			}
		}
	}
	c, err := builtin.Coder(true)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		if !utf8.ValidString(text) {
			text = string([]rune(text)) // as a reader decodes it
		}
		evs, err := c.Code(context.Background(), marsad.Document{ID: "fuzz", Text: text, Date: date})
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, []rune(text), evs)
	})
}

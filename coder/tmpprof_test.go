package coder_test

import (
	"context"
	"strings"
	"testing"
	"time"

	marsad "github.com/marsad/marsad"
)

const art = `قتل ثلاثة جنود وأصيب خمسة آخرون في هجوم انتحاري استهدف دورية للجيش العراقي قرب مدينة الموصل يوم الجمعة، وقال مصدر أمني إن تنظيم داعش تبنى الهجوم. `

func TestTmpProf(t *testing.T) {
	c, _ := builtin.Coder(true)
	text := strings.Repeat(strings.NewReplacer("،", "", ".", "").Replace(art), 1200)
	s := time.Now()
	cands, err := c.Candidates(context.Background(), marsad.Document{ID: "x", Text: text, Date: "2019-10-25"})
	t.Logf("candidates %d in %v %v", len(cands), time.Since(s), err)
	s = time.Now()
	evs, _ := c.Code(context.Background(), marsad.Document{ID: "x", Text: text, Date: "2019-10-25"})
	t.Logf("code %d in %v", len(evs), time.Since(s))
}

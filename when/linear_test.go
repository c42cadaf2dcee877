package when

import (
	"strings"
	"testing"
	"time"
)

// A text of 320,000 lexemes without a clitic among them (a feed item of
// "&amp;" entities) once took minutes: the scan for the next clitic ran
// from every lexeme to the end. It is linear now and takes well under a
// second; the minute allowed here only tells a hang from a slow machine.
func TestLongTextWithoutCliticsDoesNotHang(t *testing.T) {
	done := make(chan []Expr, 1)
	text := strings.Repeat("&", 320_000) + " يوم الجمعة"
	go func() { done <- Resolve(text, "2019-10-25") }()
	select {
	case es := <-done:
		if len(es) != 1 || es[0].Date != "2019-10-25" {
			t.Errorf("the date after the run of punctuation: %s", show(es))
		}
	case <-time.After(time.Minute):
		t.Fatal("Resolve did not finish within a minute on 320,000 punctuation marks")
	}
}

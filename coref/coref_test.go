package coref_test

import (
	"fmt"
	"testing"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/coref"
)

func strike(id string, sent int, src, place string) marsad.Event {
	e := marsad.Event{ID: id, EventType: "ASSAULT", Modality: marsad.Asserted, SentenceIndex: sent}
	if src != "" {
		e.Source = &marsad.ActorRef{Text: src}
	}
	if place != "" {
		e.Location = &marsad.PlaceRef{Text: place, GazetteerID: marsad.OptText("g:" + place), Country: "LBY"}
	}
	return e
}

// A lede sums up the strike that the next sentence reports in full, and a
// later sentence refers back to it: one happening, told three times, whose
// report is the fullest mention and takes the place only the lede gave.
func ExampleLink() {
	evs := coref.Link([]marsad.Event{
		strike("lede", 0, "", "درنة"),
		strike("full", 1, "سلاح الجو", ""),
		strike("back", 2, "", ""),
	})
	for _, e := range evs {
		fmt.Println(e.ID, e.HappeningID, e.Mention)
	}
	fmt.Println("report place:", evs[1].Location.Text)
	// Output:
	// lede full summary
	// full full report
	// back full repeat
	// report place: درنة
}

// Two full reports with other parties at other places are two strikes,
// and a running toll is no happening at all.
func TestSeparateReportsStayApart(t *testing.T) {
	toll := strike("toll", 3, "", "")
	toll.Mention = coref.Toll
	evs := coref.Link([]marsad.Event{
		strike("a", 1, "سلاح الجو", "درنة"),
		strike("b", 2, "قوات الوفاق", "سرت"),
		toll,
	})
	if evs[0].HappeningID == evs[1].HappeningID {
		t.Errorf("two strikes in two towns were merged: %+v", evs[:2])
	}
	if evs[2].HappeningID != "" || evs[2].Mention != coref.Toll {
		t.Errorf("running toll: happening %q, mention %q", evs[2].HappeningID, evs[2].Mention)
	}
}

// A huge text repeating one sentence gives thousands of mentions that all
// agree. Each joins one of the most recent happenings only while it has
// fewer than 64 mentions, so that linking stays linear in the events
// instead of comparing every mention with every other.
func TestLinkingIsBounded(t *testing.T) {
	evs := make([]marsad.Event, 5000)
	for i := range evs {
		evs[i] = strike(fmt.Sprint(i), i+1, "سلاح الجو", "درنة")
	}
	size := map[marsad.OptText]int{}
	for _, e := range coref.Link(evs) {
		size[e.HappeningID]++
	}
	for h, n := range size {
		if n > 64 {
			t.Fatalf("happening %s has %d mentions; a happening takes at most 64", h, n)
		}
	}
	if len(size) != (5000+63)/64 {
		t.Errorf("%d happenings, want %d full ones of 64 mentions", len(size), (5000+63)/64)
	}
}

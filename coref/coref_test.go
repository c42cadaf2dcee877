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

func at(e marsad.Event, lat, lon float64) marsad.Event {
	l := *e.Location
	l.Lat, l.Lon = &lat, &lon
	e.Location = &l
	return e
}

// A town and the district around it (points a few kilometres apart) are
// one place; two towns 80 km apart are not.
func TestNearbyPlacesAgree(t *testing.T) {
	evs := coref.Link([]marsad.Event{
		at(strike("town", 1, "سلاح الجو", "مقبنة"), 13.63, 43.67),
		at(strike("district", 2, "سلاح الجو", "مديرية مقبنة"), 13.70, 43.60),
		at(strike("far", 3, "سلاح الجو", "تعز البعيدة"), 13.00, 43.30),
	})
	if evs[0].HappeningID != evs[1].HappeningID {
		t.Errorf("a town and its district parted one strike: %q, %q", evs[0].HappeningID, evs[1].HappeningID)
	}
	if evs[2].HappeningID == evs[0].HappeningID {
		t.Errorf("a town 80 km away joined the strike")
	}
}

// Stated dates a day apart (the evening before, the next dawn) do not part
// two mentions; a week apart they do.
func TestDatesADayApartAgree(t *testing.T) {
	dated := func(id string, sent int, date string) marsad.Event {
		e := strike(id, sent, "سلاح الجو", "درنة")
		e.Date, e.DateText = marsad.OptText(date), "date"
		return e
	}
	evs := coref.Link([]marsad.Event{dated("eve", 1, "2018-08-12"), dated("dawn", 2, "2018-08-13"), dated("week", 3, "2018-08-20")})
	if evs[0].HappeningID != evs[1].HappeningID {
		t.Errorf("a day apart parted one strike")
	}
	if evs[2].HappeningID == evs[1].HappeningID {
		t.Errorf("a week apart joined one strike")
	}
}

// A repeat read as possible, or a denial of the strike, is still a
// mention of it; a strike the article says will come is another.
func TestHedgedMentionsJoinTheAssertedOne(t *testing.T) {
	with := func(e marsad.Event, m string) marsad.Event { e.Modality = m; return e }
	evs := coref.Link([]marsad.Event{
		strike("done", 1, "سلاح الجو", "درنة"),
		with(strike("maybe", 2, "", ""), marsad.Hypothetical),
		with(strike("denied", 3, "", ""), marsad.Negated),
		with(strike("coming", 4, "", ""), marsad.Future),
	})
	for _, e := range evs[1:3] {
		if e.HappeningID != evs[0].HappeningID {
			t.Errorf("%s: happening %q, want %q", e.ID, e.HappeningID, evs[0].HappeningID)
		}
	}
	if evs[3].HappeningID == evs[0].HappeningID {
		t.Errorf("a future strike joined the one done")
	}
}

// A reference back joins the happening it shares a party with rather than
// a later one it merely does not contradict.
func TestTiedHappeningComesFirst(t *testing.T) {
	evs := coref.Link([]marsad.Event{
		strike("air", 1, "سلاح الجو", "درنة"),
		strike("ground", 2, "", "سرت"),
		strike("back", 3, "سلاح الجو", ""),
	})
	if evs[2].HappeningID != evs[0].HappeningID {
		t.Errorf("the air force's strike told again joined %q, want %q", evs[2].HappeningID, evs[0].HappeningID)
	}
}

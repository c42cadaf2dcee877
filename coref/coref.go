// Package coref links the events of one document that report one
// happening. News articles tell a happening several times: a lede that
// sums it up, the full report, later references back ("وجاء الهجوم …").
// Analysts count happenings, so every event gets the id of its happening,
// the fullest mention carries the roles, place, date and toll merged from
// all of them, and each event says how it mentions the happening.
package coref

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Mention kinds (marsad.Event.Mention).
const (
	Report  = "report"  // the fullest mention, carrying the merged attributes
	Summary = "summary" // a mention before the report (a lede)
	Repeat  = "repeat"  // a mention after the report
	// Toll marks a running total ("since the war began, 350,000 killed"):
	// set by the coder, it is no happening, so Link leaves it out.
	Toll = "toll"
)

// Link sets HappeningID and Mention on the events of one document, given
// in document order, and merges each happening's attributes into its
// report. Two events are one happening when they have the same type and
// modality and nothing they say disagrees: not their actors, not their
// place, not an explicit date. Events of one sentence were already merged
// by the coder, so two left apart there are different happenings.
//
// A mention joins one of the last lookBack happenings that has fewer than
// maxMentions mentions, so that the work stays linear in the events of a
// document however many there are (a huge text repeating one sentence);
// articles tell far fewer.
func Link(evs []marsad.Event) []marsad.Event {
	l := &linker{stems: map[string][]string{}}
	var groups [][]int
	for i := range evs {
		if evs[i].Mention == Toll {
			continue
		}
		g := -1
		// The most recent compatible happening: references point back to
		// what the article has just told.
		// A happening that shares a party, place or word with the mention
		// comes before one it merely does not contradict.
		weak := -1
		for k := len(groups) - 1; k >= 0 && k >= len(groups)-lookBack; k-- {
			if len(groups[k]) < maxMentions && l.compatibleGroup(evs, groups[k], i) {
				if l.tiedGroup(evs, groups[k], i) {
					g = k
					break
				}
				if weak < 0 {
					weak = k
				}
			}
		}
		if g < 0 {
			g = weak
		}
		if g < 0 {
			groups = append(groups, []int{i})
		} else {
			groups[g] = append(groups[g], i)
		}
	}
	for _, grp := range groups {
		rep := grp[0]
		for _, i := range grp[1:] {
			if fullness(&evs[i]) > fullness(&evs[rep]) {
				rep = i
			}
		}
		for _, i := range grp {
			if i != rep {
				fill(&evs[rep], &evs[i])
			}
		}
		id := marsad.OptText(evs[rep].ID)
		for _, i := range grp {
			evs[i].HappeningID = id
			switch {
			case i == rep:
				evs[i].Mention = Report
			case i < rep:
				evs[i].Mention = Summary
			default:
				evs[i].Mention = Repeat
			}
		}
	}
	return evs
}

// Bounds of Link's search (see Link).
const (
	lookBack    = 64
	maxMentions = 64
)

func (l *linker) compatibleGroup(evs []marsad.Event, grp []int, i int) bool {
	for _, j := range grp {
		if !l.compatible(&evs[j], &evs[i]) {
			return false
		}
	}
	return true
}

func (l *linker) tiedGroup(evs []marsad.Event, grp []int, i int) bool {
	for _, j := range grp {
		if l.tied(&evs[j], &evs[i]) {
			return true
		}
	}
	return false
}

// compatible: same type and modality, another sentence, and no
// disagreement on source, target, place or an explicitly stated date.
func (l *linker) compatible(a, b *marsad.Event) bool {
	if a.EventType != b.EventType || !SameModality(a.Modality, b.Modality) || a.SentenceIndex == b.SentenceIndex {
		return false
	}
	if !l.sameActor(a.Source, b.Source) || !l.sameActor(a.Target, b.Target) {
		return false
	}
	if !samePlace(a.Location, b.Location) {
		return false
	}
	if a.DateText != "" && b.DateText != "" && !nearDate(a.Date, b.Date) {
		return false
	}
	// Nothing disagrees; still, two full reports (each naming a party)
	// are two happenings unless something ties them: a shared party or
	// place, or a lede that sums up what follows.
	return bare(a) || bare(b) || a.SentenceIndex == 0 || b.SentenceIndex == 0 || l.tied(a, b)
}

// nearDate: the same day, or days apart by one (an attack at night is
// dated by one mention the evening before, by another the next dawn).
func nearDate(a, b marsad.OptText) bool {
	if a == b {
		return true
	}
	ta, ea := time.Parse("2006-01-02", string(a))
	tb, eb := time.Parse("2006-01-02", string(b))
	if ea != nil || eb != nil {
		return false
	}
	d := ta.Sub(tb)
	return d <= 24*time.Hour && d >= -24*time.Hour
}

// SameModality: equal, or each asserted, hedged or denied (a repeat read
// as possible, "the attack, which may have ..."; "X denied carrying out
// the attack"): the article tells one happening. Future and historical
// mentions are other happenings.
func SameModality(a, b string) bool {
	soft := func(m string) bool { return m == "" || m == marsad.Hypothetical || m == marsad.Negated }
	return a == b || (soft(a) || a == marsad.Asserted) && (soft(b) || b == marsad.Asserted)
}

// bare: a mention that names no party ("القصف", "الهجوم"): a reference
// back or a summary.
func bare(e *marsad.Event) bool { return e.Source == nil && e.Target == nil }

// tied: the two mentions share a party, a named place, or their trigger
// word (الغارات … الغارة).
func (l *linker) tied(a, b *marsad.Event) bool {
	same := func(x, y *marsad.ActorRef) bool {
		return x != nil && y != nil && (x.ActorID != "" && x.ActorID == y.ActorID || l.shareWord(x.Text, y.Text))
	}
	if same(a.Source, b.Source) || same(a.Target, b.Target) || l.shareWord(a.Trigger.Text, b.Trigger.Text) {
		return true
	}
	return a.Location != nil && b.Location != nil && a.Location.GazetteerID != "" && a.Location.GazetteerID == b.Location.GazetteerID
}

// sameActor: either side unknown, or the same dictionary actor, or phrases
// that share a word.
func (l *linker) sameActor(a, b *marsad.ActorRef) bool {
	if a == nil || b == nil {
		return true
	}
	if a.ActorID != "" && b.ActorID != "" {
		// A country stands for its state's organs (ليبيا … الجيش الليبي).
		return a.ActorID == b.ActorID || a.Country != "" && a.Country == b.Country && (string(a.ActorID) == string(a.Country) || string(b.ActorID) == string(b.Country))
	}
	if l.shareWord(a.Text, b.Text) {
		return true
	}
	// Unresolved phrases ("أربعة أشخاص", "عناصر متطرفين") often name one
	// party twice in other words; only known countries that differ part them.
	return a.Country == "" || b.Country == "" || a.Country == b.Country
}

// samePlace: either unknown, the same gazetteer entry, or one is the
// other's country.
func samePlace(a, b *marsad.PlaceRef) bool {
	if a == nil || b == nil || a.GazetteerID == b.GazetteerID {
		return true
	}
	if a.Country == "" || a.Country != b.Country {
		return false
	}
	return isCountry(a) || isCountry(b) || nearby(a, b)
}

// nearby: two names for one spot (a town and its district, a city and the
// governorate named after it), their points nearPlaceKm apart or less.
func nearby(a, b *marsad.PlaceRef) bool {
	if a.Lat == nil || a.Lon == nil || b.Lat == nil || b.Lon == nil {
		return false
	}
	const rad = math.Pi / 180
	la1, la2 := *a.Lat*rad, *b.Lat*rad
	dla, dlo := la2-la1, (*b.Lon-*a.Lon)*rad
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2*6371*math.Asin(math.Sqrt(h)) <= nearPlaceKm
}

const nearPlaceKm = 15

func isCountry(p *marsad.PlaceRef) bool { return strings.HasPrefix(string(p.GazetteerID), "country:") }

// shareWord reports whether two phrases share a folded word of three
// letters or more, without clitics.
func (l *linker) shareWord(a, b string) bool {
	words := map[string]bool{}
	for _, w := range l.keys(a) {
		words[w] = true
	}
	for _, w := range l.keys(b) {
		if words[w] {
			return true
		}
	}
	return false
}

// linker keeps the keys of each phrase Link compares, worked out once.
type linker struct{ stems map[string][]string }

// keys are the stems of a phrase that can tie two mentions (three letters
// or more: short stems are mostly particles).
func (l *linker) keys(s string) []string {
	if k, ok := l.stems[s]; ok {
		return k
	}
	k := keys(s)
	l.stems[s] = k
	return k
}

func keys(s string) []string {
	var out []string
	for _, w := range arabic.Stems(s) {
		if utf8.RuneCountInString(w) >= 3 {
			out = append(out, w)
		}
	}
	return out
}

// fullness scores how much a mention says; the fullest is the report.
func fullness(e *marsad.Event) int {
	n := 0
	if e.Source != nil {
		n += 2
		if e.Source.ActorID != "" {
			n++
		}
	}
	if e.Target != nil {
		n += 2
	}
	if e.Location != nil {
		n++
	}
	if e.DateText != "" {
		n++
	}
	if e.Fatalities != nil {
		n++
	}
	return n
}

// fill copies into the report what another mention knows and it does not.
func fill(rep, o *marsad.Event) {
	if rep.Source == nil && o.Source != nil && !overlaps(o.Source, rep.Target) {
		rep.Source = o.Source
	}
	if rep.Target == nil && o.Target != nil && !overlaps(o.Target, rep.Source) {
		rep.Target = o.Target
	}
	if rep.Location == nil {
		rep.Location = o.Location
	}
	if rep.DateText == "" && o.DateText != "" {
		rep.Date, rep.DateText, rep.DatePrecision = o.Date, o.DateText, o.DatePrecision
	}
	if rep.Fatalities == nil && o.Fatalities != nil {
		rep.Fatalities, rep.FatalitiesApprox = o.Fatalities, o.FatalitiesApprox
	}
	if rep.ClaimedBy == nil {
		rep.ClaimedBy = o.ClaimedBy
	}
	if o.Confidence > rep.Confidence {
		rep.Confidence = o.Confidence
	}
}

func overlaps(a, b *marsad.ActorRef) bool {
	return a != nil && b != nil && a.Start < b.End && b.Start < a.End
}

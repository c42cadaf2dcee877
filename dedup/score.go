package dedup

// Weights are the calibrated score of two reports (Compare): evidence for
// one happening adds, evidence against subtracts, and two reports are one
// happening when the sum reaches Threshold and something specific ties
// them (a dictionary actor both name, or sentence text they share).
type Weights struct {
	// Text multiplies the sentences' word-pair similarity (0..1); MinText
	// is the similarity that counts as specific evidence on its own.
	Text, MinText float64
	// ActorID: a role (source or target) filled by the same dictionary
	// actor; ActorOther: by two different ones; ActorHead: by the same
	// unresolved head noun ("محتجون"), weak because it is generic.
	ActorID, ActorOther, ActorHead float64
	// PlaceSame: the same gazetteer entry (a city or finer); PlaceNear: a
	// place inside the other's governorate, the same governorate, or
	// within NearKm; PlaceFar: two countries, or two precise places far
	// apart (half of it).
	PlaceSame, PlaceNear, PlaceFar float64
	NearKm                         float64
	// DateSame: both sentences date it to one day; DateNear: a day apart,
	// or an undated report published on the day or up to two days after a
	// dated one; DateFar: dates that cannot be one happening's.
	DateSame, DateNear, DateFar float64
	Threshold                   float64
}

// DefaultWeights were tuned on the dev part of the cluster gold
// (eval/testdata/clusters, docs/accuracy.md); the held-out part is
// reported, never tuned on.
var DefaultWeights = Weights{
	Text: 8, MinText: 0.2,
	ActorID: 1, ActorOther: -1.5, ActorHead: 0,
	PlaceSame: 0.5, PlaceNear: 1.0 / 3, PlaceFar: -1, NearKm: 30,
	DateSame: 0.5, DateNear: 0.25, DateFar: -1,
	Threshold: 2,
}

// verbatimScore is Compare's score for a verbatim copy.
const verbatimScore = 1e9

// Compare scores two reports and says whether they are one happening.
// Reports of different types never are; verbatim copies of one sentence
// always are (score +Inf).
func Compare(a, b *Report, w *Weights) (score float64, same bool) {
	if a.Type != b.Type {
		return 0, false
	}
	if a.Verbatim != 0 && a.Verbatim == b.Verbatim {
		return verbatimScore, true
	}
	text := TextSimilarity(a.Shingles, b.Shingles)
	score = w.Text * text
	specific := text >= w.MinText
	for _, role := range [][2]string{{a.Source, b.Source}, {a.Target, b.Target}} {
		x, y := role[0], role[1]
		switch {
		case x == "" || y == "":
		case x == y && Resolved(x):
			score += w.ActorID
			specific = true
		case Resolved(x) && Resolved(y):
			score += w.ActorOther
		case x == y:
			score += w.ActorHead
		}
	}
	score += placeScore(&a.Place, &b.Place, w)
	score += dateScore(a, b, w)
	return score, specific && score >= w.Threshold
}

// coarse kinds name an area, not a spot: a report there says little.
func coarse(kind string) bool {
	return kind == "country" || kind == "admin1" || kind == "region" || kind == ""
}

func placeScore(a, b *Place, w *Weights) float64 {
	switch {
	case a.Country == "" || b.Country == "":
		return 0
	case a.Country != b.Country:
		return w.PlaceFar
	case a.ID != "" && a.ID == b.ID:
		if a.Kind == "country" {
			return 0
		}
		return w.PlaceSame
	case a.Kind == "admin1" && a.Name == b.Admin1, b.Kind == "admin1" && b.Name == a.Admin1,
		a.Admin1 != "" && a.Admin1 == b.Admin1:
		return w.PlaceNear
	case a.HasPoint && b.HasPoint && distanceKm(*a, *b) <= w.NearKm:
		return w.PlaceNear
	case !coarse(a.Kind) && !coarse(b.Kind):
		return w.PlaceFar / 2 // the launch area and the target are often apart
	}
	return 0
}

func dateScore(a, b *Report, w *Weights) float64 {
	if a.Precision != "day" && a.Precision != "" || b.Precision != "day" && b.Precision != "" {
		return 0 // a week, month or year: neither for nor against
	}
	d, ok := days(a.Day, b.Day)
	if !ok {
		return 0
	}
	switch {
	case a.Dated && b.Dated:
		switch d {
		case 0:
			return w.DateSame
		case 1, -1:
			return w.DateNear
		}
		return w.DateFar
	case a.Dated || b.Dated:
		// The undated report's day is its article's: the happening is
		// that day or up to two days before, never after.
		late := d
		if b.Dated {
			late = -d
		}
		if late >= 0 && late <= 2 {
			return w.DateNear
		}
		return w.DateFar
	}
	if d == 0 {
		return w.DateNear
	}
	return 0
}

package lexicon

import "github.com/marsad/marsad"

// DocContext is what a document mentions, for choosing among the
// candidates of an ambiguous place name (طرابلس is in Libya and in
// Lebanon). Feed it every sentence's matches with Add, then call Resolve.
type DocContext struct {
	// Countries counts mentions of each country (ISO3): country actors
	// and demonyms, actors with a country, unambiguous places.
	Countries map[string]int
	// Places holds the IDs of places mentioned unambiguously.
	Places map[string]bool
}

// NewDocContext returns a context built from the matches of one document.
func NewDocContext(matches ...[]Match) *DocContext {
	c := &DocContext{Countries: map[string]int{}, Places: map[string]bool{}}
	for _, ms := range matches {
		c.Add(ms)
	}
	return c
}

// Add records the matches of one sentence.
func (c *DocContext) Add(ms []Match) {
	for _, m := range ms {
		switch m.Kind {
		case KindActor:
			if code := m.Actor.Country; len(code) == 3 {
				c.Countries[code]++
			}
		case KindPlace:
			if len(m.Places) == 1 {
				p := m.Places[0]
				c.Places[p.ID] = true
				c.Countries[p.Country]++
			}
		}
	}
}

// Resolve picks one of the candidates: the one whose country the document
// mentions most, then the likeliest kind (a city before the governorate or
// district of the same name, which the text would call محافظة or مديرية),
// then the most populous, then the first by ID. It returns nil for no
// candidates; c may be nil.
func (c *DocContext) Resolve(cands []*marsad.Place) *marsad.Place {
	var best *marsad.Place
	bestScore := -1
	for _, p := range cands {
		score := 0
		if c != nil {
			score = c.Countries[p.Country]
			if c.Places[p.ID] {
				score += 1000 // the same place named unambiguously elsewhere
			}
		}
		switch {
		case best == nil, score > bestScore:
		case score < bestScore:
			continue
		case kindRank(p.Kind) > kindRank(best.Kind):
		case kindRank(p.Kind) < kindRank(best.Kind):
			continue
		case p.Population > best.Population:
		case p.Population < best.Population:
			continue
		case p.ID < best.ID:
		default:
			continue
		}
		best, bestScore = p, score
	}
	return best
}

// kindRank orders the kinds of same-named places by how likely a bare
// name means that kind.
func kindRank(kind string) int {
	switch kind {
	case "country", "capital":
		return 6
	case "city":
		return 5
	case "admin1", "region":
		return 4
	case "town", "airport", "base", "crossing", "port":
		return 3
	case "admin2", "neighbourhood":
		return 2
	case "admin3", "camp":
		return 1
	}
	return 0
}

package prep

import (
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// FilterNames sets f.Keys.ActorIDs and PlaceIDs: the dictionary actors and
// gazetteer places one of whose names or aliases, in either language, is
// f.Actor or f.Place (folded, punctuation dropped, any case), so that
// "Haftar", "حفتر" and "lby-haftar" find the same events, and "Tripoli"
// the events in طرابلس. Call it after Filter.
func FilterNames(f *store.Filter, actors []*marsad.Actor, places []*marsad.Place) {
	if f.Keys == nil {
		Filter(f)
	}
	if q := nameKey(f.Actor); q != "" {
		for _, a := range actors {
			if nameKey(a.ID) == q || anyName(q, a.Name, a.Names) {
				f.Keys.ActorIDs = append(f.Keys.ActorIDs, a.ID)
			}
		}
	}
	if q := nameKey(f.Place); q != "" {
		for _, p := range places {
			if nameKey(p.ID) == q || anyName(q, p.Name, p.Names) {
				f.Keys.PlaceIDs = append(f.Keys.PlaceIDs, p.ID)
			}
		}
	}
}

func anyName(q, name string, names []string) bool {
	if nameKey(name) == q {
		return true
	}
	for _, n := range names {
		if nameKey(n) == q {
			return true
		}
	}
	return false
}

// nameKey is the form names are compared in: NormText, lower case.
func nameKey(s string) string { return strings.ToLower(NormText(s)) }

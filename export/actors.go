package export

import (
	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// profile is what every export says about one actor: its country, sector
// and side.
type profile struct{ country, sector, side string }

// actorKey is the node id of an actor: its dictionary id, or its folded
// text (prefixed with ~) when unresolved, so spellings of one name meet.
func actorKey(r *marsad.ActorRef) string {
	if r.ActorID != "" {
		return string(r.ActorID)
	}
	return "~" + prep.NormText(r.Text)
}

// settleActors gives every actor of events one profile, the same in every
// row and every format (and as marsad actors lists it): a dictionary
// actor's from the dictionary, another's from the majority of its mentions
// among events (ties go to the first value in sorted order). The events'
// actor references are replaced by copies; the caller's are not changed.
func settleActors(events []store.StoredEvent, t *tables) []store.StoredEvent {
	votes := map[string]*store.ProfileVotes{}
	for i := range events {
		for _, r := range []*marsad.ActorRef{events[i].Source, events[i].Target} {
			if r == nil {
				continue
			}
			k := actorKey(r)
			if votes[k] == nil {
				votes[k] = &store.ProfileVotes{}
			}
			votes[k].Add(string(r.Country), string(r.Sector), string(r.Side), 1)
		}
	}
	profiles := map[string]profile{}
	for k, v := range votes {
		if d, ok := t.actors[k]; ok {
			profiles[k] = d
			continue
		}
		c, s, sd := v.Majority()
		profiles[k] = profile{c, s, sd}
	}
	out := make([]store.StoredEvent, len(events))
	for i, e := range events {
		for _, r := range []**marsad.ActorRef{&e.Source, &e.Target} {
			if *r == nil {
				continue
			}
			c := **r
			p := profiles[actorKey(&c)]
			c.Country, c.Sector, c.Side = marsad.OptText(p.country), marsad.OptText(p.sector), marsad.OptText(p.side)
			*r = &c
		}
		out[i] = e
	}
	return out
}

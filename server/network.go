package server

import (
	"net/http"
	"sort"

	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// node is an actor of the network.
type node struct {
	ID     string `json:"id"` // actor id, or normalised text (as store.ActorCount.Key)
	Name   string `json:"name"`
	Side   string `json:"side"`
	Events int    `json:"events"`
}

// edge is what one actor did to another, in one quad class.
type edge struct {
	Source string         `json:"source"`
	Target string         `json:"target"`
	Quad   int            `json:"quad"` // 1 verbal cooperation … 4 material conflict
	Count  int            `json:"count"`
	Types  map[string]int `json:"types"`
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	q := newQuery(r.URL)
	f := q.filter()
	f.Limit = q.integer("limit", 500, 1, maxExport)
	if err := q.err(); err != nil {
		return err
	}
	pairs, err := s.st.Pairs(r.Context(), f)
	if err != nil {
		return err
	}
	nodes := map[string]*node{}
	edges := map[[3]any]*edge{}
	var order [][3]any
	for _, p := range pairs {
		for _, n := range []node{{p.Source, p.SourceName, p.SourceSide, p.Count}, {p.Target, p.TargetName, p.TargetSide, p.Count}} {
			if have := nodes[n.ID]; have != nil {
				have.Events += n.Events
			} else {
				nodes[n.ID] = &n
			}
		}
		quad := s.opt.Tables.Quad(p.Type)
		k := [3]any{p.Source, p.Target, quad}
		e := edges[k]
		if e == nil {
			e = &edge{Source: p.Source, Target: p.Target, Quad: quad, Types: map[string]int{}}
			edges[k] = e
			order = append(order, k)
		}
		e.Count += p.Count
		e.Types[p.Type] += p.Count
	}
	out := struct {
		Nodes []*node `json:"nodes"`
		Edges []*edge `json:"edges"`
	}{Nodes: []*node{}, Edges: []*edge{}}
	for _, n := range nodes {
		out.Nodes = append(out.Nodes, n)
	}
	sort.Slice(out.Nodes, func(i, j int) bool {
		a, b := out.Nodes[i], out.Nodes[j]
		return a.Events > b.Events || a.Events == b.Events && a.ID < b.ID
	})
	for _, k := range order {
		out.Edges = append(out.Edges, edges[k])
	}
	return writeJSON(w, http.StatusOK, out)
}

// relation is how often an actor cooperated or fought with another.
type relation struct {
	ID     string         `json:"id"`
	Name   string         `json:"name"`
	Side   string         `json:"side"`
	Count  int            `json:"count"`
	Months map[string]int `json:"months"` // YYYY-MM → events
}

// actorMonth is an actor's events in one month by quad class.
type actorMonth struct {
	Month       string `json:"month"`
	Cooperation int    `json:"cooperation"` // quad 1 and 2
	Conflict    int    `json:"conflict"`    // quad 3 and 4
}

// actor is an actor's page: its events, and its partners (cooperation) and
// opponents (conflict) month by month.
func (s *Server) actor(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	q := newQuery(r.URL)
	f := q.filter()
	if err := q.err(); err != nil {
		return err
	}
	f.Actor, f.Limit, f.Sort = id, maxExport, store.SortOldest
	prep.Filter(&f)
	evs, err := s.st.Events(r.Context(), f)
	if err != nil {
		return err
	}
	if len(evs) == 0 {
		return errorf(http.StatusNotFound, "no event names actor %q (for these filters)", id)
	}
	key := prep.NormText(id)
	var info node
	asSource, asTarget := 0, 0
	partners, opponents := map[string]*relation{}, map[string]*relation{}
	months := map[string]*actorMonth{}
	for i := range evs {
		e := &evs[i]
		self, other := e.Source, e.Target
		if self == nil || !(string(self.ActorID) == id || prep.NormText(self.Text) == key) {
			self, other = e.Target, e.Source
			asTarget++
		} else {
			asSource++
		}
		if info.ID == "" && self != nil {
			info = node{ID: id, Name: string(self.Name), Side: string(self.Side)}
			if info.Name == "" {
				info.Name = self.Text
			}
		}
		month := e.Day
		if len(month) >= 7 {
			month = month[:7]
		}
		m := months[month]
		if m == nil {
			m = &actorMonth{Month: month}
			months[month] = m
		}
		quad := s.opt.Tables.Quad(e.EventType)
		rels := partners
		if quad >= 3 {
			rels = opponents
			m.Conflict++
		} else {
			m.Cooperation++
		}
		if other == nil {
			continue
		}
		k := string(other.ActorID)
		if k == "" {
			k = prep.NormText(other.Text)
		}
		rel := rels[k]
		if rel == nil {
			rel = &relation{ID: k, Name: string(other.Name), Side: string(other.Side), Months: map[string]int{}}
			if rel.Name == "" {
				rel.Name = other.Text
			}
			rels[k] = rel
		}
		rel.Count++
		rel.Months[month]++
	}
	info.Events = len(evs)
	recent := evs[max(0, len(evs)-defaultPage):]
	return writeJSON(w, http.StatusOK, map[string]any{
		"actor": info, "as_source": asSource, "as_target": asTarget,
		"partners": ranked(partners), "opponents": ranked(opponents), "months": byMonth(months),
		"events": reversed(recent), "truncated": len(evs) == maxExport,
	})
}

func ranked(m map[string]*relation) []*relation {
	out := []*relation{}
	for _, r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].ID < out[j].ID
	})
	return out
}

func byMonth(m map[string]*actorMonth) []*actorMonth {
	out := []*actorMonth{}
	for _, v := range m {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}

// reversed returns the events newest first.
func reversed(evs []store.StoredEvent) []store.StoredEvent {
	out := make([]store.StoredEvent, len(evs))
	for i, e := range evs {
		out[len(evs)-1-i] = e
	}
	return out
}

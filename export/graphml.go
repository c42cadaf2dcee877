package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// GraphML document structure (http://graphml.graphdrawing.org/), as Gephi
// and NetworkX read it.
type graphML struct {
	XMLName xml.Name `xml:"graphml"`
	XMLNS   string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

// writeGraphML writes the actor network: a node per actor, a directed edge
// per (source, target, event type) weighted by the number of events.
// Events without both a source and a target add no edge (counted in sum).
// Node attributes are the actors' settled profiles (settleActors).
func writeGraphML(w io.Writer, events []store.StoredEvent, sum *Summary) error {
	type nodeInfo struct{ label, country, sector string }
	type edgeKey struct{ src, tgt, typ string }
	nodes := map[string]nodeInfo{}
	weights := map[edgeKey]int{}
	addNode := func(r *marsad.ActorRef) string {
		k := actorKey(r)
		if _, ok := nodes[k]; !ok {
			nodes[k] = nodeInfo{label: actorName(r), country: string(r.Country), sector: string(r.Sector)}
		}
		return k
	}
	for _, e := range events {
		if e.Source == nil || e.Target == nil {
			sum.leave("without both a source and a target (no edge)")
			continue
		}
		weights[edgeKey{addNode(e.Source), addNode(e.Target), e.EventType}]++
	}
	g := graphML{XMLNS: "http://graphml.graphdrawing.org/xmlns",
		Keys: []gmlKey{
			{"label", "node", "label", "string"}, {"country", "node", "country", "string"}, {"sector", "node", "sector", "string"},
			{"type", "edge", "event_type", "string"}, {"weight", "edge", "weight", "double"},
		},
		Graph: gmlGraph{ID: "actors", EdgeDefault: "directed"}}
	for _, k := range sortedKeys(nodes) {
		n := nodes[k]
		g.Graph.Nodes = append(g.Graph.Nodes, gmlNode{ID: k, Data: []gmlData{{"label", n.label}, {"country", n.country}, {"sector", n.sector}}})
	}
	byName := map[string]edgeKey{}
	for k := range weights {
		byName[k.src+"\x00"+k.tgt+"\x00"+k.typ] = k
	}
	for i, name := range sortedKeys(byName) {
		k := byName[name]
		g.Graph.Edges = append(g.Graph.Edges, gmlEdge{ID: "e" + strconv.Itoa(i), Source: k.src, Target: k.tgt,
			Data: []gmlData{{"type", k.typ}, {"weight", strconv.Itoa(weights[k])}}})
		sum.Written++
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(g); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

package export

import (
	"encoding/json"
	"io"

	"github.com/marsad/marsad/store"
)

type feature struct {
	Type       string            `json:"type"`
	ID         string            `json:"id"`
	Geometry   geometry          `json:"geometry"`
	Properties store.StoredEvent `json:"properties"`
}

type geometry struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude (RFC 7946)
}

// writeGeoJSON writes a FeatureCollection with one Point per event that has
// coordinates; the properties are the event as JSON. Events without
// coordinates are counted in sum.
func writeGeoJSON(w io.Writer, events []*store.StoredEvent, sum *Summary) error {
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Features: []feature{}}
	for _, e := range events {
		l := e.Location
		if l == nil || l.Lat == nil || l.Lon == nil {
			sum.leave(leftNoCoords)
			continue
		}
		fc.Features = append(fc.Features, feature{Type: "Feature", ID: e.ID,
			Geometry: geometry{Type: "Point", Coordinates: [2]float64{*l.Lon, *l.Lat}}, Properties: *e})
		sum.Written++
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(fc)
}

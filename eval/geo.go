package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	marsad "github.com/marsad/marsad"
)

// GoldPlaceArticle is one article of the place gold (docs/annotation-places.md).
type GoldPlaceArticle struct {
	ID        string             `json:"id"`
	Pos       int                `json:"position"`
	Annotator string             `json:"annotator"`
	Notes     string             `json:"notes"`
	Places    []GoldPlaceMention `json:"places"`
}

// GoldPlaceMention is one annotated place mention.
type GoldPlaceMention struct {
	Text    string   `json:"text"`
	Context string   `json:"context"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Country *string  `json:"country"`
	Admin1  *string  `json:"admin1"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
	Use     string   `json:"use"`
	// Start and End are the mention's code point offsets in the text,
	// found by Locate.
	Start, End int `json:"-"`
}

// Position is the article's position in the annotation id list.
func (a *GoldPlaceArticle) Position() int { return a.Pos }

// ReadGoldPlaces reads a folder of place gold files, in position order.
func ReadGoldPlaces(dir string) ([]GoldPlaceArticle, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no place gold files (*.json)", dir)
	}
	var out []GoldPlaceArticle
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		var a GoldPlaceArticle
		if err := strictUnmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out, nil
}

// Locate finds every mention in the article's text: its context must occur
// once, and the mention is the first occurrence of its text inside it.
func (a *GoldPlaceArticle) Locate(text string) error {
	for i := range a.Places {
		p := &a.Places[i]
		if n := strings.Count(text, p.Context); n != 1 {
			return fmt.Errorf("%s: place %d %q: context found %d times", a.ID, i, p.Text, n)
		}
		at := strings.Index(text, p.Context)
		in := strings.Index(p.Context, p.Text)
		if in < 0 {
			return fmt.Errorf("%s: place %d %q: text not inside its context", a.ID, i, p.Text)
		}
		p.Start = len([]rune(text[:at+in]))
		p.End = p.Start + len([]rune(p.Text))
	}
	return nil
}

// PlacesFunc lists the place names a system reads in a document.
type PlacesFunc func(ctx context.Context, doc marsad.Document) ([]marsad.PlaceRef, error)

// GeoReport is the score of place recognition and resolution.
type GeoReport struct {
	Articles int `json:"articles"`
	// Gold mentions used as locations, and of those found (a system
	// mention overlaps them).
	Locations int `json:"locations"`
	Found     int `json:"found"`
	// Of the found ones with a gold country, those whose country is right;
	// of the found ones with a gold point, those whose place is right.
	WithCountry  int `json:"with_country"`
	CountryRight int `json:"country_right"`
	WithPoint    int `json:"with_point"`
	PlaceRight   int `json:"place_right"`
	// System mentions, and those that overlap no gold mention of any use.
	System int `json:"system"`
	Wrong  int `json:"wrong"`

	Recall       float64 `json:"recall"`
	Precision    float64 `json:"precision"`
	CountryShare float64 `json:"country_right_share"`
	PlaceShare   float64 `json:"place_right_share"`

	errors []string
}

// placeRightKm is how far a resolved point may lie from the gold point of
// a settlement or smaller place; larger units (governorates, regions) are
// compared at unitRightKm, since their centres are drawn differently by
// each source.
const (
	placeRightKm = 30
	unitRightKm  = 100
)

// Geo scores the places a system reads against the place gold.
func Geo(ctx context.Context, gold []GoldPlaceArticle, docs map[string]marsad.Document, places PlacesFunc) (*GeoReport, error) {
	r := &GeoReport{}
	for _, a := range gold {
		doc, ok := docs[a.ID]
		if !ok {
			return nil, fmt.Errorf("article %s is not in the corpus", a.ID)
		}
		if err := a.Locate(doc.Text); err != nil {
			return nil, err
		}
		sys, err := places(ctx, doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
		r.Articles++
		r.add(&a, sys)
	}
	r.Recall = ratio(r.Found, r.Locations)
	r.Precision = ratio(r.System-r.Wrong, r.System)
	r.CountryShare = ratio(r.CountryRight, r.WithCountry)
	r.PlaceShare = ratio(r.PlaceRight, r.WithPoint)
	return r, nil
}

func (r *GeoReport) add(a *GoldPlaceArticle, sys []marsad.PlaceRef) {
	overlaps := func(s, e int, p marsad.PlaceRef) bool { return p.Start < e && s < p.End }
	for _, p := range sys {
		r.System++
		hit := false
		for _, g := range a.Places {
			if overlaps(g.Start, g.End, p) {
				hit = true
				break
			}
		}
		if !hit {
			r.Wrong++
			r.errors = append(r.errors, fmt.Sprintf("WRONG\t%s\t%q\t%s %s", a.ID, p.Text, p.Country, p.Name))
		}
	}
	for _, g := range a.Places {
		if g.Use != "location" {
			continue
		}
		r.Locations++
		var got *marsad.PlaceRef
		for i := range sys {
			if overlaps(g.Start, g.End, sys[i]) {
				got = &sys[i]
				break
			}
		}
		if got == nil {
			r.errors = append(r.errors, fmt.Sprintf("MISS\t%s\t%q\t%s %s", a.ID, g.Text, deref(g.Country), g.Kind))
			continue
		}
		r.Found++
		if g.Country != nil {
			r.WithCountry++
			if string(got.Country) == *g.Country {
				r.CountryRight++
			} else {
				r.errors = append(r.errors, fmt.Sprintf("COUNTRY\t%s\t%q\tgold %s, got %s %s", a.ID, g.Text, *g.Country, got.Country, got.Name))
			}
		}
		if g.Lat != nil && g.Lon != nil && got.Lat != nil && got.Lon != nil || g.Kind == "country" && g.Country != nil {
			r.WithPoint++
			if placeRight(&g, got) {
				r.PlaceRight++
			} else {
				r.errors = append(r.errors, fmt.Sprintf("PLACE\t%s\t%q\tgold %s (%s), got %s", a.ID, g.Text, g.Name, g.Kind, got.Name))
			}
		}
	}
}

// placeRight: a country is right when the country is; other places when
// the resolved point is near the gold one.
func placeRight(g *GoldPlaceMention, got *marsad.PlaceRef) bool {
	if g.Kind == "country" {
		return g.Country != nil && string(got.Country) == *g.Country
	}
	if got.Lat == nil || got.Lon == nil {
		return false
	}
	limit := float64(placeRightKm)
	switch g.Kind {
	case "admin1", "admin2", "region", "water", "mountain":
		limit = unitRightKm
	}
	return km(*g.Lat, *g.Lon, *got.Lat, *got.Lon) <= limit
}

// km is the great-circle distance between two points.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	rad := math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLon := (lon2 - lon1) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

// WriteTable prints the figures.
func (r *GeoReport) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "articles %d, gold location mentions %d, system place mentions %d\n", r.Articles, r.Locations, r.System)
	fmt.Fprintf(w, "%-28s %6.3f  (%d/%d)\n", "recall (locations found)", r.Recall, r.Found, r.Locations)
	fmt.Fprintf(w, "%-28s %6.3f  (%d/%d)\n", "precision (not a place: wrong)", r.Precision, r.System-r.Wrong, r.System)
	fmt.Fprintf(w, "%-28s %6.3f  (%d/%d)\n", "country right (found)", r.CountryShare, r.CountryRight, r.WithCountry)
	fmt.Fprintf(w, "%-28s %6.3f  (%d/%d)\n", "place right (found)", r.PlaceShare, r.PlaceRight, r.WithPoint)
}

// WriteErrors lists WRONG (a system mention that is no place), MISS (a
// location not found), COUNTRY and PLACE (resolved wrongly) lines.
func (r *GeoReport) WriteErrors(w io.Writer) {
	for _, e := range r.errors {
		fmt.Fprintln(w, e)
	}
}

// MarshalJSON keeps the error list out of the figures.
func (r *GeoReport) MarshalJSON() ([]byte, error) {
	type plain GeoReport
	return json.Marshal((*plain)(r))
}

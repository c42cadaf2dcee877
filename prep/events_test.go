package prep

import (
	"testing"

	"github.com/marsad/marsad"
)

func TestEventKey(t *testing.T) {
	clash := func(src string, mod string) *marsad.Event {
		return &marsad.Event{EventType: "ASSAULT", Modality: mod,
			Source:   &marsad.ActorRef{Text: src},
			Target:   &marsad.ActorRef{Text: "قوات الوفاق", ActorID: "LBYGNA"},
			Location: &marsad.PlaceRef{Text: "عين زارة", GazetteerID: "osm:node/1"}}
	}
	a, b := EventKey(clash("الجيشُ الليبيّ", marsad.Asserted)), EventKey(clash("الجيش الليبي،", marsad.Historical))
	if a == "" || a != b {
		t.Errorf("diacritics and punctuation should not matter: %q vs %q", a, b)
	}
	if k := EventKey(clash("الجيش الليبي", marsad.Negated)); k != "" {
		t.Errorf("a denied event must not be merged: key %q", k)
	}
}

func TestEventsWithTooLittleToCompareAreNotMerged(t *testing.T) {
	bare := marsad.Event{EventType: "ASSAULT", Modality: marsad.Asserted}
	if k := EventKey(&bare); k != "" {
		t.Errorf("an attack with no actors and no place got key %q", k)
	}
	onlyPlace := bare
	onlyPlace.Location = &marsad.PlaceRef{Text: "طرابلس", GazetteerID: "geonames:2210247"}
	if k := EventKey(&onlyPlace); k != "" {
		t.Errorf("an attack known only by its place got key %q", k)
	}
	placeAndSource := onlyPlace
	placeAndSource.Source = &marsad.ActorRef{Text: "الجيش الليبي", ActorID: "lby-lna"}
	if k := EventKey(&placeAndSource); k == "" {
		t.Error("an attack with a source and a place cannot be clustered")
	}
}

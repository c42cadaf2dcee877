package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/lexicon"
)

// regionalFiles are the extracts of ../shared/gazetteer/regional, in the
// order their places win a merge: the OCHA P-coded units first (the
// humanitarian community's reference), then Who's On First (GeoNames
// localities with their Arabic alternate names), then Yemen-info.
var regionalFiles = []string{
	"ochacod-SYR.tsv", "ochacod-IRQ.tsv", "ochacod-YEM.tsv",
	"wof-SYR.tsv", "wof-IRQ.tsv", "wof-YEM.tsv", "wof-LBY.tsv",
	"yemeninfo-YEM.tsv",
}

// readUnitWords reads unit-words.tsv: country → kind → the words the news
// puts before a unit's name.
func readUnitWords(path string) (map[string]map[string][]string, error) {
	t, err := lexicon.ReadTable(os.DirFS(filepath.Dir(path)), filepath.Base(path), "country", "kind", "word")
	if err != nil {
		return nil, fmt.Errorf("unit words: %w", err)
	}
	out := map[string]map[string][]string{}
	for _, r := range t.Rows {
		c, k := r.Get("country"), r.Get("kind")
		if out[c] == nil {
			out[c] = map[string][]string{}
		}
		out[c][k] = append(out[c][k], r.Get("word"))
	}
	return out, nil
}

// readRegional reads one regional extract. Yemen-info villages are left
// out: their points are the centre of the sub-district (approx:), and the
// WOF file has Yemen's villages with their own coordinates.
func (b *builder) readRegional(path string) ([]*marsad.Place, error) {
	t, err := lexicon.ReadTable(os.DirFS(filepath.Dir(path)), filepath.Base(path),
		"id", "name_ar", "name_en", "kind", "country", "admin1", "lat", "lon", "population", "coord_source", "xref")
	if err != nil {
		return nil, err
	}
	yemenInfo := strings.HasPrefix(filepath.Base(path), "yemeninfo")
	var out []*marsad.Place
	for _, r := range t.Rows {
		kind := r.Get("kind")
		switch {
		case kind == "country", kind == "other":
			continue // countries are in countries.tsv; "other" is farms and markets
		case kind == "village" && yemenInfo:
			continue
		}
		lat, err1 := strconv.ParseFloat(r.Get("lat"), 64)
		lon, err2 := strconv.ParseFloat(r.Get("lon"), 64)
		if err1 != nil || err2 != nil {
			b.log.drop("places.tsv", "regional place without coordinates", r.Get("id"))
			continue
		}
		pop := 0
		if s := r.Get("population"); s != "" {
			if pop, err = strconv.Atoi(s); err != nil {
				return nil, r.Errorf("bad population %q", s)
			}
		}
		var names []string
		for _, n := range strings.Split(r.Get("name_ar"), "|") {
			if n = strings.TrimSpace(n); n != "" && !strings.ContainsAny(n, "،,()") {
				names = appendNew(names, n)
			}
		}
		if len(names) == 0 {
			continue
		}
		country := r.Get("country")
		for _, w := range b.unitWords[country][kind] {
			for _, n := range names {
				if !strings.HasPrefix(n, w+" ") {
					names = appendNew(names, w+" "+n)
				}
			}
		}
		if en := r.Get("name_en"); en != "" {
			names = appendNew(names, en)
		}
		p := &marsad.Place{ID: r.Get("id"), Name: r.Get("name_en"), Names: dedupFolded(names),
			Country: country, Admin1: r.Get("admin1"), Lat: lat, Lon: lon, Population: pop, Kind: kind}
		if p.Name == "" {
			p.Name = names[0]
		}
		out = append(out, p)
		if gn := xrefGeoNames(r.Get("xref")); gn != "" {
			b.geonamesXref[p] = gn
		}
	}
	return out, nil
}

// xrefGeoNames returns the GeoNames id of an xref list ("gn:id:99592|…").
func xrefGeoNames(xref string) string {
	for _, x := range strings.Split(xref, "|") {
		if id, ok := strings.CutPrefix(x, "gn:id:"); ok {
			return "geonames:" + id
		}
	}
	return ""
}

// settlement kinds are merged with each other; units only with units of
// the same level.
func mergeable(a, b string) bool {
	settle := func(k string) bool {
		switch k {
		case "city", "capital", "town", "village", "neighbourhood":
			return true
		}
		return false
	}
	return a == b || settle(a) && settle(b)
}

// addRegional merges the regional extracts into the generated places: a
// locality that is a GeoNames city already (by its gn:id, or by name
// within sameKm) gives that city its names; the rest are new places.
func (b *builder) addRegional(all []*marsad.Place, byName map[string][]*marsad.Place, index func(*marsad.Place)) ([]*marsad.Place, error) {
	byID := map[string]*marsad.Place{}
	for _, p := range all {
		byID[p.ID] = p
	}
	b.geonamesXref = map[*marsad.Place]string{}
	for _, f := range regionalFiles {
		ps, err := b.readRegional(filepath.Join(b.shared, "gazetteer", "regional", f))
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			into := byID[b.geonamesXref[p]]
			if into == nil {
				into = b.nearMergeable(byName, p)
			}
			if into != nil {
				into.Names = appendNew(into.Names, p.Names...)
				// Libya's WOF regions are drawn from old district polygons
				// that put central Tripoli in Tajura (see the extracts'
				// README): they give no admin1.
				libyaWOF := p.Country == "LBY" && strings.HasPrefix(p.ID, "wof:")
				if !libyaWOF && (into.Admin1 == "" || numericAdmin1(into.Admin1)) {
					// GeoNames gives a code ("09"); the extracts give the name.
					into.Admin1 = p.Admin1
				}
				b.log.drop("places.tsv", "regional place merged into an earlier one", fmt.Sprintf("%s\t%s\t→ %s", p.ID, p.Name, into.ID))
				continue
			}
			all = append(all, p)
			byID[p.ID] = p
			index(p)
		}
	}
	return all, nil
}

// nearMergeable returns an earlier place of the same country and a
// compatible kind that shares a name with p within sameKm.
func (b *builder) nearMergeable(byName map[string][]*marsad.Place, p *marsad.Place) *marsad.Place {
	for _, n := range p.Names {
		for _, q := range byName[nameKey(n)] {
			if q.Country == p.Country && mergeable(q.Kind, p.Kind) && km(p, q) < sameKm {
				return q
			}
		}
	}
	return nil
}

// hasUnitWord reports whether a name starts with a unit word
// (محافظة إدلب).
func (b *builder) hasUnitWord(name string) bool {
	for _, kinds := range b.unitWords {
		for _, ws := range kinds {
			for _, w := range ws {
				if strings.HasPrefix(name, w+" ") {
					return true
				}
			}
		}
	}
	return false
}

// numericAdmin1 reports a GeoNames admin1 code ("09"), which names nothing
// a reader knows.
func numericAdmin1(a string) bool { return a != "" && strings.Trim(a, "0123456789") == "" }

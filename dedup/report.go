package dedup

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Report is what event clustering compares of one report of a happening:
// plain values that package prep derives from a marsad.Event (the language
// work) and stores keep as Encode's string.
type Report struct {
	Type string
	// Day is YYYY-MM-DD; Dated says the sentence states the date (else Day
	// is the article's day, and the happening may be a day or two older).
	// Precision is the date's: day, week, month or year.
	Day       string
	Dated     bool
	Precision string
	// Source and Target are actor keys: "=" + dictionary id for a resolved
	// actor, else the normalised head noun of the text with counts removed
	// (generic: "protesters" matches every other protest's protesters).
	Source, Target string
	Place          Place
	// Verbatim hashes the sentence's folded words: equal for copies.
	Verbatim uint64
	// Shingles is a bottom-k MinHash sketch of the sentence's word pairs.
	Shingles []uint32
}

// Place is a report's location as the gazetteer gives it.
type Place struct {
	ID, Name, Admin1, Country string
	// Kind is the gazetteer kind (city, admin1, country …); Lat and Lon
	// are set when HasPoint.
	Kind     string
	Lat, Lon float64
	HasPoint bool
}

// Resolved reports whether an actor key names a dictionary actor.
func Resolved(key string) bool { return strings.HasPrefix(key, "=") }

// SketchSize is the number of hashes in Report.Shingles.
const SketchSize = 48

// Sketch returns the bottom-k MinHash sketch of the word pairs of words
// (folded words in order): the SketchSize smallest distinct hashes, sorted.
func Sketch(words []string) []uint32 {
	seen := map[uint32]bool{}
	for i := 0; i+1 < len(words); i++ {
		seen[uint32(mix(hashString(words[i]+" "+words[i+1]))>>32)] = true
	}
	out := make([]uint32, 0, len(seen))
	for h := range seen {
		out = append(out, h)
	}
	slices.Sort(out)
	if len(out) > SketchSize {
		out = out[:SketchSize]
	}
	return out
}

// VerbatimHash hashes words (folded) so that copies of one sentence are equal.
func VerbatimHash(words []string) uint64 {
	if len(words) < 6 { // "قتل 3" is no evidence of copying
		return 0
	}
	return mix(hashString(strings.Join(words, " ")))
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037) // FNV-1a
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// TextSimilarity estimates the Jaccard similarity of two sentences' word
// pairs from their bottom-k sketches.
func TextSimilarity(a, b []uint32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	// The k smallest of the union, and how many of them are in both.
	k := min(SketchSize, len(a)+len(b))
	i, j, n, both := 0, 0, 0, 0
	for n < k && (i < len(a) || j < len(b)) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			i++
		case i == len(a) || b[j] < a[i]:
			j++
		default:
			both++
			i++
			j++
		}
		n++
	}
	return float64(both) / float64(n)
}

// Encode writes r as one line of fields (the stores' cluster_report).
func (r *Report) Encode() string {
	p := r.Place
	sh := make([]string, len(r.Shingles))
	for i, h := range r.Shingles {
		sh[i] = strconv.FormatUint(uint64(h), 36)
	}
	point := ""
	if p.HasPoint {
		point = strconv.FormatFloat(p.Lat, 'f', 4, 64) + "," + strconv.FormatFloat(p.Lon, 'f', 4, 64)
	}
	dated := "0"
	if r.Dated {
		dated = "1"
	}
	clean := strings.NewReplacer("|", " ", "\n", " ")
	f := []string{"r1", r.Type, r.Day, dated, r.Precision, r.Source, r.Target,
		p.ID, p.Name, p.Admin1, p.Country, p.Kind, point, strconv.FormatUint(r.Verbatim, 36), strings.Join(sh, ",")}
	for i := range f {
		f[i] = clean.Replace(f[i])
	}
	return strings.Join(f, "|")
}

// ParseReport decodes Encode's output.
func ParseReport(s string) (Report, error) {
	f := strings.Split(s, "|")
	if len(f) != 15 || f[0] != "r1" {
		return Report{}, fmt.Errorf("bad cluster report %.24q…: want 15 fields of version r1", s)
	}
	r := Report{Type: f[1], Day: f[2], Dated: f[3] == "1", Precision: f[4], Source: f[5], Target: f[6],
		Place: Place{ID: f[7], Name: f[8], Admin1: f[9], Country: f[10], Kind: f[11]}}
	if lat, lon, ok := strings.Cut(f[12], ","); ok {
		var err1, err2 error
		r.Place.Lat, err1 = strconv.ParseFloat(lat, 64)
		r.Place.Lon, err2 = strconv.ParseFloat(lon, 64)
		r.Place.HasPoint = err1 == nil && err2 == nil
	}
	var err error
	if r.Verbatim, err = strconv.ParseUint(f[13], 36, 64); err != nil {
		return Report{}, fmt.Errorf("bad cluster report verbatim hash %q", f[13])
	}
	if f[14] != "" {
		for _, x := range strings.Split(f[14], ",") {
			h, err := strconv.ParseUint(x, 36, 32)
			if err != nil {
				return Report{}, fmt.Errorf("bad cluster report shingle %q", x)
			}
			r.Shingles = append(r.Shingles, uint32(h))
		}
	}
	return r, nil
}

// days is b's day minus a's day, and whether both are dates.
func days(a, b string) (int, bool) {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return 0, false
	}
	return int(math.Round(tb.Sub(ta).Hours() / 24)), true
}

// distanceKm is the great-circle distance between two points.
func distanceKm(a, b Place) float64 {
	const r = 6371
	rad := math.Pi / 180
	dLat, dLon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

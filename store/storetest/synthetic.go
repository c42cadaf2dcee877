package storetest

import (
	"context"
	"fmt"
	"math/rand"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
)

// EventsPerDocument is how many events each synthetic document carries.
const EventsPerDocument = 10

// plover are the PLOVER event types, most frequent first, so that the
// synthetic mix is skewed as real news is.
var plover = []string{"ASSAULT", "CONSULT", "ACCUSE", "PROTEST", "COERCE", "THREATEN", "SUPPORT", "AGREE",
	"REQUEST", "REJECT", "COOPERATE", "AID", "MOBILIZE", "SANCTION", "CONCEDE", "RETREAT"}

var countries = []string{"LBY", "SYR", "IRQ", "YEM", "EGY", "TUN", "SDN", "LBN", "PSE", "MLI"}

// Synthetic fills s with n events (n/EventsPerDocument documents) drawn
// from a fixed seed: skewed event types, ten countries, dates over 2018–
// 2020, 500 actors (half resolved to ids) and 300 places. It is for
// benchmarks; the texts are placeholders, not Arabic news.
func Synthetic(ctx context.Context, s store.Store, n int, seed int64) error {
	rng := rand.New(rand.NewSource(seed))
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	pick := func(k int) int { // Zipf-like: low indexes far more often
		return int(float64(k) * rng.Float64() * rng.Float64())
	}
	const batchDocs = 200
	var batch []store.Item
	for d := 0; d*EventsPerDocument < n; d++ {
		day := start.AddDate(0, 0, rng.Intn(3*365)).Format(time.DateOnly)
		doc := marsad.Document{ID: fmt.Sprintf("syn-%d-%d", seed, d), Date: day, Source: fmt.Sprintf("source-%d", rng.Intn(20)),
			Text: fmt.Sprintf("synthetic document %d of seed %d", d, seed)}
		it := store.Item{Doc: doc}
		for i := 0; i < EventsPerDocument && d*EventsPerDocument+i < n; i++ {
			country := countries[pick(len(countries))]
			actor := func() *marsad.ActorRef {
				a := pick(500)
				r := &marsad.ActorRef{Text: fmt.Sprintf("actor %d", a), Country: marsad.OptText(country)}
				if a%2 == 0 {
					r.ActorID = marsad.OptText(fmt.Sprintf("%sACT%d", country, a))
				}
				return r
			}
			lat, lon := 20+10*rng.Float64(), 10+30*rng.Float64()
			place := pick(300)
			it.Events = append(it.Events, marsad.Event{
				EventType: plover[pick(len(plover))], Modality: marsad.Asserted,
				Source: actor(), Target: actor(),
				Location: &marsad.PlaceRef{Text: fmt.Sprintf("place %d", place), Country: marsad.OptText(country),
					GazetteerID: marsad.OptText(fmt.Sprintf("syn:%d", place)), Lat: &lat, Lon: &lon},
				Date: marsad.OptText(day), Confidence: rng.Float64(), SentenceIndex: i, CoderVersion: marsad.CoderVersion,
			})
		}
		prep.Item(&it)
		batch = append(batch, it)
		if len(batch) == batchDocs {
			if _, err := s.SaveBatch(ctx, batch); err != nil {
				return fmt.Errorf("synthetic store: %w", err)
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if _, err := s.SaveBatch(ctx, batch); err != nil {
			return fmt.Errorf("synthetic store: %w", err)
		}
	}
	return nil
}

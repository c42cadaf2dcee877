package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/prep"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlite"
)

// An ingest saves coded documents in batches; queries filter the events.
// Package prep derives what the store matches documents, events and
// queries by: prepare items and filters before handing them over.
func ExampleOpen() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "marsad-example")
	defer os.RemoveAll(dir)
	s, err := sqlite.Open(ctx, filepath.Join(dir, "marsad.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	item := store.Item{
		Doc: marsad.Document{ID: "a1", Date: "2019-10-25", Source: "Al Arabiya",
			Text: "بدأ مقاتلو مصراتة الجمعة في الانسحاب من محاور القتال في العاصمة طرابلس."},
		Events: []marsad.Event{{EventType: "RETREAT", Mode: "withdraw", Modality: marsad.Asserted,
			Source:   &marsad.ActorRef{Text: "مقاتلو مصراتة"},
			Location: &marsad.PlaceRef{Text: "طرابلس", Country: "LBY"}}},
	}
	prep.Item(&item)
	for range 2 { // the second save is recognised by the text's hash
		res, err := s.SaveBatch(ctx, []store.Item{item})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("saved %d, duplicates %d\n", res.Saved, res.Duplicates)
	}
	f := store.Filter{Country: "LBY", Text: "الانسحاب"}
	prep.Filter(&f)
	evs, _ := s.Events(ctx, f)
	for _, e := range evs {
		fmt.Println(e.ID, e.EventType, e.Day, e.Source.Text)
	}
	// Output:
	// saved 1, duplicates 0
	// saved 0, duplicates 1
	// a1-0 RETREAT 2019-10-25 مقاتلو مصراتة
}

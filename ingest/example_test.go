package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlite"
)

// Run reads the inputs, codes every document and saves documents,
// sentences and events in the store. A second run over the same input
// recognises the document by its text's hash and codes nothing again.
func ExampleRun() {
	c, err := knowledge.Builtin().Coder(true)
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "marsad-ingest")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	article := filepath.Join(dir, "misrata.jsonl")
	record := `{"id": "misrata", "date": "2019-10-25", "source": "Al Arabiya", "text": "بدأ مقاتلو مصراتة الجمعة في الانسحاب من محاور القتال في العاصمة طرابلس."}`
	if err := os.WriteFile(article, []byte(record+"\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "marsad.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	for range 2 {
		sum, err := ingest.Run(ctx, st, c, []string{article}, ingest.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("new %d, duplicate %d, events %d\n", sum.New, sum.Duplicate, sum.Events)
	}
	events, err := st.Events(ctx, store.Filter{Country: "LBY"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events {
		fmt.Println(e.EventType, e.Day, e.Country, e.DocSource)
	}
	// Output:
	// new 1, duplicate 0, events 1
	// new 0, duplicate 1, events 0
	// RETREAT 2019-10-25 LBY Al Arabiya
}

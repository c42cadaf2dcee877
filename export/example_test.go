package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/marsad/marsad/export"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/store/sqlite"
)

// Write turns stored events into what analysts load into their tools. Here
// an article (plain text on stdin: its first line is the title, its date
// comes from the reader's options) is ingested into a new SQLite store, and
// the stored events are written as ACLED CSV, of which a few columns are
// shown. A fixed CodedAt makes the output reproducible.
func ExampleWrite() {
	k := knowledge.Builtin()
	c, err := k.Coder(true)
	if err != nil {
		fmt.Println(err)
		return
	}
	tables, err := k.ExportTables()
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "marsad-export")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "events.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	article := strings.NewReader("اشتباكات جنوب طرابلس\n" +
		"اندلعت أمس اشتباكات عنيفة بين قوات الجيش الليبي وقوات حكومة الوفاق جنوب طرابلس، ما أسفر عن مقتل ثلاثة مقاتلين.\n")
	in := reader.Options{Stdin: article, Format: "txt", Date: "2019-10-25"}
	if _, err := ingest.Run(ctx, st, c, []string{"-"}, ingest.Options{Reader: in}); err != nil {
		fmt.Println(err)
		return
	}
	events, err := st.Events(ctx, store.Filter{Happenings: true}) // one row per happening, as marsad export writes
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	opt := export.Options{CodedAt: time.Date(2019, 10, 26, 8, 0, 0, 0, time.UTC), Tables: tables}
	if err := export.Write(&out, "acled", events, opt); err != nil {
		fmt.Println(err)
		return
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range rows[1:] {
		for i, col := range rows[0] {
			switch col {
			case "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location", "fatalities":
				fmt.Printf("%s: %s\n", col, row[i])
			}
		}
	}
	// Output:
	// event_date: 2019-10-24
	// event_type: Battles
	// sub_event_type: Armed clash
	// actor1: Libyan National Army
	// actor2: GNA forces
	// country: Libya
	// location: Tripoli
	// fatalities: 3
}

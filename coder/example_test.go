package coder_test

import (
	"context"
	"fmt"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/knowledge"
)

// The coder reads an article sentence by sentence and returns its events,
// each with the text every field comes from; offsets count code points.
// The built-in knowledge (dictionaries, cues, date words, the named-entity
// model and the event filters in data/) gives a ready coder.
func ExampleCoder_Code() {
	c, err := knowledge.Builtin().Coder(true)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := marsad.Document{ID: "misrata", Date: "2019-10-25",
		Text: "بدأ مقاتلو مصراتة الجمعة في الانسحاب من محاور القتال في العاصمة طرابلس."}
	events, err := c.Code(context.Background(), doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range events {
		fmt.Println(e.EventType, e.Mode, e.Modality)
		fmt.Printf("trigger: %s [%d:%d]\n", e.Trigger.Text, e.Trigger.Start, e.Trigger.End)
		if e.Source != nil {
			fmt.Println("source:", e.Source.Text)
		}
		if e.Location != nil {
			fmt.Printf("location: %s (%s)\n", e.Location.Text, e.Location.Name)
		}
		fmt.Printf("date: %s (%s)\n", e.Date, e.DateText)
	}
	// Output:
	// RETREAT withdraw asserted
	// trigger: الانسحاب [28:36]
	// source: مقاتلو مصراتة
	// location: طرابلس (Tripoli)
	// date: 2019-10-25 (الجمعة)
}

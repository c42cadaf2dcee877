package coder_test

import (
	"fmt"
	"testing"
)

// Counts written in digits are read as the text writes them: a million
// is a count like any other, the decimal separator (. or ٫) ends the whole
// part, and a number glued to letters (1e9) counts no one.
func TestDeathTollDigits(t *testing.T) {
	for text, want := range map[string]string{
		"قتل 1000000 شخصا في القصف":      "1000000",
		"قتل 35 شخصا في القصف":           "35",
		"قتل ٣٫٥ شخصا في القصف":          "3",
		"قتل 1e9 شخصا في القصف":          "none",
		"قتل 1,200 شخصا في القصف":        "1200",
		"قتل 2500000 مدني في الحرب":      "2500000",
		"قتل 123456789012345678901 شخصا": "none",
	} {
		evs := code(t, text, "2019-10-25")
		if len(evs) == 0 {
			t.Errorf("%s: no event", text)
			continue
		}
		got := "none"
		if f := evs[0].Fatalities; f != nil {
			got = fmt.Sprint(*f)
		}
		if got != want {
			t.Errorf("%s: fatalities %s, want %s", text, got, want)
		}
	}
}

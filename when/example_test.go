package when_test

import (
	"fmt"

	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/when"
)

// Relative dates resolve against the article's date: in an article of
// Friday 25 October 2019, أمس is Thursday and الثلاثاء the Tuesday before.
func ExampleResolver_Resolve() {
	r, err := when.Load(data.FS)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range r.Resolve("قال مسؤول أمس إن الاشتباكات بدأت الثلاثاء في طرابلس.", "2019-10-25") {
		fmt.Printf("%s [%d:%d] %s %s\n", x.Text, x.Start, x.End, x.Date, x.Precision)
	}
	// Output:
	// أمس [10:13] 2019-10-24 day
	// الثلاثاء [33:41] 2019-10-22 day
}

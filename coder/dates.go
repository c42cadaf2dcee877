package coder

import "github.com/marsad/marsad/when"

// defaultDates is the date resolver used by Default: the built-in date
// words, or the ones in MARSAD_DATA.
func defaultDates() (DateResolver, error) {
	r, err := when.Default()
	if err != nil {
		return nil, err
	}
	return whenAdapter{r}, nil
}

type whenAdapter struct{ r *when.Resolver }

func (a whenAdapter) Resolve(sentence, articleDate string) []DateExpr {
	xs := a.r.Resolve(sentence, articleDate)
	out := make([]DateExpr, len(xs))
	for i, x := range xs {
		out[i] = DateExpr{Start: x.Start, End: x.End, Text: x.Text, Date: x.Date}
	}
	return out
}

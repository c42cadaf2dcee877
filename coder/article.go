package coder

import (
	"strconv"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/coref"
)

// articleFeatures adds to each candidate what the article says about it,
// for the article-level filter: where its sentence stands (ledes sum up,
// later paragraphs add background), how the candidate would mention its
// happening if every candidate were kept (a lede summary, the report, a
// reference back), how many sentences tell that happening, and the event
// type crossed with the features that weigh differently by type.
func articleFeatures(cands []Candidate) {
	evs := make([]marsad.Event, len(cands))
	for i := range cands {
		evs[i] = cands[i].Event
		evs[i].ID = strconv.Itoa(i) // coref names happenings by event id
	}
	evs = coref.Link(evs)
	size := map[marsad.OptText]int{}
	for _, e := range evs {
		size[e.HappeningID]++
	}
	for i := range cands {
		cd := &cands[i]
		t := cd.Event.EventType
		add := func(f string) { cd.Features = append(cd.Features, f) }
		add("type=" + t)
		add("sent=" + sentenceBucket(cd.Event.SentenceIndex))
		add("mention=" + string(evs[i].Mention))
		add(t + "|mention=" + string(evs[i].Mention))
		add("told=" + countBucket(size[evs[i].HappeningID]))
		add(t + "|modality=" + cd.Event.Modality)
		if cd.Noun {
			add(t + "|noun")
		}
		if cd.Toll {
			add("toll")
		}
		if cd.Embed != "" {
			add("embed=" + cd.Embed)
			add(t + "|embed=" + cd.Embed)
		}
		if cd.Event.Source != nil {
			add(t + "|source")
		}
		if cd.Event.Target != nil {
			add(t + "|target")
		}
	}
	articleContext(cands)
}

func sentenceBucket(i int) string {
	switch {
	case i == 0:
		return "0"
	case i <= 2:
		return "1-2"
	case i <= 5:
		return "3-5"
	}
	return "6+"
}

func countBucket(n int) string {
	if n >= 3 {
		return "3+"
	}
	return strconv.Itoa(n)
}

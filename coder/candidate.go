package coder

import (
	"context"

	marsad "github.com/marsad/marsad"
)

// Candidate is a possible event with what the rules found about it: the
// event as it would be output, and the evidence the filter weighs.
type Candidate struct {
	Event    marsad.Event
	Features []string
	// Suppressed: under a condemnation, call or demand, so not the event
	// itself; Embed says which (EmbedCall, EmbedCondemn).
	Suppressed bool
	Embed      string
	// Anchored: a verb, or a noun with a light verb, a doer and victim, or a toll.
	Anchored bool
	Noun     bool
	// Toll: a death toll under "since the war began": a running total that
	// sums up many happenings (the event is output as mention "toll").
	Toll bool
	// Background: a killing with both roles in a relative clause, which
	// the filter may reject as a new report but which still happened.
	Background bool
	// NearPlace: the type's frame says place=near (see Frame).
	NearPlace bool
	// Dateline is the place of the article's dateline ("طرابلس - …"),
	// the same for every candidate of the document; nil when none.
	Dateline *marsad.PlaceRef
	// Disaster: a killing word with no one who kills in a sentence about a
	// natural disaster, accident or epidemic (زلزال … مقتل 530): its toll
	// counts victims, not an attack, so it is never an ASSAULT.
	Disaster bool
	// NotSource, NotTarget: the role is a phrase of the actor stop list
	// (مواقع، أو): the output event goes without it, though the filter
	// and the article's coreference saw it as the rules found it.
	NotSource, NotTarget bool
	// Roles are the phrases that could fill the source and target roles,
	// what the role models chose among (training reads them).
	Roles []RoleOption
	// RoleWhy says what chose the roles (explain prints it).
	RoleWhy string
	// RoleModel: the role models chose ModelSource and ModelTarget, which
	// the output event takes once the article's happenings are grouped
	// on the rules' roles (Event.Source, Event.Target).
	RoleModel                bool
	ModelSource, ModelTarget *marsad.ActorRef
}

// Verdict is what the coder does with a candidate.
type Verdict struct {
	Keep bool
	// Historical: kept as past background although the filter rejected it.
	Historical bool
	// Filtered: a model scored it; Prob is the model's probability.
	Filtered bool
	Prob     float64
	// Confidence is Prob calibrated to the share of such candidates that
	// tell a real happening (0: not calibrated, Prob stands).
	Confidence float64
	Reason     string
}

const disasterReason = "dropped: the victims of a disaster or accident, not an attack"

// Decide is the one keep-or-drop rule, used by coding, explain and
// training: suppressed candidates never pass; a candidate scored by a
// filter (prob against threshold) passes when it reaches the threshold, or
// as historical when it is background; unscored event nouns need an anchor.
func Decide(cd *Candidate, filtered bool, prob, threshold float64) Verdict {
	switch {
	case cd.Disaster:
		return Verdict{Reason: disasterReason}
	case cd.Suppressed:
		return Verdict{Reason: "dropped: under a condemnation, call or demand"}
	case filtered:
		v := Verdict{Filtered: true, Prob: prob, Keep: true, Reason: "kept by the filter"}
		if prob < threshold {
			if !cd.Background {
				v.Keep, v.Reason = false, "dropped by the filter"
			} else {
				// A fully described event in a relative clause (كتيبة
				// شريخان، التي قتل قائدها …) is background the article
				// recalls, not a new report: keep it, as historical.
				v.Historical, v.Reason = true, "kept as background"
			}
		}
		return v
	case cd.Noun && !cd.Anchored:
		return Verdict{Reason: "dropped: event noun with no light verb, roles or toll"}
	}
	return Verdict{Keep: true, Reason: "kept"}
}

// ArticleFilter is the key of the article-level filter among the filter
// models (file filter-ARTICLE.json): one model for every event type,
// trained on whole annotated articles (eval.TrainArticleFilter).
const ArticleFilter = "ARTICLE"

// Judge applies Decide with the coder's filter: the article-level model
// when there is one, for every candidate; else the sentence-level model of
// the candidate's type, for asserted and historical candidates.
func (c *Coder) Judge(cd *Candidate) Verdict {
	if m := c.filter[ArticleFilter]; m != nil {
		v := DecideArticle(cd, m.Prob(cd.Features), m.Threshold)
		v.Confidence = m.Calibrated(v.Prob)
		return v
	}
	if m := c.filter[cd.Event.EventType]; m != nil && cd.Event.Counts() {
		return Decide(cd, true, m.Prob(cd.Features), m.Threshold)
	}
	return Decide(cd, false, 0, 0)
}

// DecideArticle is the article-level filter's rule: an event named by a
// call or demand is no happening; otherwise the model, which has seen what
// the rules know (a condemnation around the trigger included, since
// "أدان … مقتل مدنيين" reports the killing too), decides by its
// probability against the threshold.
func DecideArticle(cd *Candidate, prob, threshold float64) Verdict {
	if cd.Disaster {
		return Verdict{Reason: disasterReason}
	}
	if cd.Embed == EmbedCall {
		return Verdict{Reason: "dropped: the topic of a call, demand or rejection"}
	}
	if prob >= threshold {
		return Verdict{Keep: true, Filtered: true, Prob: prob, Reason: "kept by the article filter"}
	}
	if cd.Toll {
		// A running total is kept as mention "toll", never a happening,
		// whatever the filter learned of happenings.
		return Verdict{Keep: true, Filtered: true, Prob: prob, Reason: "kept as a running toll"}
	}
	return Verdict{Filtered: true, Prob: prob, Reason: "dropped by the article filter"}
}

// WithoutFilter returns a copy of the coder that keeps candidates on the
// rules alone: what a filter is trained on.
func (c *Coder) WithoutFilter() *Coder {
	r := *c
	r.filter = nil
	return &r
}

// Candidates runs the rules over a document and returns every candidate,
// before any verdict.
func (c *Coder) Candidates(ctx context.Context, doc marsad.Document) ([]Candidate, error) {
	views, dc, err := c.views(ctx, doc, false)
	if err != nil {
		return nil, err
	}
	var out []Candidate
	for _, v := range views {
		out = append(out, c.candidates(doc, v, dc)...)
	}
	if len(views) > 0 {
		if dl := views[0].dateline(dc); dl != nil {
			for i := range out {
				out[i].Dateline = dl
			}
		}
	}
	articleFeatures(out)
	return out, nil
}

package eval

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
)

// Article-level scoring (docs/accuracy.md, "The article set"). The unit is
// the happening: a gold happening is found when one predicted happening (the
// events that share a happening id) has an event of an agreeing type whose
// trigger lies inside one of the gold happening's mention sentences. Each
// predicted happening matches at most one gold happening and the other way
// round, so a happening coded twice counts once and its second copy is a
// false alarm.

// Prediction is one predicted happening: its events, first the one that
// carries the merged roles.
type Prediction struct {
	Events []marsad.Event
}

// GroupEvents groups events into predicted happenings by happening id (an
// event without one is a happening of its own), in order of first event.
// Running tolls (mention "toll") are no happenings and are left out.
func GroupEvents(evs []marsad.Event) []Prediction {
	var out []Prediction
	at := map[string]int{}
	for _, e := range evs {
		if e.Mention == "toll" {
			continue // the coder says it is a running total, no happening
		}
		key := string(e.HappeningID)
		if key == "" {
			key = "event:" + e.ID
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, Prediction{})
		}
		// The report, which carries the merged attributes, goes first.
		if e.Mention == "report" {
			out[i].Events = append([]marsad.Event{e}, out[i].Events...)
		} else {
			out[i].Events = append(out[i].Events, e)
		}
	}
	return out
}

// Type is the happening's event type.
func (p *Prediction) Type() string { return p.Events[0].EventType }

// AttrScore counts how often one attribute is right over matched happenings.
type AttrScore struct {
	Right int     `json:"right"`
	Of    int     `json:"of"`
	Rate  float64 `json:"rate"`
}

func (a *AttrScore) add(right bool) {
	a.Of++
	if right {
		a.Right++
	}
	a.Rate = ratio(a.Right, a.Of)
}

// TypeScore is recall and precision for one event type.
type TypeScore struct {
	Gold      int     `json:"gold"`
	Found     int     `json:"found"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F1        float64 `json:"f1"`
}

// ArticlesReport is the result of scoring an article set.
type ArticlesReport struct {
	Articles   int     `json:"articles"`
	Gold       int     `json:"gold_happenings"`
	GoldKey    int     `json:"gold_key_happenings"`
	Predicted  int     `json:"predicted_happenings"`
	Matched    int     `json:"matched"`
	MatchedKey int     `json:"matched_key"`
	KeyRecall  float64 `json:"key_recall"`
	Recall     float64 `json:"recall"`
	Precision  float64 `json:"precision"`
	F1         float64 `json:"f1"`
	// Attributes over matched happenings: source, target, location country
	// and place, date (where the gold has one), modality, fatalities.
	Source   AttrScore `json:"source"`
	Target   AttrScore `json:"target"`
	Country  AttrScore `json:"place_country"`
	Place    AttrScore `json:"place"`
	Date     AttrScore `json:"date"`
	Modality AttrScore `json:"modality"`
	// NoPlace: of the matched happenings whose gold has no place, those
	// given none; DateStated: the date over happenings whose article
	// states it (a gold date_text).
	NoPlace    AttrScore `json:"no_place"`
	DateStated AttrScore `json:"date_stated"`
	// Fatalities is scored where the gold states a toll: right when the
	// happening's report carries the same number. SpuriousTolls counts
	// matched happenings with no gold toll that were given one.
	Fatalities    AttrScore            `json:"fatalities"`
	SpuriousTolls int                  `json:"spurious_tolls"`
	ByType        map[string]TypeScore `json:"by_type"`
	Misses        []Miss               `json:"-"`
	Alarms        []Alarm              `json:"-"`
	Matches       []Match              `json:"-"`
	perArticle    []articleCounts
}

type articleCounts struct{ gold, pred, matched int }

// Miss is a gold happening no prediction found.
type Miss struct {
	Article string
	Gold    GoldHappening
	// Near lists predicted events in the happening's mention sentences (of
	// other types), for error analysis.
	Near []string
}

// Alarm is a predicted happening that matches no gold happening.
type Alarm struct {
	Article string
	Pred    Prediction
	// Duplicate: its sentence mentions a gold happening of its type that
	// another prediction already matched.
	Duplicate bool
}

// Match is a gold happening with the prediction that found it.
type Match struct {
	Article string
	Gold    GoldHappening
	Pred    Prediction
}

// ScoreArticle scores the predictions of one article against its gold
// annotation; text is the article's text as coded (the mentions' offsets
// are found in it). Call Finish after the last article.
func (r *ArticlesReport) ScoreArticle(g *GoldArticle, text string, preds []Prediction) {
	if r.ByType == nil {
		r.ByType = map[string]TypeScore{}
	}
	r.Articles++
	spans := mentionSpans(g, text)
	// edges[i] lists the predictions that may match gold happening i.
	edges := make([][]int, len(g.Happenings))
	for i := range g.Happenings {
		h := &g.Happenings[i]
		for j := range preds {
			if predMatches(h, spans[i], &preds[j]) {
				edges[i] = append(edges[i], j)
			}
		}
	}
	goldOf := bipartite(edges, len(preds))
	predOf := make([]int, len(g.Happenings))
	for i := range predOf {
		predOf[i] = -1
	}
	for j, i := range goldOf {
		if i >= 0 {
			predOf[i] = j
		}
	}
	counts := articleCounts{gold: len(g.Happenings), pred: len(preds)}
	for i := range g.Happenings {
		h := &g.Happenings[i]
		r.Gold++
		ts := r.ByType[h.EventType]
		ts.Gold++
		if h.Key {
			r.GoldKey++
		}
		j := predOf[i]
		if j < 0 {
			r.ByType[h.EventType] = ts
			r.Misses = append(r.Misses, Miss{Article: g.ID, Gold: *h, Near: nearEvents(spans[i], preds)})
			continue
		}
		ts.Found++
		r.ByType[h.EventType] = ts
		r.Matched++
		counts.matched++
		if h.Key {
			r.MatchedKey++
		}
		r.Matches = append(r.Matches, Match{Article: g.ID, Gold: *h, Pred: preds[j]})
		r.scoreAttributes(h, &preds[j])
	}
	for j := range preds {
		t := preds[j].Type()
		ts := r.ByType[t]
		ts.Predicted++
		if goldOf[j] >= 0 {
			ts.Correct++
		} else {
			dup := false
			for i := range g.Happenings {
				if predOf[i] >= 0 && predMatches(&g.Happenings[i], spans[i], &preds[j]) {
					dup = true
				}
			}
			r.Alarms = append(r.Alarms, Alarm{Article: g.ID, Pred: preds[j], Duplicate: dup})
		}
		r.ByType[t] = ts
		r.Predicted++
	}
	r.perArticle = append(r.perArticle, counts)
}

// Finish computes the rates.
func (r *ArticlesReport) Finish() {
	r.Recall = ratio(r.Matched, r.Gold)
	r.KeyRecall = ratio(r.MatchedKey, r.GoldKey)
	r.Precision = ratio(r.Matched, r.Predicted)
	r.F1 = f1(r.Precision, r.Recall)
	for t, ts := range r.ByType {
		ts.Recall = ratio(ts.Found, ts.Gold)
		ts.Precision = ratio(ts.Correct, ts.Predicted)
		ts.F1 = f1(ts.Precision, ts.Recall)
		r.ByType[t] = ts
	}
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// span is a half-open code point range of the article text.
type span struct{ start, end int }

// mentionSpans finds each happening's mention sentences in text (code
// point offsets). A mention the text does not contain has no span (the
// gold checker rejects such files).
func mentionSpans(g *GoldArticle, text string) [][]span {
	out := make([][]span, len(g.Happenings))
	for i, h := range g.Happenings {
		for _, m := range h.Mentions {
			if m.Text == "" {
				continue
			}
			if at := strings.Index(text, m.Text); at >= 0 {
				s := utf8.RuneCountInString(text[:at])
				out[i] = append(out[i], span{s, s + utf8.RuneCountInString(m.Text)})
			}
		}
	}
	return out
}

// predMatches: the type agrees and one of the prediction's triggers is in
// one of the gold happening's mention sentences.
func predMatches(h *GoldHappening, spans []span, p *Prediction) bool {
	types := h.Types()
	for _, e := range p.Events {
		if !slices.Contains(types, e.EventType) {
			continue
		}
		for _, s := range spans {
			if e.Trigger.Start >= s.start && e.Trigger.Start < s.end {
				return true
			}
		}
	}
	return false
}

func nearEvents(spans []span, preds []Prediction) []string {
	var out []string
	for _, p := range preds {
		for _, e := range p.Events {
			for _, s := range spans {
				if e.Trigger.Start >= s.start && e.Trigger.Start < s.end {
					out = append(out, e.EventType+":"+e.Trigger.Text)
				}
			}
		}
	}
	return out
}

// bipartite returns, for each prediction, the gold happening it is matched
// to (-1 for none), maximising the number of matches (augmenting paths;
// articles are small). Gold happenings are tried in order, so that ties go
// to the earlier one.
func bipartite(edges [][]int, npred int) []int {
	goldOf := make([]int, npred)
	for j := range goldOf {
		goldOf[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range edges[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if goldOf[j] < 0 || try(goldOf[j], seen) {
				goldOf[j] = i
				return true
			}
		}
		return false
	}
	for i := range edges {
		try(i, make([]bool, npred))
	}
	return goldOf
}

// scoreAttributes compares a matched prediction's roles, place, date and
// modality with the gold happening's. The prediction's first event of the
// happening carries the merged attributes.
func (r *ArticlesReport) scoreAttributes(h *GoldHappening, p *Prediction) {
	e := &p.Events[0]
	r.Source.add(sameActor(h.Source, e.Source))
	r.Target.add(sameActor(h.Target, e.Target))
	if h.Location != nil {
		r.Country.add(e.Location != nil && string(e.Location.Country) == h.Location.Country)
		r.Place.add(e.Location != nil && samePlace(h.Location, e.Location))
	} else {
		r.NoPlace.add(e.Location == nil)
	}
	if h.Date != nil {
		right := e.Date != "" && strings.HasPrefix(string(e.Date), *h.Date)
		r.Date.add(right)
		if h.DateText != "" {
			r.DateStated.add(right)
		}
	}
	r.Modality.add(e.Modality == h.Modality)
	switch {
	case h.Fatalities != nil:
		r.Fatalities.add(e.Fatalities != nil && *e.Fatalities == *h.Fatalities)
	case e.Fatalities != nil:
		r.SpuriousTolls++
	}
}

// sameActor: both absent, or the predicted phrase shares a content word
// with the gold phrase or one of its other forms (after folding, without
// clitics), so "الجيش" matches "قوات الجيش الوطني الليبي".
func sameActor(g *GoldActor, p *marsad.ActorRef) bool {
	if g == nil || p == nil {
		return g == nil && p == nil
	}
	pw := contentWords(p.Text)
	for _, form := range append([]string{g.Text}, g.Also...) {
		for w := range contentWords(form) {
			if pw[w] {
				return true
			}
		}
	}
	return g.Name != "" && strings.EqualFold(g.Name, string(p.Name))
}

func samePlace(g *GoldPlace, p *marsad.PlaceRef) bool {
	if g.Name != "" && strings.EqualFold(g.Name, string(p.Name)) {
		return true
	}
	pw := contentWords(p.Text)
	for w := range contentWords(g.Text) {
		if pw[w] {
			return true
		}
	}
	return false
}

// roleStopWords are words that name no one by themselves.
var roleStopWords = map[string]bool{"في": true, "من": true, "على": true, "عن": true, "الى": true, "مع": true}

// contentWords are the stems of a phrase (arabic.Stems) that can name
// someone: two letters or more, and no preposition.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range arabic.Stems(s) {
		if !roleStopWords[w] && utf8.RuneCountInString(w) >= 2 {
			out[w] = true
		}
	}
	return out
}

// WriteTable prints the report for people.
func (r *ArticlesReport) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "article-level events: %d articles, %d gold happenings (%d key), %d predicted happenings\n\n",
		r.Articles, r.Gold, r.GoldKey, r.Predicted)
	fmt.Fprintf(w, "  key-happening recall  %.3f  (%d of %d)\n", r.KeyRecall, r.MatchedKey, r.GoldKey)
	fmt.Fprintf(w, "  recall                %.3f  (%d of %d)\n", r.Recall, r.Matched, r.Gold)
	fmt.Fprintf(w, "  precision             %.3f  (%d of %d)\n", r.Precision, r.Matched, r.Predicted)
	fmt.Fprintf(w, "  F1                    %.3f\n\n", r.F1)
	fmt.Fprintf(w, "  over matched happenings: right / scored\n")
	for _, a := range []struct {
		name string
		s    AttrScore
	}{{"source", r.Source}, {"target", r.Target}, {"place (country)", r.Country}, {"place", r.Place}, {"no place", r.NoPlace},
		{"date", r.Date}, {"date (stated)", r.DateStated}, {"modality", r.Modality}, {"fatalities", r.Fatalities}} {
		fmt.Fprintf(w, "  %-16s %.3f  (%d of %d)\n", a.name, a.s.Rate, a.s.Right, a.s.Of)
	}
	fmt.Fprintf(w, "  %-16s %d (a toll where the gold has none)\n", "spurious tolls", r.SpuriousTolls)
	fmt.Fprintf(w, "\n  %-10s %5s %5s %6s %6s %6s\n", "type", "gold", "pred", "R", "P", "F1")
	types := make([]string, 0, len(r.ByType))
	for t := range r.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		ts := r.ByType[t]
		fmt.Fprintf(w, "  %-10s %5d %5d %6.3f %6.3f %6.3f\n", t, ts.Gold, ts.Predicted, ts.Recall, ts.Precision, ts.F1)
	}
}

// WriteErrors lists misses, false alarms and wrong tolls, tab-separated:
// kind, article, type, trigger or mention, and what was near (for TOLL,
// the gold and predicted tolls).
func (r *ArticlesReport) WriteErrors(w io.Writer) {
	for _, m := range r.Misses {
		trig, sent := "", ""
		if len(m.Gold.Mentions) > 0 {
			trig, sent = m.Gold.Mentions[0].Trigger, m.Gold.Mentions[0].Text
		}
		key := ""
		if m.Gold.Key {
			key = " key"
		}
		fmt.Fprintf(w, "MISS%s\t%s\t%s/%s\t%s\tnear=%s\t%s\n", key, m.Article, m.Gold.EventType, m.Gold.Modality, trig, strings.Join(m.Near, ","), sent)
	}
	for _, a := range r.Alarms {
		e := a.Pred.Events[0]
		kind := "ALARM"
		if a.Duplicate {
			kind = "DUP"
		}
		fmt.Fprintf(w, "%s\t%s\t%s/%s\t%s\t\t%s\n", kind, a.Article, e.EventType, e.Modality, e.Trigger.Text, e.Sentence)
	}
	toll := func(n *int) string {
		if n == nil {
			return "none"
		}
		return strconv.Itoa(*n)
	}
	for _, m := range r.Matches {
		h, e := &m.Gold, &m.Pred.Events[0]
		got := "-"
		if e.Location != nil {
			got = fmt.Sprintf("%s (%s %s)", e.Location.Text, e.Location.Country, e.Location.Name)
		}
		switch {
		case h.Location != nil && (e.Location == nil || !samePlace(h.Location, e.Location)):
			fmt.Fprintf(w, "PLACE\t%s\t%s\tgold %s (%s %s)\tgot %s\n", m.Article, h.EventType, h.Location.Text, h.Location.Country, h.Location.Name, got)
		case h.Location == nil && e.Location != nil:
			fmt.Fprintf(w, "PLACE\t%s\t%s\tgold none\tgot %s\n", m.Article, h.EventType, got)
		}
		if h.Date != nil && !strings.HasPrefix(string(e.Date), *h.Date) {
			fmt.Fprintf(w, "DATE\t%s\t%s\tgold %s %q\tgot %s %q\n", m.Article, h.EventType, *h.Date, h.DateText, e.Date, e.DateText)
		}
		for _, r := range []struct {
			kind string
			g    *GoldActor
			p    *marsad.ActorRef
		}{{"SOURCE", h.Source, e.Source}, {"TARGET", h.Target, e.Target}} {
			if !sameActor(r.g, r.p) {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\tgold=%s pred=%s\t%s\n", r.kind, m.Article, e.EventType, e.Trigger.Text, goldActorText(r.g), refText(r.p), e.Sentence)
			}
		}
		if g, p := toll(m.Gold.Fatalities), toll(e.Fatalities); g != p {
			fmt.Fprintf(w, "TOLL\t%s\t%s\t%s\tgold=%s pred=%s\t%s\n", m.Article, e.EventType, e.Trigger.Text, g, p, e.Sentence)
		}
	}
}

// goldActorText and refText show a role's text in an error line, - when
// there is none.
func goldActorText(a *GoldActor) string {
	if a == nil {
		return "-"
	}
	return strconv.Quote(a.Text)
}

func refText(a *marsad.ActorRef) string {
	if a == nil {
		return "-"
	}
	return strconv.Quote(a.Text)
}

// Articles codes every gold article (its text from docs, by id) and scores
// the happenings found.
func Articles(ctx context.Context, gold []GoldArticle, docs map[string]marsad.Document, code CodeFunc) (*ArticlesReport, error) {
	rep := &ArticlesReport{}
	if err := scoreArticles(ctx, gold, docs, func(int) bool { return true }, code, rep); err != nil {
		return nil, err
	}
	rep.Finish()
	return rep, nil
}

// scoreArticles codes the gold articles that pick selects and adds their
// scores to rep (Finish is the caller's: cross-validation adds every
// fold's articles to one report).
func scoreArticles(ctx context.Context, gold []GoldArticle, docs map[string]marsad.Document, pick func(int) bool, code CodeFunc, rep *ArticlesReport) error {
	for i := range gold {
		if !pick(i) {
			continue
		}
		g := &gold[i]
		doc, ok := docs[g.ID]
		if !ok {
			return fmt.Errorf("%s: article %s is not in the corpus", g.File, g.ID)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		evs, err := code(ctx, doc)
		if err != nil {
			return fmt.Errorf("coding %s: %w", g.ID, err)
		}
		rep.ScoreArticle(g, doc.Text, GroupEvents(evs))
	}
	return nil
}

// Agreement scores annotation b against annotation a of the same articles
// with the rule of Articles: b's happenings are the predictions, each
// mention of b an event at its trigger (or sentence start). Precision is
// then b's agreement with a, recall a's with b.
func Agreement(a, b []GoldArticle, docs map[string]marsad.Document) (*ArticlesReport, error) {
	byID := map[string]*GoldArticle{}
	for i := range b {
		byID[b[i].ID] = &b[i]
	}
	rep := &ArticlesReport{}
	for i := range a {
		ga := &a[i]
		gb, ok := byID[ga.ID]
		if !ok {
			continue
		}
		doc, ok := docs[ga.ID]
		if !ok {
			return nil, fmt.Errorf("%s: article %s is not in the corpus", ga.File, ga.ID)
		}
		rep.ScoreArticle(ga, doc.Text, AnnotationAsPredictions(gb, doc.Text))
	}
	rep.Finish()
	return rep, nil
}

// AnnotationAsPredictions turns an annotation into predicted happenings:
// one event per mention, at the mention's trigger, with the happening's
// roles, place, date and modality.
func AnnotationAsPredictions(g *GoldArticle, text string) []Prediction {
	spans := mentionSpans(g, text)
	var out []Prediction
	for i, h := range g.Happenings {
		var p Prediction
		for k, s := range spans[i] {
			at := s.start
			if k < len(h.Mentions) && h.Mentions[k].Trigger != "" {
				if off := strings.Index(h.Mentions[k].Text, h.Mentions[k].Trigger); off >= 0 {
					at += utf8.RuneCountInString(h.Mentions[k].Text[:off])
				}
			}
			e := marsad.Event{ID: fmt.Sprintf("%s-%s-%d", g.ID, h.ID, k), EventType: h.EventType, Modality: h.Modality,
				HappeningID: marsad.OptText(h.ID), Trigger: marsad.Span{Start: at, End: at + 1}}
			if h.Source != nil {
				e.Source = &marsad.ActorRef{Text: h.Source.Text, Name: marsad.OptText(h.Source.Name)}
			}
			if h.Target != nil {
				e.Target = &marsad.ActorRef{Text: h.Target.Text, Name: marsad.OptText(h.Target.Name)}
			}
			if h.Location != nil {
				e.Location = &marsad.PlaceRef{Text: h.Location.Text, Name: marsad.OptText(h.Location.Name), Country: marsad.OptText(h.Location.Country)}
			}
			if h.Date != nil {
				e.Date = marsad.OptText(*h.Date)
			}
			p.Events = append(p.Events, e)
		}
		if len(p.Events) > 0 {
			out = append(out, p)
		}
	}
	return out
}

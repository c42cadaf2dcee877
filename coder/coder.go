// Package coder turns a document into PLOVER events: for each sentence it
// finds event triggers, then the source and target actors (Arabic is mostly
// verb-subject-object), the location, the date, who claims it, the modality
// and any stated death toll, and keeps exact offsets for every span.
//
// All vocabulary comes from data: the lexicon (actors, agents, triggers,
// places), the cue list (negation, modality, attribution, numbers) and the
// date words; the rules here only say how they combine.
package coder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/coref"
	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/linear"
)

// Coder codes documents. It is safe for concurrent use.
type Coder struct {
	// filter scores candidates of the event types it was trained for;
	// the others pass on the rules alone.
	filter map[string]*linear.Model
	lex    *lexicon.Lexicon
	cues   *Cues
	ner    EntityTagger
	dates  DateResolver
}

// EntityTagger finds named entities (PERS, ORG, LOC, MISC) in tokens.
type EntityTagger interface {
	Entities(toks []marsad.Token) []Entity
}

// Entity is a recognised name, in token indices [TokStart, TokEnd).
type Entity struct {
	Type             string
	TokStart, TokEnd int
}

// DateResolver finds date expressions in a sentence and resolves them
// against the article date (YYYY-MM-DD, or "" when unknown).
type DateResolver interface {
	Resolve(sentence, articleDate string) []DateExpr
}

// DateExpr is a resolved date expression; offsets are code points into
// the sentence.
type DateExpr struct {
	Start, End int
	Text       string
	Date       string // YYYY-MM-DD, "" when it cannot be resolved
	Precision  string // day, week, month or year
}

// Options configure a Coder; nil members are simply not used.
type Options struct {
	NER   EntityTagger
	Dates DateResolver
	// Filter maps an event type to the model that accepts or drops its
	// candidates (see TrainFilter).
	Filter map[string]*linear.Model
}

// New returns a coder over the given dictionaries and cues.
func New(lex *lexicon.Lexicon, cues *Cues, opt Options) *Coder {
	return &Coder{lex: lex, cues: cues, ner: opt.NER, dates: opt.Dates, filter: opt.Filter}
}

// Code codes one document.
func (c *Coder) Code(ctx context.Context, doc marsad.Document) ([]marsad.Event, error) {
	cands, err := c.Candidates(ctx, doc)
	if err != nil {
		return nil, err
	}
	verdicts := make([]Verdict, len(cands))
	for i := range cands {
		verdicts[i] = c.Judge(&cands[i])
	}
	return Assemble(cands, verdicts), nil
}

// Assemble turns judged candidates (in document order) into the output
// events: the kept ones, folded per sentence where two triggers tell one
// happening, then linked across the article (package coref).
func Assemble(cands []Candidate, verdicts []Verdict) []marsad.Event {
	var out, sent []marsad.Event
	flush := func() {
		out = append(out, mergeSameType(sent)...)
		sent = sent[:0]
	}
	for i := range cands {
		if i > 0 && cands[i].Event.SentenceIndex != cands[i-1].Event.SentenceIndex {
			flush()
		}
		vd := verdicts[i]
		if !vd.Keep {
			continue
		}
		e := cands[i].Event
		if vd.Filtered {
			p := vd.Prob
			if vd.Confidence > 0 {
				p = vd.Confidence
			}
			e.Confidence = math.Round(p*100) / 100
		}
		if vd.Historical {
			e.Modality = marsad.Historical
		}
		if cands[i].Toll {
			e.Mention = coref.Toll
		}
		sent = append(sent, e)
	}
	flush()
	var dateline *marsad.PlaceRef
	near := map[string]bool{}
	for i := range cands {
		dateline = cands[i].Dateline
		if cands[i].NearPlace {
			near[cands[i].Event.EventType] = true
		}
	}
	return withModelRoles(withoutStopActors(placeFromContext(coref.Link(out), near, dateline), cands), cands)
}

// refOf is a phrase's actor reference, nil for none.
func refOf(a *actorSpan) *marsad.ActorRef {
	if a == nil {
		return nil
	}
	r := a.ref
	return &r
}

// withModelRoles gives each output event the roles the role models chose
// for its trigger. The rules' roles decided which reports tell one
// happening (the filter and coreference were built on them); the models
// then say who did it to whom. A role another mention filled in stays
// when the model finds none in the event's own sentence.
func withModelRoles(evs []marsad.Event, cands []Candidate) []marsad.Event {
	type key struct {
		start, end int
		typ        string
	}
	byTrigger := map[key]*Candidate{}
	for i := range cands {
		if cd := &cands[i]; cd.RoleModel {
			byTrigger[key{cd.Event.Trigger.Start, cd.Event.Trigger.End, cd.Event.EventType}] = cd
		}
	}
	for i := range evs {
		e := &evs[i]
		cd := byTrigger[key{e.Trigger.Start, e.Trigger.End, e.EventType}]
		if cd == nil {
			continue
		}
		own := func(cur, rule *marsad.ActorRef) bool { return cur == nil || rule != nil && sameSpan(cur, rule) }
		if cd.ModelSource != nil || own(e.Source, cd.Event.Source) {
			e.Source = cd.ModelSource
		}
		if cd.ModelTarget != nil && !sameSpan(cd.ModelTarget, e.Source) || own(e.Target, cd.Event.Target) {
			e.Target = cd.ModelTarget
		}
		if sameSpan(e.Source, e.Target) {
			e.Target = nil
		}
	}
	return evs
}

// withoutStopActors drops the roles that are phrases of the actor stop
// list (Candidate.NotSource, NotTarget), after the article's happenings
// were linked with them, so that the stop list changes no grouping.
func withoutStopActors(evs []marsad.Event, cands []Candidate) []marsad.Event {
	type span struct{ start, end int }
	stop := map[span]bool{}
	for _, cd := range cands {
		if e := cd.Event; cd.NotSource && e.Source != nil {
			stop[span{e.Source.Start, e.Source.End}] = true
		}
		if e := cd.Event; cd.NotTarget && e.Target != nil {
			stop[span{e.Target.Start, e.Target.End}] = true
		}
	}
	for i := range evs {
		if r := evs[i].Source; r != nil && stop[span{r.Start, r.End}] {
			evs[i].Source = nil
		}
		if r := evs[i].Target; r != nil && stop[span{r.Start, r.End}] {
			evs[i].Target = nil
		}
	}
	return evs
}

// placeFromContext gives an event whose sentence names no place the place
// the article gives it elsewhere: first another mention of the same
// happening (coreference), else the nearest earlier event that shares an
// actor with it (context: the article is still telling that actor's
// story) or, for types whose frame says place=near (a strike, an arrest),
// the nearest earlier event with a place, else the article's dateline. An event the article places
// nowhere gets none. The span still points to where the text names the
// place, and Basis says which rule chose it.
func placeFromContext(evs []marsad.Event, near map[string]bool, dateline *marsad.PlaceRef) []marsad.Event {
	own := make([]bool, len(evs))
	for i := range evs {
		own[i] = evs[i].Location != nil
	}
	byHappening := map[marsad.OptText]*marsad.PlaceRef{}
	for i := range evs {
		if own[i] && evs[i].HappeningID != "" && byHappening[evs[i].HappeningID] == nil {
			byHappening[evs[i].HappeningID] = evs[i].Location
		}
	}
	withBasis := func(l *marsad.PlaceRef, basis string) *marsad.PlaceRef {
		c := *l
		c.Basis = marsad.OptText(basis)
		return &c
	}
	for i := range evs {
		if own[i] {
			continue
		}
		if l := byHappening[evs[i].HappeningID]; l != nil && evs[i].HappeningID != "" {
			evs[i].Location = withBasis(l, marsad.BasisCoreference)
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if own[j] && (near[evs[i].EventType] || shareActor(&evs[i], &evs[j])) {
				evs[i].Location = withBasis(evs[j].Location, marsad.BasisContext)
				break
			}
		}
		if evs[i].Location == nil && near[evs[i].EventType] {
			// A lede often says what happened before saying where.
			for j := i + 1; j < len(evs); j++ {
				if own[j] {
					evs[i].Location = withBasis(evs[j].Location, marsad.BasisContext)
					break
				}
			}
		}
		if evs[i].Location == nil && dateline != nil {
			evs[i].Location = withBasis(dateline, marsad.BasisDateline)
		}
	}
	return evs
}

// shareActor reports whether two events have a source or target in
// common: the same dictionary actor, or the same words.
func shareActor(a, b *marsad.Event) bool {
	for _, x := range []*marsad.ActorRef{a.Source, a.Target} {
		for _, y := range []*marsad.ActorRef{b.Source, b.Target} {
			if x == nil || y == nil {
				continue
			}
			if x.ActorID != "" && x.ActorID == y.ActorID || x.ActorID == "" && y.ActorID == "" && arabic.Fold(x.Text) == arabic.Fold(y.Text) {
				return true
			}
		}
	}
	return false
}

// dateline returns the place of an article's dateline: a place name
// opening the first sentence, followed within a few words by the dash or
// parenthesis that ends a dateline ("طرابلس - …", "دبي، الإمارات (CNN)--").
func (v *sentenceView) dateline(dc *lexicon.DocContext) *marsad.PlaceRef {
	if len(v.places) == 0 || v.places[0].start != 0 || v.places[0].inActor {
		return nil
	}
	for i := v.places[0].end; i < len(v.toks) && i < datelineWords; i++ {
		switch strings.TrimSpace(v.toks[i].Text) {
		case "-", "–", "—", "--", "(", ":":
			l := v.placeRef(&v.places[0], dc)
			l.Basis = marsad.BasisDateline
			return l
		}
	}
	return nil
}

// datelineWords is how far into the first sentence a dateline may end.
const datelineWords = 8

// views analyses every sentence of the document.
func (c *Coder) views(ctx context.Context, doc marsad.Document, all bool) ([]*sentenceView, *lexicon.DocContext, error) {
	sents := arabic.Split(doc.Text)
	views := make([]*sentenceView, 0, len(sents))
	for _, s := range sents {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		views = append(views, c.analyse(s, doc.Date, all))
	}
	return views, c.docContext(views), nil
}

func (c *Coder) docContext(views []*sentenceView) *lexicon.DocContext {
	dc := lexicon.NewDocContext()
	for _, v := range views {
		dc.Add(v.matches)
	}
	return dc
}

// candidates lists every trigger of the sentence as a possible event,
// with its roles, modality and the features the event filter weighs.
func (c *Coder) candidates(doc marsad.Document, v *sentenceView, dc *lexicon.DocContext) []Candidate {
	var out []Candidate
	claim := v.attribution(c.lex)
	fat, approx := v.fatalities()
	for k := range v.triggers {
		t := &v.triggers[k]
		if v.insideActor(t.start) {
			continue // "قوات الردع" names a group, not an event
		}
		modality, embed := v.modality(t)
		src, tgt := v.roles(t)
		opts := v.roleOptions(t, src, tgt)
		roles := make([]RoleOption, len(opts))
		probs := make([][2]float64, len(opts))
		rc := v.roleContextOf(t)
		sink := &featureSink{models: [2]*linear.Model{c.filter[RoleSourceModel], c.filter[RoleTargetModel]}}
		sink.collect = sink.models[0] == nil || sink.models[1] == nil // training reads the features
		stop := make([][2]bool, len(opts))
		for i, a := range opts {
			sink.reset()
			v.roleFeatures(t, rc, a, src, tgt, sink)
			stop[i] = [2]bool{v.notActor(a) || v.notDoer(a), v.notActor(a)}
			roles[i] = RoleOption{Actor: a.ref, Features: sink.out}
			if !sink.collect {
				probs[i] = [2]float64{sink.prob(0), sink.prob(1)}
			}
		}
		msrc, mtgt, chosen, why := v.chooseRoles(t, src, tgt, opts, stop, probs, c.filter)
		var evFat *int
		if c.cues.frameOf(t.eventType).Fatalities {
			evFat = fat
		}
		e := marsad.Event{
			DocID:         doc.ID,
			EventType:     t.eventType,
			Mode:          marsad.OptText(t.mode),
			Context:       append([]string{}, t.context...),
			CAMEO:         marsad.OptText(t.cameo),
			Modality:      modality,
			ClaimedBy:     claim,
			SentenceIndex: v.sent.Index,
			SentenceStart: v.sent.Start,
			SentenceEnd:   v.sent.End,
			Sentence:      v.sent.Text,
			Trigger:       v.span(t.start, t.end),
			CoderVersion:  marsad.CoderVersion,
		}
		if src != nil {
			r := src.ref
			e.Source = &r
		}
		if tgt != nil {
			r := tgt.ref
			e.Target = &r
		}
		if evFat != nil {
			n := *evFat
			e.Fatalities, e.FatalitiesApprox = &n, approx
		}
		e.Location = v.location(t, dc)
		c.date(&e, doc, v, t)
		e.Confidence = confidence(t, &e)
		e.ID = eventID(doc, &e)
		cd := Candidate{Event: e, Suppressed: embed != "", Embed: embed, Noun: t.noun, Roles: roles, RoleWhy: why, RoleModel: chosen,
			Anchored: !t.noun || v.anchored(t, src, tgt, evFat)}
		cd.Features = v.features(t, &cd, src, tgt)
		if chosen {
			cd.ModelSource, cd.ModelTarget = refOf(msrc), refOf(mtgt)
		}
		_, kill := v.cueCovering(t.start, cueKill)
		cd.Background = kill && !t.noun && src != nil && tgt != nil && v.relativeBefore(t)
		cd.Toll = evFat != nil && v.hasCue(cueRunningToll)
		cd.NearPlace = c.cues.frameOf(t.eventType).NearPlace
		cd.Disaster = kill && t.eventType == "ASSAULT" && src == nil && v.hasCue(cueDisaster)
		cd.NotSource, cd.NotTarget = v.notActor(src) || v.notDoer(src), v.notActor(tgt)
		out = append(out, cd)
	}
	return out
}

// relativeBefore reports whether a relative pronoun introduces the
// trigger's clause (التي قتل، الذي استهدف).
func (v *sentenceView) relativeBefore(t *trigger) bool {
	for i := t.start - 1; i >= 0 && t.start-i <= 2; i-- {
		if _, ok := v.hasCueAt(i, cueRelative); ok {
			return true
		}
	}
	return false
}

// notActor reports whether a phrase found by grammar alone is all words
// of the actor stop list or function words (cues.tsv, not-actor).
func (v *sentenceView) notActor(a *actorSpan) bool {
	if a == nil || a.how != "np" {
		return false
	}
	for i := a.start; i < a.end; i++ {
		_, stop := v.hasCueAt(i, cueNotActor)
		_, fn := v.hasCueAt(i, cueFunction)
		if !stop && !fn {
			return false
		}
	}
	return true
}

// notDoer reports whether a phrase found by grammar alone cannot be who
// did something, though it can be what was acted on: one indefinite word
// in the accusative (مجددا، رسميا، قرارا: adverbs and objects, a subject
// is nominative) or a bare place name (قصفت غزة is a target, never a doer).
func (v *sentenceView) notDoer(a *actorSpan) bool {
	if a == nil || a.how != "np" {
		return false
	}
	if v.triggerNounAt(a.start) && !v.doerAt(a.start) {
		return true // انطلاق عملية تحرير العاصمة: an event is no one
	}
	if a.end-a.start == 1 && !v.doerAt(a.start) && !v.complementizerBefore(a.start) {
		t := &v.toks[a.start]
		stem := t.Stem
		if stem == "" {
			stem = t.Norm
		}
		if t.Kind == marsad.Word && !nominal(t) && strings.HasSuffix(stem, "ا") && !strings.HasSuffix(stem, "اا") &&
			!strings.HasSuffix(t.Text, "اء") {
			return true
		}
	}
	for _, p := range v.places {
		if p.start <= a.start && a.end <= p.end && !p.inActor {
			return true
		}
	}
	return false
}

// complementizerBefore reports whether إن/أن is right before token i: the
// subject after it is accusative (إن انتحاريا فجر نفسه).
func (v *sentenceView) complementizerBefore(i int) bool {
	if i == 0 {
		return false
	}
	_, ok := v.hasCueAt(i-1, cueComplement)
	return ok
}

// insideActor reports whether token i is part of an actor phrase.
func (v *sentenceView) insideActor(i int) bool {
	for _, a := range v.actors {
		if a.start <= i && i < a.end && (a.how == "dict" || a.how == "agent") {
			return true
		}
	}
	return false
}

// location picks the place for trigger t: a gazetteer match in the
// sentence that is not part of an actor's name, nearest to the trigger,
// preferring places introduced by a preposition (في طرابلس، بمصراتة).
func (v *sentenceView) location(t *trigger, dc *lexicon.DocContext) *marsad.PlaceRef {
	var best *placeSpan
	bestScore := 1 << 30
	for k := range v.places {
		p := &v.places[k]
		if p.inActor || len(p.cands) == 0 {
			continue
		}
		d := p.start - t.end
		if d < 0 {
			d = t.start - p.end + 2 // places after the trigger are likelier
		}
		if !v.prepBefore(p.start) && !v.locativeBefore(p.start) {
			d += 6
		}
		if d < bestScore {
			best, bestScore = p, d
		}
	}
	if best == nil {
		return nil
	}
	return v.placeRef(best, dc)
}

// placeRef resolves a place span among its candidates.
func (v *sentenceView) placeRef(p *placeSpan, dc *lexicon.DocContext) *marsad.PlaceRef {
	pl := dc.Resolve(p.cands)
	sp := v.span(p.start, p.end)
	lat, lon := pl.Lat, pl.Lon
	return &marsad.PlaceRef{Text: sp.Text, Start: sp.Start, End: sp.End, Name: marsad.OptText(pl.Name),
		Country: marsad.OptText(pl.Country), Lat: &lat, Lon: &lon, GazetteerID: marsad.OptText(pl.ID),
		Kind: marsad.OptText(pl.Kind), Admin1: marsad.OptText(pl.Admin1),
		Precision: marsad.OptText(marsad.PlacePrecision(pl.Kind)), Basis: marsad.BasisSentence}
}

// locativeBefore: a place preceded by a locative noun (مدينة طرابلس، العاصمة
// طرابلس) whose own first word has a preposition.
func (v *sentenceView) locativeBefore(i int) bool {
	for j := i - 1; j >= 0 && i-j <= 2; j-- {
		if v.prepBefore(j) {
			return true
		}
	}
	return false
}

// date sets the event date: a date expression in the sentence, resolved
// against the article date, else the article date itself. An expression
// well before the article date marks the event as historical.
func (c *Coder) date(e *marsad.Event, doc marsad.Document, v *sentenceView, t *trigger) {
	{
		exprs := v.dates
		best := -1
		bestDist := 1 << 30
		trig := v.toks[t.start].Start - v.sent.Start
		for i, x := range exprs {
			d := x.Start - trig
			if d < 0 {
				d = trig - x.End
			}
			if d > dateNear && !v.sameClause(t, x) {
				continue // a date in another clause of a long sentence
			}
			if x.Date != "" && doc.Date != "" && x.Date > doc.Date && e.Modality != marsad.Future && e.Modality != marsad.Hypothetical {
				// The date of what is called for or planned (يدعو لإجراء
				// انتخابات العام المقبل), not of the event.
				continue
			}
			if d < bestDist {
				best, bestDist = i, d
			}
		}
		if best >= 0 {
			x := exprs[best]
			e.Date = marsad.OptText(x.Date)
			e.DateText = marsad.OptText(x.Text)
			e.DatePrecision = marsad.OptText(x.Precision)
			if e.Modality == marsad.Asserted && doc.Date != "" && x.Date != "" && daysBetween(x.Date, doc.Date) > 31 {
				e.Modality = marsad.Historical
			}
			return
		}
	}
	e.Date = marsad.OptText(doc.Date)
	if doc.Date != "" {
		e.DatePrecision = "day"
	}
}

// dateNear is how close (in characters) a date expression must be to the
// trigger to date it across a clause break; in the trigger's own clause
// any distance will do.
const dateNear = 25

// sameClause reports whether no clause break lies between the trigger and
// a date expression of its sentence.
func (v *sentenceView) sameClause(t *trigger, x DateExpr) bool {
	at := -1
	for i := range v.toks {
		if v.toks[i].Start-v.sent.Start >= x.Start {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	if at < t.start {
		return !v.breakBetween(at, t.start)
	}
	return !v.breakBetween(t.end, at)
}

// confidence is a simple evidence score: verbs are surer than nouns, and
// each role, place and date found adds to it.
func confidence(t *trigger, e *marsad.Event) float64 {
	c := 0.55
	if t.noun {
		c = 0.4
	}
	if e.Source != nil {
		c += 0.15
		if e.Source.ActorID != "" {
			c += 0.05
		}
	}
	if e.Target != nil {
		c += 0.1
	}
	if e.Location != nil {
		c += 0.05
	}
	if e.Fatalities != nil {
		c += 0.05
	}
	if c > 0.95 {
		c = 0.95
	}
	v, _ := strconv.ParseFloat(fmt.Sprintf("%.2f", c), 64)
	return v
}

// eventID is a stable hash of where the event is and what it is.
func eventID(doc marsad.Document, e *marsad.Event) string {
	key := doc.ID
	if key == "" {
		key = doc.Hash
	}
	h := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%d|%s", key, e.Trigger.Start, e.Trigger.End, e.EventType)))
	return hex.EncodeToString(h[:8])
}

// mergeSameType folds events of one type in one sentence that describe
// one happening (هجوم … أسفر عن مقتل): the first keeps the roles the
// others found. Events whose sources are two known actors stay apart, and
// so do events whose modalities part them (coref.SameModality: a future or
// past happening is another; a hedge or a denial is not).
func mergeSameType(evs []marsad.Event) []marsad.Event {
	var out []marsad.Event
	for _, e := range evs {
		merged := false
		for i := range out {
			o := &out[i]
			if o.EventType != e.EventType || !coref.SameModality(o.Modality, e.Modality) {
				continue
			}
			if twoParties(o.Source, e.Source) || o.Source != nil && e.Source != nil && o.Source.Start != e.Source.Start && farApart(o, &e) {
				continue
			}
			// The roles another trigger found fill the gaps, but one
			// phrase never becomes both source and target.
			if o.Source == nil && !sameSpan(e.Source, o.Target) {
				o.Source = e.Source
			}
			if o.Target == nil && !sameSpan(e.Target, o.Source) {
				o.Target = e.Target
			}
			if o.Location == nil {
				o.Location = e.Location
			}
			if o.Fatalities == nil {
				o.Fatalities, o.FatalitiesApprox = e.Fatalities, e.FatalitiesApprox
			}
			if e.Confidence > o.Confidence {
				o.Confidence = e.Confidence
			}
			// A hedge on a trigger the sentence also states plainly.
			if e.Modality == marsad.Asserted {
				o.Modality = e.Modality
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Trigger.Start < out[j].Trigger.Start })
	return out
}

// twoParties: two sources in two places of the sentence, each a known
// actor or country (the same actor named twice may do two things). A
// phrase the dictionaries do not know is as often a misread role (the
// victim read as the doer) as another party, so it parts nothing.
func twoParties(a, b *marsad.ActorRef) bool {
	if a == nil || b == nil || a.Start == b.Start {
		return false
	}
	known := func(r *marsad.ActorRef) bool { return r.ActorID != "" || r.Country != "" }
	return known(a) && known(b)
}

// farApart: triggers far apart in a long sentence (a run of clauses
// joined by commas, more than farTriggers code points) tell two things, however
// their sources read.
func farApart(a, b *marsad.Event) bool {
	d := a.Trigger.Start - b.Trigger.Start
	if d < 0 {
		d = -d
	}
	return d > farTriggers
}

const farTriggers = 150

// sameSpan reports whether two actor references overlap in the text.
func sameSpan(a, b *marsad.ActorRef) bool {
	return a != nil && b != nil && a.Start < b.End && b.Start < a.End
}

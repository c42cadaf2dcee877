package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// ploverEntity is an actor as PLOVER records it.
type ploverEntity struct {
	Code       string `json:"code"`   // ISO3 country (or IGO …), "" when unknown
	Sector     string `json:"sector"` // PLOVER sector code
	EntityText string `json:"entity_text"`
	ActorID    string `json:"actor_id,omitempty"` // Marsad dictionary id
	Name       string `json:"name,omitempty"`
}

type ploverLoc struct {
	Name        string   `json:"name"`
	Text        string   `json:"text"`
	Country     string   `json:"country"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	GazetteerID string   `json:"gazetteer_id,omitempty"`
}

type ploverCite struct {
	DocID         string `json:"doc_id"`
	Title         string `json:"title"`
	Source        string `json:"source"`
	URL           string `json:"url"`
	Date          string `json:"date"`
	SentenceIndex int    `json:"sentence_index"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	TriggerStart  int    `json:"trigger_start"`
	TriggerEnd    int    `json:"trigger_end"`
}

// ploverRecord follows the JSON record of the PLOVER manual; fields after
// Comment are Marsad's additions, kept so that nothing coded is lost.
type ploverRecord struct {
	ID        string         `json:"id"`
	HasEvent  bool           `json:"has_event"`
	Date      string         `json:"date"`
	Actor     []ploverEntity `json:"actor"`
	Recipient []ploverEntity `json:"recipient"`
	Event     []string       `json:"event"`
	QuadCode  int            `json:"quad_code,omitempty"`
	Mode      []string       `json:"mode"`
	Context   []string       `json:"context"`
	EventLoc  *ploverLoc     `json:"event_loc"`
	EventText string         `json:"event_text"`
	Text      string         `json:"text"`
	Link      string         `json:"link"`
	CiteInfo  ploverCite     `json:"cite_info"`
	Coder     string         `json:"coder"`
	CodedDate string         `json:"coded_date"`
	CodedTime string         `json:"coded_time"`
	Comment   string         `json:"comment,omitempty"`

	Modality         string        `json:"modality"`
	CAMEO            string        `json:"cameo,omitempty"`
	Fatalities       *int          `json:"fatalities"`
	FatalitiesApprox bool          `json:"fatalities_approx"`
	ClaimedBy        *marsad.Claim `json:"claimed_by"`
	Confidence       float64       `json:"confidence"`
	ClusterID        string        `json:"cluster_id"`
	DateText         string        `json:"date_text,omitempty"`
}

func ploverEntities(r *marsad.ActorRef) []ploverEntity {
	if r == nil {
		return []ploverEntity{}
	}
	return []ploverEntity{{Code: string(r.Country), Sector: string(r.Sector), EntityText: r.Text,
		ActorID: string(r.ActorID), Name: string(r.Name)}}
}

func writePLOVER(w io.Writer, events []store.StoredEvent, opts Options) error {
	t := opts.Tables
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range events {
		e := &events[i]
		rec := ploverRecord{
			ID: e.ID, HasEvent: e.Counts(), Date: e.Day,
			Actor: ploverEntities(e.Source), Recipient: ploverEntities(e.Target),
			Event: []string{e.EventType}, QuadCode: t.quad[e.EventType],
			Mode: []string{}, Context: e.Context,
			EventText: e.Trigger.Text, Text: e.Sentence, Link: e.DocURL,
			CiteInfo: ploverCite{DocID: e.DocID, Title: e.DocTitle, Source: e.DocSource, URL: e.DocURL, Date: e.DocDate,
				SentenceIndex: e.SentenceIndex, SentenceStart: e.SentenceStart, SentenceEnd: e.SentenceEnd,
				TriggerStart: e.Trigger.Start, TriggerEnd: e.Trigger.End},
			Coder: e.CoderVersion, CodedDate: opts.CodedAt.Format(time.DateOnly), CodedTime: opts.CodedAt.Format(time.TimeOnly),
			Modality: e.Modality, CAMEO: string(e.CAMEO), Fatalities: e.Fatalities, FatalitiesApprox: e.FatalitiesApprox,
			ClaimedBy: e.ClaimedBy, Confidence: e.Confidence, ClusterID: e.ClusterID, DateText: string(e.DateText),
		}
		if rec.Context == nil {
			rec.Context = []string{}
		}
		if e.Mode != "" {
			rec.Mode = []string{string(e.Mode)}
		}
		if e.Modality != "" && e.Modality != marsad.Asserted {
			rec.Comment = "modality: " + e.Modality
		}
		if l := e.Location; l != nil {
			rec.EventLoc = &ploverLoc{Name: string(l.Name), Text: l.Text, Country: string(l.Country), Lat: l.Lat, Lon: l.Lon,
				GazetteerID: string(l.GazetteerID)}
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

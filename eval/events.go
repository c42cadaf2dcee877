// Package eval scores Marsad against gold data: whole annotated articles
// (happenings, roles, place, date; and the agreement of two annotations),
// sentence-level event detection (arabic_event_gsr CSV), source/target
// actor spans (the *_spans_dev.jsonl files) and clitic segmentation; and it
// trains and cross-validates the event filters, so that the run-time coder
// carries no training code.
//
// The scorer takes the coder as a function so that it measures exactly
// what `marsad code` produces, with nothing special-cased for evaluation.
package eval

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"

	marsad "github.com/marsad/marsad"
)

// CodeFunc codes one document. Eval gives it each gold sentence as a
// document of its own.
type CodeFunc func(ctx context.Context, doc marsad.Document) ([]marsad.Event, error)

// Metrics are counts and the scores derived from them.
type Metrics struct {
	N         int     `json:"n"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Finish computes precision, recall and F1 from the counts.
func (m *Metrics) Finish() {
	m.Precision = ratio(m.TP, m.TP+m.FP)
	m.Recall = ratio(m.TP, m.TP+m.FN)
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// SentenceResult is one scored gold sentence, kept for error analysis.
type SentenceResult struct {
	ID        string   `json:"id"`
	Label     string   `json:"label"`
	Gold      bool     `json:"gold"`
	Predicted bool     `json:"predicted"`
	Text      string   `json:"text"`
	Triggers  []string `json:"triggers,omitempty"` // triggers of counted events of the file's type
	Other     []string `json:"other,omitempty"`    // other events: "TYPE/modality:trigger"
}

// EventsReport is the result of scoring one detection CSV.
type EventsReport struct {
	EventType string `json:"event_type"`
	Metrics
	DifficultNo          int              `json:"difficult_no"`
	DifficultNoAlarms    int              `json:"difficult_no_false_alarms"`
	DifficultNoAlarmRate float64          `json:"difficult_no_false_alarm_rate"`
	Ambiguous            int              `json:"ambiguous_skipped"`
	Sentences            []SentenceResult `json:"-"`
}

// GoldSentence is one row of an arabic_event_gsr CSV.
type GoldSentence struct {
	ID, EventType, Label, Text string
}

// ReadDetectionCSV reads the gold CSV (columns id, event_type, label, …, text).
func ReadDetectionCSV(r io.Reader) ([]GoldSentence, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"id", "event_type", "label", "text"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("gold CSV has no %q column (columns: %s)", need, strings.Join(head, ","))
		}
	}
	var out []GoldSentence
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("gold CSV record %d: %w", line, err)
		}
		get := func(k string) string {
			if i := col[k]; i < len(rec) {
				return rec[i]
			}
			return ""
		}
		out = append(out, GoldSentence{ID: get("id"), EventType: get("event_type"), Label: strings.TrimSpace(get("label")), Text: get("text")})
	}
	return out, nil
}

// Events scores event detection: a sentence is predicted positive when the
// coder emits at least one event of the gold file's event type whose
// modality counts (asserted or historical).
func Events(ctx context.Context, gold []GoldSentence, code CodeFunc) (*EventsReport, error) {
	rep := &EventsReport{}
	for _, g := range gold {
		if rep.EventType == "" {
			rep.EventType = g.EventType
		}
		if g.Label == "ambiguous" {
			rep.Ambiguous++
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		evs, err := code(ctx, marsad.Document{ID: g.ID, Text: g.Text})
		if err != nil {
			return nil, fmt.Errorf("coding %s: %w", g.ID, err)
		}
		res := SentenceResult{ID: g.ID, Label: g.Label, Gold: g.Label == "yes", Text: g.Text}
		for _, e := range evs {
			if e.EventType == g.EventType && e.Counts() {
				res.Predicted = true
				res.Triggers = append(res.Triggers, e.Trigger.Text)
			} else {
				res.Other = append(res.Other, e.EventType+"/"+e.Modality+":"+e.Trigger.Text)
			}
		}
		rep.N++
		switch {
		case res.Gold && res.Predicted:
			rep.TP++
		case res.Gold:
			rep.FN++
		case res.Predicted:
			rep.FP++
		default:
			rep.TN++
		}
		if g.Label == "difficult no" {
			rep.DifficultNo++
			if res.Predicted {
				rep.DifficultNoAlarms++
			}
		}
		rep.Sentences = append(rep.Sentences, res)
	}
	rep.Finish()
	rep.DifficultNoAlarmRate = ratio(rep.DifficultNoAlarms, rep.DifficultNo)
	return rep, nil
}

// WriteTable prints the report for people.
func (r *EventsReport) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "event detection: %s (%d sentences scored, %d ambiguous left out)\n\n", r.EventType, r.N, r.Ambiguous)
	fmt.Fprintf(w, "  %-10s %6s %6s %6s %6s\n", "", "TP", "FP", "FN", "TN")
	fmt.Fprintf(w, "  %-10s %6d %6d %6d %6d\n\n", "counts", r.TP, r.FP, r.FN, r.TN)
	fmt.Fprintf(w, "  precision  %.3f\n  recall     %.3f\n  F1         %.3f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(w, "  false alarms on 'difficult no': %d of %d (%.1f%%)\n", r.DifficultNoAlarms, r.DifficultNo, 100*r.DifficultNoAlarmRate)
}

// WriteErrors lists false positives and false negatives, for error analysis.
func (r *EventsReport) WriteErrors(w io.Writer) {
	rows := append([]SentenceResult(nil), r.Sentences...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Label < rows[j].Label })
	for _, s := range rows {
		var tag string
		switch {
		case s.Predicted && !s.Gold:
			tag = "FP"
		case s.Gold && !s.Predicted:
			tag = "FN"
		default:
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\ttriggers=%s\tother=%s\t%s\n", tag, s.ID, s.Label, strings.Join(s.Triggers, ","), strings.Join(s.Other, ","), s.Text)
	}
}

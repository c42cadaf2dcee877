package coder

import (
	"context"
	"fmt"
	"io"
	"strings"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/lexicon"
)

// Explain writes, for each sentence of text, the tokens with their
// segmentation and everything the dictionaries, recogniser and cues found,
// so an analyst can see why the coder did what it did; with features it
// also lists what the filter weighs for each candidate.
func (c *Coder) Explain(w io.Writer, text string, features bool) {
	doc := marsad.Document{ID: "explain", Text: text}
	views, _, err := c.views(context.Background(), doc, true)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	// Candidates of the whole text, as Code judges them (the article
	// filter reads features of the whole article).
	cands, err := c.Candidates(context.Background(), doc)
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	for _, v := range views {
		s := v.sent
		fmt.Fprintf(w, "sentence %d [%d:%d]: %s\n", s.Index, s.Start, s.End, s.Text)
		for i, t := range v.toks {
			var notes []string
			for _, m := range v.matches {
				if m.TokStart == i {
					notes = append(notes, fmt.Sprintf("%s[%d:%d]=%s", m.Kind, m.TokStart, m.TokEnd, matchLabel(m)))
				}
			}
			for _, h := range v.cueAt[i] {
				notes = append(notes, "cue:"+h.kind)
			}
			for _, e := range v.ents {
				if e.TokStart == i {
					notes = append(notes, fmt.Sprintf("ner:%s[%d:%d]", e.Type, e.TokStart, e.TokEnd))
				}
			}
			seg := strings.Join(append(append(append([]string{}, t.Prefixes...), "["+t.Stem+"]"), t.Suffixes...), "+")
			fmt.Fprintf(w, "  %3d %-14s %-22s %s\n", i, t.Text, seg, strings.Join(notes, " "))
		}
		for _, a := range v.actors {
			fmt.Fprintf(w, "  actor %s [%d:%d] %q id=%s country=%s sector=%s\n", a.how, a.start, a.end, a.ref.Text, a.ref.ActorID, a.ref.Country, a.ref.Sector)
		}
		for _, cd := range cands {
			if cd.Event.SentenceIndex != s.Index {
				continue
			}
			e := cd.Event
			vd := c.Judge(&cd)
			verdict := vd.Reason
			if vd.Filtered {
				verdict = fmt.Sprintf("%s (p=%.3f)", vd.Reason, vd.Prob)
			}
			src, tgt := e.Source, e.Target
			if cd.RoleModel {
				src, tgt = cd.ModelSource, cd.ModelTarget
			}
			fmt.Fprintf(w, "  candidate %s/%s %q modality=%s source=%s target=%s — %s\n", e.EventType, e.Mode, e.Trigger.Text,
				e.Modality, refText(src), refText(tgt), verdict)
			fmt.Fprintf(w, "    roles: %s\n", cd.RoleWhy)
			if fr := c.cues.frameOf(e.EventType); fr.Where != "" {
				fmt.Fprintf(w, "    frame: %s (%s)\n", fr.Spec, fr.Where)
			}
			if features {
				fmt.Fprintf(w, "    features: %s\n", strings.Join(cd.Features, " "))
			}
		}
	}
}

func matchLabel(m lexicon.Match) string {
	switch m.Kind {
	case lexicon.KindActor:
		return m.Actor.ID
	case lexicon.KindAgent:
		return m.Agent.Word + "/" + m.Agent.Sector + "/" + m.Agent.Kind
	case lexicon.KindTrigger:
		if m.Trigger.Derived != "" {
			return m.Trigger.ID + "/" + m.Trigger.Derived + " (" + m.Trigger.Source + ")"
		}
		return m.Trigger.ID + "/" + m.Trigger.POS + " (" + m.Trigger.Source + ")"
	case lexicon.KindPlace:
		var ids []string
		for _, p := range m.Places {
			ids = append(ids, p.Country+":"+p.Name)
		}
		return strings.Join(ids, ",")
	}
	return ""
}

// refText shows a role's text, or - when the role is empty.
func refText(a *marsad.ActorRef) string {
	if a == nil {
		return "-"
	}
	return fmt.Sprintf("%q", a.Text)
}

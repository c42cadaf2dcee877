package discover

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes one JSON object per candidate and line (JSON Lines),
// in rank order.
func WriteJSON(w io.Writer, cands []Candidate) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range cands {
		if err := enc.Encode(&cands[i]); err != nil {
			return fmt.Errorf("encoding candidate %q: %w", cands[i].Name, err)
		}
	}
	return bw.Flush()
}

// WriteTable prints the candidates for people: rank, name, type, count,
// documents, agent words, co-occurring known actors and score; with
// examples, each candidate's examples follow on indented lines.
func WriteTable(w io.Writer, cands []Candidate, examples bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "rank\tname\ttype\tcount\tdocs\tagent words\tknown actors\tscore")
	for _, c := range cands {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%s\t%.2f\n", c.Rank, c.Name, c.Type, c.Count, c.Docs,
			joinCounts(c.Agents, 3), joinCounts(c.Known, 3), c.Score)
		if examples {
			for _, e := range c.Examples {
				fmt.Fprintf(tw, "\t  %s s%d [%d,%d) span [%d,%d) %q\t\t\t\t\t\t\n", e.DocID, e.SentenceIndex, e.SentenceStart, e.SentenceEnd, e.Start, e.End, e.Text)
			}
		}
	}
	return tw.Flush()
}

func joinCounts(cs []Count, n int) string {
	if len(cs) == 0 {
		return "-"
	}
	var parts []string
	for i, c := range cs {
		if i == n {
			parts = append(parts, fmt.Sprintf("+%d", len(cs)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%s(%d)", c.Value, c.Count))
	}
	return strings.Join(parts, " ")
}

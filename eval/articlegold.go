package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/reader"
)

// GoldArticle is one annotated article of the article set (docs/annotation.md).
type GoldArticle struct {
	ID            string          `json:"id"`
	Date          string          `json:"date"`
	Annotator     string          `json:"annotator"`
	Notes         string          `json:"notes,omitempty"`
	ExcludedLines []string        `json:"excluded_lines"`
	Happenings    []GoldHappening `json:"happenings"`
	File          string          `json:"-"` // where it was read from, for messages
}

// GoldHappening is one happening with every sentence that mentions it.
type GoldHappening struct {
	ID         string        `json:"id"`
	EventType  string        `json:"event_type"`
	Mode       string        `json:"mode,omitempty"`
	AltTypes   []string      `json:"alt_types,omitempty"`
	Key        bool          `json:"key"`
	Source     *GoldActor    `json:"source"`
	Target     *GoldActor    `json:"target"`
	Location   *GoldPlace    `json:"location"`
	Date       *string       `json:"date"`
	DateText   string        `json:"date_text"`
	Modality   string        `json:"modality"`
	ClaimedBy  *string       `json:"claimed_by"`
	Fatalities *int          `json:"fatalities"`
	Mentions   []GoldMention `json:"mentions"`
	Note       string        `json:"note,omitempty"`
}

// GoldActor is a role as annotated: the phrase as written and who it is.
type GoldActor struct {
	Text    string   `json:"text"`
	Also    []string `json:"also,omitempty"`
	Name    string   `json:"name,omitempty"`
	Country *string  `json:"country"`
	Sector  *string  `json:"sector"`
	Note    string   `json:"note,omitempty"`
}

// GoldPlace is where a happening took place.
type GoldPlace struct {
	Text    string `json:"text"`
	Name    string `json:"name,omitempty"`
	Country string `json:"country"`
}

// GoldMention is one sentence of the article that mentions a happening.
type GoldMention struct {
	Text    string `json:"text"`
	Trigger string `json:"trigger"`
	Kind    string `json:"kind"` // report, summary, repeat
}

// Types lists the type and the alternative types a prediction may have.
func (h *GoldHappening) Types() []string {
	return append([]string{h.EventType}, h.AltTypes...)
}

// PloverTypes are the sixteen PLOVER 2.0 event types.
var PloverTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

var goldModalities = []string{"asserted", "negated", "hypothetical", "future", "historical"}
var mentionKinds = []string{"report", "summary", "repeat"}

// ReadGoldArticles reads an article set: a folder of one JSON file per
// article (read in name order), a JSON file of one article, or a JSONL
// file of one article a line.
func ReadGoldArticles(path string) ([]GoldArticle, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		names, err := filepath.Glob(filepath.Join(path, "*.json"))
		if err != nil {
			return nil, err
		}
		sort.Strings(names)
		var out []GoldArticle
		for _, name := range names {
			a, err := readGoldFile(name)
			if err != nil {
				return nil, err
			}
			out = append(out, a...)
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%s: no *.json article files", path)
		}
		return out, nil
	}
	return readGoldFile(path)
}

func readGoldFile(name string) ([]GoldArticle, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(name, ".jsonl") {
		var out []GoldArticle
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for line := 1; sc.Scan(); line++ {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var a GoldArticle
			if err := strictUnmarshal([]byte(sc.Text()), &a); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, line, err)
			}
			a.File = fmt.Sprintf("%s:%d", name, line)
			out = append(out, a)
		}
		return out, sc.Err()
	}
	var a GoldArticle
	if err := strictUnmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	a.File = name
	return []GoldArticle{a}, nil
}

// strictUnmarshal rejects unknown fields so that a misspelt field name is
// an error, not a silently missing annotation.
func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// Check reports what is wrong with an annotation of an article whose coded
// text is text: unknown types, modalities or kinds, and mentions that are
// not verbatim sentences of the text. Warnings are boundary doubts that do
// not stop scoring.
func (a *GoldArticle) Check(text string) (errs, warnings []string) {
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if a.ID == "" {
		bad("no id")
	}
	ids := map[string]bool{}
	for i, h := range a.Happenings {
		where := fmt.Sprintf("happening %d (%s)", i+1, h.ID)
		if h.ID == "" || ids[h.ID] {
			bad("%s: missing or repeated id", where)
		}
		ids[h.ID] = true
		for _, t := range h.Types() {
			if !slices.Contains(PloverTypes, t) {
				bad("%s: unknown event type %q", where, t)
			}
		}
		if !slices.Contains(goldModalities, h.Modality) {
			bad("%s: unknown modality %q", where, h.Modality)
		}
		if h.Date != nil && !validGoldDate(*h.Date) {
			bad("%s: date %q is not YYYY-MM-DD, YYYY-MM or YYYY", where, *h.Date)
		}
		if h.Location != nil && len(h.Location.Country) != 3 && h.Location.Country != "" {
			bad("%s: location country %q is not ISO3", where, h.Location.Country)
		}
		if len(h.Mentions) == 0 {
			bad("%s: no mentions", where)
		}
		for j, m := range h.Mentions {
			mw := fmt.Sprintf("%s mention %d", where, j+1)
			if !slices.Contains(mentionKinds, m.Kind) {
				bad("%s: unknown kind %q", mw, m.Kind)
			}
			at := strings.Index(text, m.Text)
			if m.Text == "" || at < 0 {
				bad("%s: not found verbatim in the article text: %q", mw, clip(m.Text))
				continue
			}
			if m.Trigger != "" && !strings.Contains(m.Text, m.Trigger) {
				bad("%s: trigger %q is not in the sentence", mw, m.Trigger)
			}
			if !sentenceStart(text, at) || !sentenceEnd(text, at+len(m.Text)) {
				warnings = append(warnings, fmt.Sprintf("%s: may not be a whole sentence: %q", mw, clip(m.Text)))
			}
		}
	}
	return errs, warnings
}

func validGoldDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

func sentenceStart(text string, at int) bool {
	before := strings.TrimRight(text[:at], " \t\u00a0")
	if before == "" {
		return true
	}
	return strings.ContainsAny(before[len(before)-1:], ".!?\n,") || strings.HasSuffix(before, "؟") ||
		strings.HasSuffix(before, "»") || strings.HasSuffix(before, "\"")
}

func sentenceEnd(text string, end int) bool {
	if strings.TrimSpace(text[end:]) == "" {
		return true
	}
	last := strings.TrimRight(text[:end], " ")
	for _, p := range []string{".", "!", "?", "؟", "\"", "»", ")", ":", "…"} {
		if strings.HasSuffix(last, p) {
			return true
		}
	}
	return strings.HasPrefix(text[end:], "\n")
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// Position is the article's 1-based place in the id list, read from its
// file name (NNN-id.json), or 0 when the name does not start with one.
func (a *GoldArticle) Position() int {
	base := filepath.Base(a.File)
	n := 0
	for _, r := range base {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// ParseRange reads "A-B" (inclusive positions) or "" (everything).
func ParseRange(s string) (from, to int, err error) {
	if s == "" {
		return 0, 1 << 30, nil
	}
	if _, err := fmt.Sscanf(s, "%d-%d", &from, &to); err != nil || from < 1 || to < from {
		return 0, 0, fmt.Errorf("range %q: want FROM-TO, e.g. 1-80", s)
	}
	return from, to, nil
}

// ArticleTexts reads the texts of the annotated articles from a corpus
// (any input marsad reads), by id, as the coder reads them; with no
// articles it returns every document.
func ArticleTexts(corpus string, arts []GoldArticle) (map[string]marsad.Document, error) {
	want := map[string]bool{}
	for _, a := range arts {
		want[a.ID] = true
	}
	docs := map[string]marsad.Document{}
	err := reader.Walk([]string{corpus}, reader.Options{}, func(it reader.Item) error {
		if it.Err == nil && (len(want) == 0 || want[it.Doc.ID]) {
			docs[it.Doc.ID] = it.Doc
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the corpus: %w", err)
	}
	return docs, nil
}

// Package marsad holds the domain types that flow through the pipeline:
// document → sentences → tokens → mentions → events → store.
//
// The types are plain data and depend on nothing else in the module, so
// every stage (arabic, lexicon, ner, coder, store, export) can be written,
// tested and benchmarked alone. All offsets are Unicode code point offsets
// into Document.Text exactly as read (after decoding, before any
// normalisation): []rune(doc.Text)[Start:End] is the span's text.
package marsad

import (
	"encoding/json"
)

// CoderVersion is stamped on every event so that stored events can be
// traced back to the coder (and dictionaries) that produced them.
const CoderVersion = "marsad-0.1.0"

// Document is one article as read by a reader.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"` // publication date, YYYY-MM-DD, or "" when unknown
	Source string `json:"source"`
	URL    string `json:"url"`
	// Text is the text that is coded; every offset points into it.
	Text string `json:"text"`
	// Meta keeps input fields Marsad does not interpret (category, author …).
	Meta map[string]any `json:"meta,omitempty"`
	// Hash is the content hash used for idempotent ingest (hex SHA-256 of Text).
	Hash string `json:"hash,omitempty"`
}

// Sentence is a span of a document.
type Sentence struct {
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// TokenKind classifies a token's surface.
type TokenKind uint8

const (
	Word   TokenKind = iota // Arabic-script word
	Latin                   // Latin-script word
	Number                  // digits (Arabic-Indic or ASCII), possibly with separators
	Punct                   // punctuation
	Symbol                  // anything else (emoji, currency, …)
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Latin:
		return "latin"
	case Number:
		return "number"
	case Punct:
		return "punct"
	}
	return "symbol"
}

// Token is one whitespace/punctuation-delimited word with its clitic
// segmentation. Norm, Prefixes, Stem and Suffixes are normalised forms for
// matching; Text is the untouched surface.
type Token struct {
	Text     string    `json:"text"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Kind     TokenKind `json:"kind"`
	Norm     string    `json:"norm"`               // normalised surface (diacritics, tatweel removed, letters folded)
	Prefixes []string  `json:"prefixes,omitempty"` // normalised proclitics in order, e.g. ["و", "ال"]
	Stem     string    `json:"stem"`               // normalised form without clitics
	Suffixes []string  `json:"suffixes,omitempty"` // normalised enclitics (pronoun suffixes), e.g. ["ها"]
}

// Actor is an entry of the actor dictionary.
type Actor struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`  // preferred display name (English or Arabic)
	Names   []string `json:"names"` // all names and aliases, Arabic and English
	Country string   `json:"country,omitempty"`
	Sector  string   `json:"sector,omitempty"` // PLOVER sector code: GOV, MIL, REB, COP, …
	Side    string   `json:"side,omitempty"`   // affiliation, e.g. "GNA" or "LNA"
	Roles   []Role   `json:"roles,omitempty"`
}

// Role is a dated code of an actor: who the actor was between From and To.
type Role struct {
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Title   string `json:"title,omitempty"`
	From    string `json:"from,omitempty"` // YYYY-MM-DD or "" (open)
	To      string `json:"to,omitempty"`   // YYYY-MM-DD or "" (open)
}

// Place is a gazetteer entry.
type Place struct {
	ID         string   `json:"id"` // e.g. "geonames:2210247" or "osm:node/123"
	Name       string   `json:"name"`
	Names      []string `json:"names"`   // Arabic and other names used for matching
	Country    string   `json:"country"` // ISO 3166-1 alpha-3
	Admin1     string   `json:"admin1,omitempty"`
	Lat        float64  `json:"lat"`
	Lon        float64  `json:"lon"`
	Population int      `json:"population,omitempty"`
	Kind       string   `json:"kind,omitempty"` // city, town, village, country, …
}

// Span is a piece of the document text.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// ActorRef is an actor as it appears in an event: the span, and what it was
// resolved to (ActorID empty when the dictionary does not know it).
type ActorRef struct {
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	ActorID OptText `json:"actor_id"`
	Name    OptText `json:"name"`
	Country OptText `json:"country"`
	Sector  OptText `json:"sector"`
	Side    OptText `json:"side"`
}

// PlaceRef is the event location: the span and the gazetteer entry.
type PlaceRef struct {
	Text        string   `json:"text"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Name        OptText  `json:"name"`
	Country     OptText  `json:"country"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	GazetteerID OptText  `json:"gazetteer_id"`
	// Kind and Admin1 are the gazetteer entry's (city, admin1, base …;
	// the governorate's English name).
	Kind   OptText `json:"kind"`
	Admin1 OptText `json:"admin1"`
	// Precision is how exact the place is: country, admin1, city or
	// neighbourhood (a base, an airport or a quarter).
	Precision OptText `json:"precision"`
	// Basis says how the place was chosen: "sentence" (the event's
	// sentence names it), "coreference" (another mention of the same
	// happening does), "context" (an earlier event of the article with
	// the same actors), "dateline" (the article's dateline).
	Basis OptText `json:"basis"`
}

// Location bases (PlaceRef.Basis).
const (
	BasisSentence    = "sentence"
	BasisCoreference = "coreference"
	BasisContext     = "context"
	BasisDateline    = "dateline"
)

// PlacePrecision is the precision of a gazetteer kind.
func PlacePrecision(kind string) string {
	switch kind {
	case "country":
		return "country"
	case "admin1", "region":
		return "admin1"
	case "neighbourhood", "base", "airport", "crossing", "port", "facility", "camp":
		return "neighbourhood"
	case "":
		return ""
	}
	return "city"
}

// Claim is who an event is attributed to ("قال العميد خالد المحجوب …").
type Claim struct {
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	ActorID OptText `json:"actor_id"`
}

// Modalities of an event.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Hypothetical = "hypothetical"
	Future       = "future"
	Historical   = "historical"
)

// Event is one coded event with its provenance. Every field is always
// present in JSON; unknown ones are null.
type Event struct {
	ID        string    `json:"id"`
	DocID     string    `json:"doc_id"`
	EventType string    `json:"event_type"`
	Mode      OptText   `json:"mode"`
	Context   []string  `json:"context"`
	CAMEO     OptText   `json:"cameo"`
	Source    *ActorRef `json:"source"`
	Target    *ActorRef `json:"target"`
	Location  *PlaceRef `json:"location"`
	Date      OptText   `json:"date"`
	DateText  OptText   `json:"date_text"`
	// DatePrecision is how much of Date the text says: day, week, month
	// or year (a date the text does not state is the article's day).
	DatePrecision    OptText `json:"date_precision"`
	Modality         string  `json:"modality"`
	ClaimedBy        *Claim  `json:"claimed_by"`
	Fatalities       *int    `json:"fatalities"`
	FatalitiesApprox bool    `json:"fatalities_approx"`
	Confidence       float64 `json:"confidence"`
	SentenceIndex    int     `json:"sentence_index"`
	SentenceStart    int     `json:"sentence_start"`
	SentenceEnd      int     `json:"sentence_end"`
	Sentence         string  `json:"sentence"`
	Trigger          Span    `json:"trigger"`
	// HappeningID is shared by the events of one document that report one
	// happening (coreference inside the article); the first event of the
	// happening carries the merged roles, place and date.
	HappeningID OptText `json:"happening_id"`
	// Mention says how this event mentions its happening: "report" (the
	// fullest report, one per happening), "summary" (a lede or earlier
	// summary of it), "repeat" (a later reference back to it).
	Mention      OptText `json:"mention"`
	CoderVersion string  `json:"coder_version"`
}

// Counts reports whether the event is a happening the text asserts (or
// reports as past background), as opposed to a denied, hypothetical or
// future one.
func (e *Event) Counts() bool {
	return e.Modality == Asserted || e.Modality == Historical
}

// OptText is a string that is null in JSON when empty.
type OptText string

func (t OptText) MarshalJSON() ([]byte, error) {
	if t == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(t))
}

func (t *OptText) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*t = OptText(s)
	return nil
}

// Package store declares how Marsad keeps what it codes: documents, their
// sentences and events, the actor and place dictionaries, near-duplicate
// document clusters and event clusters, with full-text search over the
// articles.
//
// The interface is small so that two implementations can honour it exactly:
// SQLite (package sqlite, the default single-file store) and PostgreSQL
// (package postgres, for teams sharing one database). Both pass the one
// conformance suite in store/storetest. Use store/open to pick one from a
// DSN.
//
// Ingest is resumable: SaveBatch writes each batch in one transaction and is
// idempotent on Document.Hash, so a killed ingest can be re-run over the same
// input and only the documents not yet stored are added.
//
// Stores do no language work. What they compare beyond ids and codes (the
// near-duplicate signature of a document, its full-text index words, the
// cluster key of an event, the normalised texts of actors and places, and
// the same forms of a query) comes with the Item and the Filter, computed by
// package prep (prep.Item, prep.Filter).
package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/dedup"
)

// ErrNotFound is returned (wrapped) when a requested row does not exist.
var ErrNotFound = errors.New("not found")

// ErrNotPrepared is returned (wrapped) for an Item without Keys, or a Filter
// that has an actor, place or text but no Keys: see package prep.
var ErrNotPrepared = errors.New("keys not prepared (package prep)")

// Store is a Marsad event store. Implementations are safe for concurrent use.
type Store interface {
	// HasDocument reports whether a document with this content hash is stored.
	HasDocument(ctx context.Context, hash string) (bool, error)
	// SaveBatch stores the items in one transaction: all of them or none.
	// A document whose Hash (computed from Text when empty) is already stored
	// is skipped and reported as a duplicate; one the store cannot hold is
	// skipped and reported as rejected, with the reason, and the others are
	// saved. Ids, sources and index text are kept within the store's
	// limits (see sqlstore.MaxKey). Near-duplicate documents and
	// events reporting the same happening get cluster ids (see package
	// dedup), found by the items' Keys; an item without Keys fails the
	// batch with ErrNotPrepared.
	SaveBatch(ctx context.Context, items []Item) (BatchResult, error)
	// Events returns the stored events that match f, newest first. A filter
	// on actor, place or text needs its Keys (ErrNotPrepared otherwise).
	Events(ctx context.Context, f Filter) ([]StoredEvent, error)
	// Documents lists stored documents (without text), newest first.
	Documents(ctx context.Context, limit, offset int) ([]DocumentInfo, error)
	// Document returns one document with its text and sentences; the error
	// wraps ErrNotFound when id is unknown.
	Document(ctx context.Context, id string) (StoredDocument, error)
	// Actors counts events per actor (source or target), most frequent first.
	Actors(ctx context.Context) ([]ActorCount, error)
	// Stats summarises the store.
	Stats(ctx context.Context) (Stats, error)
	// Search finds documents whose indexed text (Keys.IndexText) has every
	// one of terms, the index words of a query (prep.Terms), best match
	// first. No terms find nothing.
	Search(ctx context.Context, terms []string, limit int) ([]DocumentInfo, error)
	// UpsertActors and UpsertPlaces store dictionary entries, replacing
	// entries with the same ID.
	UpsertActors(ctx context.Context, actors []marsad.Actor) error
	UpsertPlaces(ctx context.Context, places []marsad.Place) error
	// Views are the read queries of the HTTP API and dashboard (views.go).
	Views
	Close() error
}

// Item is one coded document, the unit of SaveBatch.
type Item struct {
	Doc       marsad.Document
	Sentences []marsad.Sentence
	Events    []marsad.Event
	// Keys are the values the store finds the document and its events by,
	// derived from Doc and Events by prep.Item after their last change.
	Keys *Keys
	// Knowledge is the version of the knowledge Events were coded with
	// (knowledge.Base.Version): recode finds the documents of other
	// versions.
	Knowledge string
}

// Keys are what a store keeps of an Item beyond its data: for
// near-duplicate documents, event clusters, filters and full-text search.
type Keys struct {
	// MinHash is the near-duplicate signature of Doc.Text (prep.MinHash);
	// nil when the text is too short to compare.
	MinHash dedup.Signature
	// IndexText is the title and text as full-text search indexes them
	// (prep.IndexText).
	IndexText string
	// Events are the keys of Item.Events, in the same order.
	Events []EventKeys
}

// EventKeys are what a store keeps of an event beyond its data.
type EventKeys struct {
	// Cluster is the exact key of the earlier clustering (prep.EventKey),
	// kept for queries; "" for an event that is never merged with others.
	Cluster string
	// Report is what event clustering compares of the event (prep.Report,
	// dedup.Choose); nil for an event that is never merged with others.
	// The store sets its Day.
	Report *dedup.Report
	// Source, Target and Place are the texts of the event's actors and
	// place in the normalised form that Filter.Actor and Filter.Place are
	// matched in (prep.NormText); "" for a missing one.
	Source, Target, Place string
}

// BatchResult says what SaveBatch did with each item, in input order.
type BatchResult struct {
	Saved      int
	Duplicates int
	Rejected   int
	Items      []ItemResult
}

// ItemResult is the outcome for one item.
type ItemResult struct {
	DocID     string
	Hash      string
	Duplicate bool   // the hash was already stored: nothing was written
	Rejected  string // why the store cannot hold the document ("" when saved or duplicate): nothing was written
	Cluster   string // near-duplicate cluster: the id of the first document of the cluster
	Events    int    // events written
}

// Filter selects events. Zero fields do not filter.
type Filter struct {
	Types    []string // PLOVER event types, any of
	Actor    string   // actor id, a dictionary actor's name (Keys.ActorIDs), or actor text (matched normalised: Keys.Actor), as source or target
	Country  string   // ISO 3166-1 alpha-3 of the event (see StoredEvent.Country), any case
	Place    string   // gazetteer id, a gazetteer name (Keys.PlaceIDs), or place text (matched normalised: Keys.Place)
	From, To string   // YYYY-MM-DD, inclusive, on StoredEvent.Day
	Source   string   // document source, any case: its start or the start of one of its words ("sky", "BBC Arabic", "bbc.com")
	Modality string   // marsad.Asserted, marsad.Negated …
	Text     string   // full-text query over the articles (matched by its words: Keys.Terms, as Search)
	DocID    string
	Cluster  string // event cluster id
	// Happenings keeps one event per happening of a document: the report
	// mention, which carries the merged roles, place and date (see
	// marsad.Event.Mention); summaries and repeats are left out.
	Happenings bool
	Limit      int // 0 means DefaultLimit; negative means no limit
	Offset     int
	Sort       string // order of Events: SortNewest (""), SortOldest or SortConfidence
	// Keys are Actor, Place and Text in the forms the store compares, set
	// by prep.Filter after the fields above.
	Keys *FilterKeys
}

// FilterKeys are the normalised forms of a Filter's texts.
type FilterKeys struct {
	Actor string // Filter.Actor as EventKeys.Source and Target are; "" matches no text
	Place string // Filter.Place as EventKeys.Place is; "" matches no text
	// ActorIDs and PlaceIDs are the dictionary actors and gazetteer places
	// one of whose names (in either language, with its aliases) is
	// Filter.Actor or Filter.Place, as the caller's dictionary resolves it.
	ActorIDs []string
	PlaceIDs []string
	Terms    []string // the distinct index words of Filter.Text (prep.Terms); none match nothing
}

// DefaultLimit is the page size when Filter.Limit is 0.
const DefaultLimit = 1000

// StoredEvent is an event with what the store adds to it.
type StoredEvent struct {
	marsad.Event
	// Day is the date used for filtering and clustering: the event date, or
	// the document date when the coder found none (YYYY-MM-DD or "").
	Day string `json:"day"`
	// Country is the event's country: the location's, else the source
	// actor's, else the target actor's (ISO3 or "").
	Country string `json:"country"`
	// ClusterID is shared by events that report the same happening; it is the
	// id of the first stored report.
	ClusterID string `json:"cluster_id"`
	// The document the event was coded from.
	DocTitle  string `json:"doc_title"`
	DocDate   string `json:"doc_date"`
	DocSource string `json:"doc_source"`
	DocURL    string `json:"doc_url"`
	// Sources and Tolls are set where one event stands for its whole
	// cluster (the exports' one row per happening): the outlets of all its
	// reports, and the death tolls they give when they differ.
	Sources []string `json:"sources,omitempty"`
	Tolls   []int    `json:"tolls,omitempty"`
}

// DocumentInfo describes a stored document without its text.
type DocumentInfo struct {
	ID      string `json:"id"`
	Hash    string `json:"hash"`
	Title   string `json:"title"`
	Date    string `json:"date"`
	Source  string `json:"source"`
	URL     string `json:"url"`
	Cluster string `json:"cluster"` // near-duplicate cluster (id of its first document)
	Events  int    `json:"events"`
}

// StoredDocument is a document with its sentences and cluster.
type StoredDocument struct {
	marsad.Document
	Cluster   string            `json:"cluster"`
	Sentences []marsad.Sentence `json:"sentences"`
}

// ActorCount is how many events name an actor as source or target.
type ActorCount struct {
	Key      string `json:"key"` // actor id, or folded text when unresolved
	Name     string `json:"name"`
	Country  string `json:"country,omitempty"`
	Sector   string `json:"sector,omitempty"`
	Side     string `json:"side,omitempty"`
	AsSource int    `json:"as_source"`
	AsTarget int    `json:"as_target"`
}

// Stats summarises a store.
type Stats struct {
	Documents        int            `json:"documents"`
	DocumentClusters int            `json:"document_clusters"` // distinct near-duplicate clusters
	Sentences        int            `json:"sentences"`
	Events           int            `json:"events"`
	EventClusters    int            `json:"event_clusters"` // distinct happenings
	Actors           int            `json:"actors"`         // dictionary entries
	Places           int            `json:"places"`         // dictionary entries
	ByType           map[string]int `json:"by_type"`
	SchemaVersion    int            `json:"schema_version"`
	Queue            QueueCounts    `json:"queue"` // jobs of the queue (store.Queue) by state
}

// Collapse says how many reports collapse into how many happenings.
func (s Stats) Collapse() string {
	return fmt.Sprintf("%d reports collapse into %d events; %d documents into %d after near-duplicate removal",
		s.Events, s.EventClusters, s.Documents, s.DocumentClusters)
}

// Package prep does the language work behind storing and finding coded
// documents, so that the stores do none: the near-duplicate signature of a
// document (MinHash), the text full-text search indexes (IndexText) and
// the words of a query (Terms), the cluster key of an event (EventKey) and
// the normalised texts of unresolved actors and places (NormText).
//
// Item fills the store.Keys of an item before store.Store.SaveBatch, and
// Filter the store.FilterKeys of a query before store.Store.Events: ingest
// and the command line call them, and so does anything else that saves or
// queries.
package prep

import (
	"github.com/marsad/marsad"
	"github.com/marsad/marsad/store"
)

// Item sets it.Keys from its document and events. Call it after the last
// change to them.
func Item(it *store.Item) {
	k := &store.Keys{
		MinHash:   MinHash(it.Doc.Text),
		IndexText: IndexText(it.Doc.Title + "\n" + it.Doc.Text),
		Events:    make([]store.EventKeys, len(it.Events)),
	}
	for i := range it.Events {
		k.Events[i] = Event(&it.Events[i])
	}
	it.Keys = k
}

// Items sets the Keys of every item.
func Items(items []store.Item) {
	for i := range items {
		Item(&items[i])
	}
}

// Event returns the keys of one event: its cluster key and the normalised
// texts of its actors and place.
func Event(e *marsad.Event) store.EventKeys {
	k := store.EventKeys{Cluster: EventKey(e), Report: Report(e)}
	if e.Source != nil {
		k.Source = NormText(e.Source.Text)
	}
	if e.Target != nil {
		k.Target = NormText(e.Target.Text)
	}
	if e.Location != nil {
		k.Place = NormText(e.Location.Text)
	}
	return k
}

// Filter sets f.Keys from f.Actor, f.Place and f.Text. Call it after the
// last change to them.
func Filter(f *store.Filter) {
	f.Keys = &store.FilterKeys{Actor: NormText(f.Actor), Place: NormText(f.Place), Terms: Terms(f.Text)}
}

// Package prep does the language work behind storing and finding coded
// documents, so that the stores do none: the near-duplicate signature of a
// document (MinHash), the text full-text search indexes (IndexText) and
// the words of a query (Terms), the cluster key of an event (EventKey) and
// the normalised texts of unresolved actors and places (NormText).
package prep

// Package reader turns input files, folders, stdin and feed URLs into
// marsad.Documents, one at a time, so that a 1 GB JSONL file never sits in
// memory.
//
// Formats are chosen by extension (or Options.Format, or sniffed from the
// first bytes): plain text, JSONL, JSON, CSV/TSV, RSS/Atom feeds and HTML.
// Bad input never stops a run and is never silently dropped: every record
// that cannot become a Document is yielded as an Item whose Err is a
// *Reject naming the source, the line or record, and the reason, so the
// caller can print it and go on.
//
// Every Document leaves here with Hash (hex SHA-256 of Text) set, an ID
// (derived from the hash when the input has none) and Date as YYYY-MM-DD
// (the date part as written, never shifted to UTC) or Options.Date.
package reader

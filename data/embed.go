// Package data holds Marsad's editable knowledge files (actors, agent
// words, event triggers, places) and embeds them in the binary, so that
// marsad runs without a data folder. See README.md for the formats; set
// MARSAD_DATA to a folder to use edited copies without rebuilding.
package data

import "embed"

// FS holds the knowledge files (*.tsv) and README.md.
//
//go:embed *.tsv README.md
var FS embed.FS

// Package web holds the dashboard: its sources (src/, bundled by esbuild
// with build.mjs from the npm packages in package.json) and the built files
// (dist/), committed and embedded in the binary so that `go build` alone
// makes a complete `marsad serve`. Rebuild after changing src/:
//
//	npm --prefix web ci && npm --prefix web run build
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// Assets are the built dashboard files, index.html at the root.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded above: it is always there
	}
	return sub
}

// Package deps pins the modules the project builds on before every package
// that uses them has landed, so that `go mod tidy` keeps them. Remove an
// import here once a real package imports it.
package deps

import (
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mmcdole/gofeed"
	_ "golang.org/x/net/html"
	_ "golang.org/x/term"
	_ "golang.org/x/text/unicode/norm"
	_ "modernc.org/sqlite"
)

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/store/open"
	"github.com/marsad/marsad/web"
)

func init() {
	var db *string
	var addr, token, tiles string
	var maxBody int64
	register(&command{
		Name:    "serve",
		Summary: "serve the JSON API and the dashboard (map, timeline, network, events, article reader) over HTTP",
		Usage:   "[flags]",
		Example: `marsad serve --db marsad.db
marsad serve --addr 127.0.0.1:9000 --token "$(openssl rand -hex 16)"
MARSAD_TOKEN=secret marsad serve --db postgres://marsad@127.0.0.1/marsad

Then open http://127.0.0.1:8080/ in a browser. The dashboard works with no
internet (its basemap is built in); --tiles adds a raster tile layer. The
API is described at /api/openapi.json: GET /api/events, /api/events/{id},
/api/happenings, /api/actors, /api/actors/{id}, /api/network,
/api/timeline, /api/places, /api/documents, /api/documents/{id},
/api/search?q=, /api/stats, /healthz, /metrics. POST /api/documents
ingests articles (a JSON object or array, or JSON Lines) and needs
"Authorization: Bearer TOKEN"; with no token, writes are off.

The server listens on 127.0.0.1 (this machine only) unless --addr names
another interface.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			fs.StringVar(&addr, "addr", "127.0.0.1:8080", "`host:port` to listen on (127.0.0.1: this machine only)")
			fs.StringVar(&token, "token", os.Getenv("MARSAD_TOKEN"), "bearer token that POST /api/documents requires (default $MARSAD_TOKEN; empty: writes off)")
			fs.StringVar(&tiles, "tiles", "", "raster tile `URL` template for the map, e.g. https://tiles.example.org/{z}/{x}/{y}.png (default: offline basemap only)")
			fs.Int64Var(&maxBody, "max-body", server.DefaultMaxBody, "largest POST body in `bytes`")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			st, err := open.Open(ctx, *db)
			if err != nil {
				return err
			}
			defer st.Close()
			k, err := openKnowledge()
			if err != nil {
				return err
			}
			tables, err := k.ExportTables()
			if err != nil {
				return err
			}
			opt := server.Options{Token: token, Tables: tables, Assets: web.Assets(), TileURL: tiles, MaxBody: maxBody, Log: env.Log}
			if token != "" {
				if opt.Coder, err = runCoder(); err != nil {
					return err
				}
			}
			srv, err := server.New(st, opt)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
				WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
			writes := "writes off (no --token)"
			if token != "" {
				writes = "POST /api/documents needs the bearer token"
			}
			scope := "this machine only"
			if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
				scope = "reachable from the network"
			}
			env.Log.Info("marsad serve listening", "url", "http://"+ln.Addr().String()+"/", "scope", scope, "store", redactDSN(*db), "writes", writes)
			fmt.Fprintf(env.Stderr, "marsad serve: dashboard at http://%s/ (%s); %s\n", ln.Addr(), scope, writes)
			errc := make(chan error, 1)
			go func() { errc <- hs.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-ctx.Done():
			}
			shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := hs.Shutdown(shut); err != nil {
				return err
			}
			if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	})
}

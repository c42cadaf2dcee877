package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/reader"
	"github.com/marsad/marsad/store"
)

func init() {
	var db, feeds *string
	var every, maxBackoff, lease, timeout time.Duration
	var once, allowPrivate bool
	register(&command{
		Name:    "watch",
		Summary: "poll RSS/Atom feeds and queue their new items for the workers (marsad worker)",
		Usage:   "--feeds FILE [flags]",
		Example: `marsad watch --feeds feeds.txt --db postgres://marsad@db.example/marsad
marsad watch --feeds feeds.txt --every 10m
marsad watch --feeds feeds.txt --once        # one round, e.g. from cron

FILE has one feed URL a line; blank lines and lines starting with # are
skipped. Each feed is fetched every --every with a conditional GET (its
last ETag and Last-Modified), so an unchanged feed costs a 304, and its
new items are queued (texts already stored or queued are skipped). A feed
that fails is tried again after a pause that doubles from --every up to
--max-backoff; its failures, error and next try are kept in the store's
feeds table and survive restarts. Only one watcher polls at a time, across
machines: it holds the store's "watch" lease (--lease, renewed before each
fetch); a second watcher waits and takes over when the lease ends. Feeds
are fetched from public addresses only unless --allow-private. One log
line per fetch; Ctrl-C stops after the current fetch. See docs/scaling.md.`,
		Flags: func(fs *flag.FlagSet) {
			db = dbFlag(fs)
			feeds = fs.String("feeds", "", "file of feed URLs, one a line (# comments)")
			fs.DurationVar(&every, "every", 5*time.Minute, "pause between two fetches of a feed")
			fs.DurationVar(&maxBackoff, "max-backoff", 0, "longest pause after failed fetches (0: 24 × --every)")
			fs.DurationVar(&lease, "lease", time.Minute, "watch lease; another watcher takes over this long after this one stops answering")
			fs.DurationVar(&timeout, "timeout", reader.DefaultTimeout, "time limit of one fetch")
			fs.BoolVar(&once, "once", false, "fetch the due feeds once and exit")
			fs.BoolVar(&allowPrivate, "allow-private", false, "allow feeds on loopback, link-local and private addresses")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 {
				return errUsage
			}
			if *feeds == "" {
				return usageErr("--feeds FILE is required")
			}
			if every <= 0 || lease <= 0 || timeout <= 0 || maxBackoff < 0 {
				return usageErr("--every, --lease and --timeout must be positive")
			}
			f, err := os.Open(*feeds)
			if err != nil {
				return err
			}
			urls, err := ingest.ReadFeedList(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", *feeds, err)
			}
			if len(urls) == 0 {
				return fmt.Errorf("%s lists no feed", *feeds)
			}
			st, err := openStore(ctx, *db, true)
			if err != nil {
				return err
			}
			defer st.Close()
			q, ok := st.(store.Queue)
			w, ok2 := st.(store.Watcher)
			if !ok || !ok2 {
				return fmt.Errorf("store %s has no queue", redactDSN(*db))
			}
			sum, err := ingest.Watch(ctx, q, w, ingest.WatchOptions{Feeds: urls, Every: every, MaxBackoff: maxBackoff, Lease: lease,
				Once: once, Reader: reader.Options{AllowPrivate: allowPrivate, Timeout: timeout}, Log: env.Log})
			if sum.Waiting {
				fmt.Fprintln(env.Stdout, "watch: another watcher holds the lease; nothing fetched")
			} else {
				fmt.Fprintf(env.Stdout, "watch: %d fetches, %d not modified, %d failed; %d items queued, %d already known, %d rejected\n",
					sum.Polls, sum.NotModified, sum.Failed, sum.Added, sum.Known, sum.Rejected)
			}
			return err
		},
	})
}

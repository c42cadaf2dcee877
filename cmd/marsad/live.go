package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/knowledge"
	"github.com/marsad/marsad/store"
)

// liveCoder returns the coder workers and recode use: the knowledge
// published in st (marsad knowledge publish) when there is one, reloaded
// whenever its version changes, else the process's own (MARSAD_DATA).
func liveCoder(st store.Store) func(ctx context.Context) (ingest.Coder, string, error) {
	var c ingest.Coder
	version := ""
	ks, _ := st.(store.KnowledgeStore)
	return func(ctx context.Context) (ingest.Coder, string, error) {
		published := ""
		if ks != nil {
			v, err := ks.KnowledgeVersion(ctx)
			if err != nil && c != nil {
				return c, version, nil // the database is away: code on, Complete will wait for it
			}
			if err != nil {
				return nil, "", err
			}
			published = v
		}
		if c != nil && (published == "" || published == version) {
			return c, version, nil
		}
		var k *knowledge.Base
		if published == "" {
			base, err := openKnowledge()
			if err != nil {
				return nil, "", err
			}
			k = base
		} else {
			_, files, err := ks.Knowledge(ctx)
			if err != nil {
				return nil, "", err
			}
			if k, err = knowledge.FromFiles(files, ""); err != nil {
				return nil, "", err
			}
			defer os.RemoveAll(k.Dir) // the coder has read what it needs
			slog.Info("loaded the published knowledge", "version", published, "files", len(files))
		}
		kc, err := k.Coder(os.Getenv("MARSAD_NO_FILTER") == "")
		if err != nil {
			return nil, "", err
		}
		v, err := k.Version()
		if err != nil {
			return nil, "", err
		}
		if published != "" && v != published {
			return nil, "", fmt.Errorf("published knowledge %s reads as version %s here: is this marsad older than the one that published it?", published, v)
		}
		c, version = kc, v
		return c, version, nil
	}
}

func init() {
	var db *string
	register(&command{
		Name:    "knowledge publish",
		Summary: "copy a knowledge folder into the store, for the workers to reload",
		Usage:   "[flags] [DIR]",
		Example: `marsad knowledge publish --db postgres://marsad@db.example/marsad my-knowledge/

DIR (default: MARSAD_DATA) holds files laid over the built-in knowledge,
file by file, as MARSAD_DATA does. Publishing replaces what was published
before; every worker loads the new files before its next claim, and marsad
recode then re-codes the stored documents with them.`,
		Flags: func(fs *flag.FlagSet) { db = dbFlag(fs) },
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 1 {
				return errUsage
			}
			dir := os.Getenv(knowledge.EnvVar)
			if len(args) == 1 {
				dir = args[0]
			}
			files := map[string][]byte{}
			k := knowledge.Builtin()
			if dir != "" {
				var err error
				if files, err = knowledge.Files(dir); err != nil {
					return err
				}
				if k, err = knowledge.Open(dir); err != nil {
					return err
				}
			}
			// Load it here first: a broken dictionary fails now, not in every worker.
			if _, err := k.Coder(true); err != nil {
				return err
			}
			v, err := k.Version()
			if err != nil {
				return err
			}
			return withStore(ctx, *db, func(st store.Store) error {
				ks, ok := st.(store.KnowledgeStore)
				if !ok {
					return fmt.Errorf("store %s cannot keep knowledge", redactDSN(*db))
				}
				if err := ks.PublishKnowledge(ctx, v, files); err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "published knowledge version %s (%d files over the built-in ones)\n", v, len(files))
				return nil
			})
		},
	})
}

package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/discover"
	"github.com/marsad/marsad/lexicon"
)

func init() {
	var id, name, country, sector, side, names, roles, dir string
	register(&command{
		Name:    "actors add",
		Summary: "add an actor to the dictionary (DIR/actors-curated.tsv)",
		Usage:   "--id ID --names \"NAME|ALIAS…\" [--name DISPLAY] [--country ISO3] [--sector CODE] [--side SIDE] [--roles R1;R2] [--data DIR]",
		Example: `marsad actors add --id lby-shrikhan --name "Shrikhan Brigade" --country LBY --sector REB --side GNA --names "كتيبة شريخان|Shrikhan Brigade" --data ./data

Appends one line to DIR/actors-curated.tsv, where DIR is --data, else
MARSAD_DATA, else ./data. Refuses an id or a name the folder's dictionary
already has, and checks that the folder still loads with the new actor.
Run with MARSAD_DATA=DIR to use the edited folder without rebuilding.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&id, "id", "", "stable lower-case id, e.g. lby-shrikhan (required)")
			fs.StringVar(&name, "name", "", "display name (default: the first of --names)")
			fs.StringVar(&names, "names", "", "|-separated names and aliases, Arabic and English (required)")
			fs.StringVar(&country, "country", "", "ISO 3166-1 alpha-3 code, or IGO / IMG")
			fs.StringVar(&sector, "sector", "", "PLOVER sector code: REB MIL GOV COP …")
			fs.StringVar(&side, "side", "", "affiliation, e.g. GNA or LNA")
			fs.StringVar(&roles, "roles", "", `;-separated dated codes or titles, e.g. "LBYREB 20190404-;commander"`)
			fs.StringVar(&dir, "data", "", "data folder (default: MARSAD_DATA, else ./data)")
		},
		Run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) > 0 || id == "" || (names == "" && name == "") {
				return errUsage
			}
			if dir == "" {
				dir = os.Getenv("MARSAD_DATA")
			}
			if dir == "" {
				dir = "data"
			}
			a := marsad.Actor{ID: id, Name: name, Country: strings.ToUpper(country), Sector: strings.ToUpper(sector), Side: side}
			for _, n := range strings.Split(names, "|") {
				a.Names = append(a.Names, n)
			}
			for _, r := range strings.Split(roles, ";") {
				if r = strings.TrimSpace(r); r != "" {
					a.Roles = append(a.Roles, lexicon.ParseRole(r))
				}
			}
			if err := discover.AddActor(dir, a); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "added %s to %s/%s\n", id, dir, lexicon.FileActorsCurated)
			return nil
		},
	})
}

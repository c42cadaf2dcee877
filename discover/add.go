package discover

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/lexicon"
)

var (
	idPattern      = regexp.MustCompile(`^[a-z0-9][a-z0-9._:-]*$`)
	countryPattern = regexp.MustCompile(`^[A-Z]{3}$`)
	sectorPattern  = regexp.MustCompile(`^[A-Z]{3}$`)
)

// curatedHeader is written when the folder has no actors-curated.tsv yet.
const curatedHeader = "# actors-curated.tsv — hand-written actors (see data/README.md).\nid\tcountry\tsector\tside\tnames\troles\n"

// AddActor appends actor a to dir/actors-curated.tsv as one well-formed
// line, in the file's column order. It refuses an id or a name that an
// actor of the folder's dictionary already has (names compare after
// folding and without ال, as matching does), and checks that the folder
// still loads and finds the new actor afterwards; on failure the file is
// left as it was.
func AddActor(dir string, a marsad.Actor) error {
	if err := checkActor(&a); err != nil {
		return err
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("data folder %s: not a folder", dir)
	}
	path := filepath.Join(dir, lexicon.FileActorsCurated)
	if hasKnowledge(dir) {
		lex, err := lexicon.Load(os.DirFS(dir))
		if err != nil {
			return fmt.Errorf("loading the dictionary in %s: %w", dir, err)
		}
		if old := lex.ActorByID(a.ID); old != nil {
			return fmt.Errorf("actor id %q already exists (%s)", a.ID, old.Name)
		}
		for _, n := range a.Names {
			if old := exactActor(lex, n); old != nil {
				return fmt.Errorf("name %q already belongs to actor %s (%s)", n, old.ID, old.Name)
			}
		}
	}

	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	old, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	var add strings.Builder
	header := []string{"id", "country", "sector", "side", "names", "roles"}
	if len(strings.TrimSpace(string(old))) == 0 {
		add.WriteString(curatedHeader)
	} else {
		t, err := lexicon.ParseTable(strings.NewReader(string(old)), path, "id", "names")
		if err != nil {
			return err
		}
		header = t.Header
		if old[len(old)-1] != '\n' {
			add.WriteByte('\n')
		}
	}
	add.WriteString(actorLine(header, a))
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return fmt.Errorf("appending to %s: %w", path, err)
	}
	if _, err := f.WriteString(add.String()); err != nil {
		f.Truncate(int64(len(old)))
		return fmt.Errorf("appending to %s: %w", path, err)
	}
	// The analyst's next run must see the actor: check it now.
	lex, err := lexicon.Load(os.DirFS(dir))
	if err == nil && lex.ActorByID(a.ID) == nil {
		err = fmt.Errorf("actor %s not found after adding it (all its names are used by other entries?)", a.ID)
	}
	if err != nil {
		if terr := f.Truncate(int64(len(old))); terr != nil {
			return fmt.Errorf("%w; restoring %s also failed: %v", err, path, terr)
		}
		return fmt.Errorf("adding %s to %s: %w (file restored)", a.ID, path, err)
	}
	return nil
}

// hasKnowledge reports whether dir holds any of the lexicon's files.
func hasKnowledge(dir string) bool {
	for _, f := range lexicon.AllFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return true
		}
	}
	return false
}

// checkActor validates and tidies the fields of a new actor: trimmed,
// display name first among the names, no duplicates, no characters that
// would break the file format.
func checkActor(a *marsad.Actor) error {
	a.ID = strings.TrimSpace(a.ID)
	if !idPattern.MatchString(a.ID) {
		return fmt.Errorf("actor id %q: use lower-case letters, digits and - . : _ (e.g. lby-shrikhan)", a.ID)
	}
	a.Country = strings.TrimSpace(a.Country)
	if a.Country != "" && !countryPattern.MatchString(a.Country) {
		return fmt.Errorf("actor %s: country %q is not a 3-letter code such as LBY, IGO or IMG", a.ID, a.Country)
	}
	a.Sector = strings.TrimSpace(a.Sector)
	if a.Sector != "" && !sectorPattern.MatchString(a.Sector) {
		return fmt.Errorf("actor %s: sector %q is not a PLOVER sector code such as REB, MIL, GOV", a.ID, a.Sector)
	}
	a.Side = strings.TrimSpace(a.Side)
	var names []string
	seen := map[string]bool{}
	for _, n := range append([]string{a.Name}, a.Names...) {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		names = append(names, n)
	}
	if len(names) == 0 {
		return fmt.Errorf("actor %s: needs at least one name", a.ID)
	}
	a.Names = names
	a.Name = names[0]
	for _, f := range append(append([]string{a.Side}, names...), roleStrings(a.Roles)...) {
		if strings.ContainsAny(f, "\t\n\r|") {
			return fmt.Errorf("actor %s: %q contains a tab, line break or |", a.ID, f)
		}
	}
	for _, r := range roleStrings(a.Roles) {
		if strings.Contains(r, ";") {
			return fmt.Errorf("actor %s: role %q contains ;", a.ID, r)
		}
	}
	return nil
}

// exactActor returns the actor that already has name n as a whole name.
func exactActor(lex *lexicon.Lexicon, n string) *marsad.Actor {
	ms, words := lex.MatchText(n)
	for _, m := range ms {
		if m.Kind == lexicon.KindActor && m.TokStart == 0 && m.TokEnd == words {
			return m.Actor
		}
	}
	return nil
}

// roleStrings writes roles back in the file's notation.
func roleStrings(roles []marsad.Role) []string {
	var out []string
	for _, r := range roles {
		if r.Title != "" && r.Country == "" && r.Sector == "" {
			out = append(out, r.Title)
			continue
		}
		s := r.Country + r.Sector
		if r.From != "" || r.To != "" {
			s += " " + strings.ReplaceAll(r.From, "-", "") + "-" + strings.ReplaceAll(r.To, "-", "")
		}
		out = append(out, s)
	}
	return out
}

// actorLine is the tab-separated line of a in the given column order.
func actorLine(header []string, a marsad.Actor) string {
	vals := map[string]string{
		"id": a.ID, "country": a.Country, "sector": a.Sector, "side": a.Side,
		"names": strings.Join(a.Names, "|"), "roles": strings.Join(roleStrings(a.Roles), ";"),
	}
	fields := make([]string, len(header))
	for i, h := range header {
		fields[i] = vals[h]
	}
	return strings.Join(fields, "\t") + "\n"
}

package discover

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad"
	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

// copyData copies the project's knowledge files into a temporary folder.
func copyData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for p, b := range dataFiles(t) {
		if err := os.WriteFile(filepath.Join(dir, p), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// An analyst adds a discovered battalion; the folder's dictionary then
// finds it in running text.
func TestAddActor(t *testing.T) {
	dir := copyData(t)
	err := AddActor(dir, marsad.Actor{
		ID: "lby-blue-eagles", Name: "Blue Eagles Battalion", Country: "LBY", Sector: "REB", Side: "GNA",
		Names: []string{"كتيبة النسور الزرق", "Blue Eagles Battalion"},
		Roles: []marsad.Role{lexicon.ParseRole("LBYREB 20190404-")},
	})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, lexicon.FileActorsCurated))
	last := lastLine(string(b))
	if want := "lby-blue-eagles\tLBY\tREB\tGNA\tBlue Eagles Battalion|كتيبة النسور الزرق\tLBYREB 20190404-"; last != want {
		t.Errorf("appended line\n%q\nwant\n%q", last, want)
	}
	lex, err := lexicon.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	a := lex.ActorByID("lby-blue-eagles")
	if a == nil || a.Side != "GNA" || a.Roles[0].From != "2019-04-04" {
		t.Fatalf("ActorByID after adding: %+v", a)
	}
	found := false
	for _, s := range arabic.Analyze("اشتبكت كتيبة النسور الزرق مع قوات الجيش الليبي.") {
		for _, m := range lex.Match(s.Tokens) {
			found = found || (m.Kind == lexicon.KindActor && m.Actor.ID == "lby-blue-eagles")
		}
	}
	if !found {
		t.Error("the new actor is not matched in text")
	}
}

// Ids and names the dictionary already has are refused, and the file is
// left untouched.
func TestAddActorRefusesDuplicates(t *testing.T) {
	dir := copyData(t)
	path := filepath.Join(dir, lexicon.FileActorsCurated)
	before, _ := os.ReadFile(path)
	cases := []struct {
		a    marsad.Actor
		want string
	}{
		{marsad.Actor{ID: "lby-halbous", Names: []string{"كتيبة جديدة تماما"}}, `actor id "lby-halbous" already exists`},
		{marsad.Actor{ID: "lby-shrikhan-2", Names: []string{"وكتيبة شريخان"}}, "already belongs to actor lby-shrikhan"},
		{marsad.Actor{ID: "lby-x", Names: []string{"الكتيبة الحلبوص"}}, "already belongs to actor lby-halbous"},
		{marsad.Actor{ID: "Bad Id", Names: []string{"x"}}, "use lower-case letters"},
		{marsad.Actor{ID: "lby-y", Country: "Libya", Names: []string{"y"}}, "not a 3-letter code"},
		{marsad.Actor{ID: "lby-z", Names: []string{"a|b"}}, "contains a tab, line break or |"},
		{marsad.Actor{ID: "lby-w"}, "needs at least one name"},
	}
	for _, c := range cases {
		err := AddActor(dir, c.a)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("AddActor(%s): error %v, want one containing %q", c.a.ID, err, c.want)
		}
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("a refused actor changed the file")
	}
	if err := AddActor(filepath.Join(dir, "missing"), marsad.Actor{ID: "a", Names: []string{"b"}}); err == nil {
		t.Error("a missing folder was accepted")
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

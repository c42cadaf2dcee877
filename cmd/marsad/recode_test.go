package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Publishing new knowledge makes recode code every document again; the
// events that come out the same keep their ids and clusters, so the export
// is unchanged, and a second run finds nothing left to do.
func TestRecodeAfterPublishingKnowledge(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", db, "../../examples/sample.jsonl"); code != 0 {
		t.Fatal(errs)
	}
	export := func() string {
		code, out, errs := runCLI(t, "", "export", "--coded-at", "2019-10-26", "--db", db)
		if code != 0 {
			t.Fatal(errs)
		}
		// Sorted: recoding one document first stores its events after
		// the others'.
		lines := strings.Split(out, "\n")
		slices.Sort(lines)
		return strings.Join(lines, "\n")
	}
	before := export()
	if _, out, _ := runCLI(t, "", "recode", "--quiet", "--db", db); !strings.Contains(out, "recoded 0 documents") {
		t.Errorf("recode with the knowledge of the ingest: %s", out)
	}
	kn := filepath.Join(dir, "knowledge")
	os.Mkdir(kn, 0o755)
	os.WriteFile(filepath.Join(kn, "NOTES.txt"), []byte("a note beside the built-in files\n"), 0o644)
	if code, out, errs := runCLI(t, "", "knowledge", "publish", "--db", db, kn); code != 0 || !strings.Contains(out, "published knowledge version") {
		t.Fatalf("publish: %s %s", out, errs)
	}
	// --where picks the documents: an id prefix that fits one of them,
	// then a source no document has, then the rest.
	if _, out, _ := runCLI(t, "", "recode", "--quiet", "--where", "id=sample-2", "--db", db); !strings.Contains(out, "recoded 1 documents") {
		t.Errorf("recode --where id=sample-2: %s", out)
	}
	if _, out, _ := runCLI(t, "", "recode", "--quiet", "--where", "source=nobody", "--db", db); !strings.Contains(out, "recoded 0 documents") {
		t.Errorf("recode --where source=nobody: %s", out)
	}
	if code, _, errs := runCLI(t, "", "recode", "--quiet", "--where", "outlet=x", "--db", db); code == 0 || !strings.Contains(errs, "source=PREFIX") {
		t.Errorf("recode --where outlet=x: exit %d, %s", code, errs)
	}
	if _, out, _ := runCLI(t, "", "recode", "--quiet", "--where", "source=MARSAD", "--db", db); !strings.Contains(out, "recoded 3 documents") {
		t.Errorf("recode after publishing: %s", out)
	}
	if after := export(); after != before {
		t.Errorf("the export changed although the knowledge codes the same:\n%s\nwas\n%s", after, before)
	}
	if _, out, _ := runCLI(t, "", "recode", "--quiet", "--db", db); !strings.Contains(out, "recoded 0 documents") {
		t.Errorf("second recode: %s", out)
	}
}

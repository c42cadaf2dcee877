package main

import (
	"os"
	"path/filepath"
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
		return out
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
	if _, out, _ := runCLI(t, "", "recode", "--quiet", "--db", db); !strings.Contains(out, "recoded 4 documents") {
		t.Errorf("recode after publishing: %s", out)
	}
	if after := export(); after != before {
		t.Errorf("the export changed although the knowledge codes the same:\n%s\nwas\n%s", after, before)
	}
	if _, out, _ := runCLI(t, "", "recode", "--quiet", "--db", db); !strings.Contains(out, "recoded 0 documents") {
		t.Errorf("second recode: %s", out)
	}
}

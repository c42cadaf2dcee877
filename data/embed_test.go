package data_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/marsad/marsad/data"
)

// A folder's file replaces the built-in one of the same path; the files it
// lacks stay built-in, and a folder listing shows both.
func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "knowledge")
	defer os.RemoveAll(dir)
	os.MkdirAll(filepath.Join(dir, "filter"), 0o755)
	os.WriteFile(filepath.Join(dir, "dates.tsv"), []byte("rel\tsometime\t-3d\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "filter", "filter-AID.json"), []byte("{}"), 0o644)

	k, _ := data.Open(dir)
	dates, _ := fs.ReadFile(k, "dates.tsv")
	cues, _ := fs.ReadFile(k, "cues.tsv")
	builtinCues, _ := fs.ReadFile(data.FS, "cues.tsv")
	filters, _ := fs.ReadDir(k, "filter")
	var names []string
	for _, e := range filters {
		names = append(names, e.Name())
	}
	fmt.Println(string(dates) == "rel\tsometime\t-3d\n", string(cues) == string(builtinCues), slices.Contains(names, "filter-AID.json"), slices.Contains(names, "filter-ASSAULT.json"))
	// Output: true true true true
}

func TestOpenRejectsAFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "x.tsv")
	os.WriteFile(f, nil, 0o644)
	if _, err := data.Open(f); err == nil {
		t.Error("Open accepted a file as a folder")
	}
	if _, err := data.Open(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("Open accepted a missing folder")
	}
}

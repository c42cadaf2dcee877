// Package data holds Marsad's knowledge: the editable dictionaries
// (actors, agent words, event triggers, places, cues, date words), the
// tables of the exports, the segmenter's word lists and the trained models,
// all embedded in the binary so that marsad runs without a data folder.
// See README.md for the formats.
//
// Open layers a folder over the built-in files: a file of the folder
// replaces the built-in file of the same path, file by file, so an analyst
// can edit one dictionary and keep the rest.
package data

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
)

// FS holds the built-in knowledge files.
//
//go:embed *.tsv README.md filter ner arabic discover export
var FS embed.FS

// Open returns the knowledge Marsad runs with: the built-in files, with
// each file that exists under dir (same relative path) used instead. An
// empty dir gives the built-in files alone. dir must be a folder.
func Open(dir string) (fs.FS, error) {
	if dir == "" {
		return FS, nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("data folder %s is not a folder", dir)
	}
	return Layer(os.DirFS(dir), FS), nil
}

// Layer returns a file system that reads a file from top when top has it,
// else from base, and lists a folder as the union of both.
func Layer(top, base fs.FS) fs.FS { return overlay{top: top, base: base} }

type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.base.Open(name)
}

// ReadDir lists the union of both folders, so that a model or list added to
// the folder is seen beside the built-in ones.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	base, berr := fs.ReadDir(o.base, name)
	for _, e := range base {
		seen[e.Name()] = e
	}
	top, terr := fs.ReadDir(o.top, name)
	for _, e := range top {
		if _, ok := seen[e.Name()]; !ok || !e.IsDir() {
			seen[e.Name()] = e
		}
	}
	if berr != nil && terr != nil {
		return nil, berr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

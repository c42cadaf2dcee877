package coder

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/marsad/marsad/linear"
)

// FilterFile is the file name of an event type's filter model, in
// FilterDir of the knowledge folder (written by `marsad train filter`).
func FilterFile(eventType string) string { return "filter-" + eventType + ".json" }

// LoadFilters reads every filter-*.json in the folder of fsys.
func LoadFilters(fsys fs.FS, dir string) (map[string]*linear.Model, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := map[string]*linear.Model{}
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, "filter-") || !strings.HasSuffix(name, ".json") {
			continue
		}
		f, err := fsys.Open(path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		m, err := linear.Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[strings.TrimSuffix(strings.TrimPrefix(name, "filter-"), ".json")] = m
	}
	return out, nil
}

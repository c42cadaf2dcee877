package knowledge

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Version identifies the knowledge: a hash of every file's path and
// content, so that two machines with the same files agree on it and any
// change to a dictionary or model gives another. The store keeps it with
// each document (recode finds the documents coded with another).
func (b *Base) Version() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(b.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(b.FS, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("knowledge version: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// Files reads the files of the user's folder dir (relative path → content):
// what marsad knowledge publish copies into a store.
func Files(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	return files, err
}

// FromFiles returns the knowledge of the built-in files with files (as
// Files returns them) over them, written to a new folder under tmp.
func FromFiles(files map[string][]byte, tmp string) (*Base, error) {
	dir, err := os.MkdirTemp(tmp, "marsad-knowledge-")
	if err != nil {
		return nil, err
	}
	for rel, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if !filepath.IsLocal(rel) {
			return nil, fmt.Errorf("knowledge file %q: not a relative path", rel)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, err
		}
	}
	return Open(dir)
}

package discover

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/lexicon"
)

// The word lists discovery reads, in the knowledge folder's discover/.
const (
	FileHeads         = "heads.tsv"
	FileFunctionWords = "function-words.txt"
	FileStopFreq      = "stop-freq.txt"
	FileGeneric       = "generic.txt"
	FileParticles     = "particles.txt"
)

// Head is a word that introduces an actor's name and that the lexicon's
// agent words lack (see data/heads.tsv).
type Head struct {
	Forms []string
	Kind  string // lexicon.AgentGroup or lexicon.AgentPersonTitle
	Armed bool
	Label string
}

// Words are the lists discovery needs besides the lexicon: extra head
// words, function words (which end a name) and generic words (which make a
// poor name). Keys are folded and without ال (lexicon.Canon).
type Words struct {
	heads    map[string]*Head // one- or two-word keys joined by a space
	maxHead  int              // longest head in words
	function map[string]bool
	generic  map[string]bool
	particle map[string]bool
}

// WordsDir is the folder of the word lists in a knowledge folder
// (package data).
const WordsDir = "discover"

// LoadWords reads heads.tsv, function-words.txt, generic.txt,
// particles.txt and stop-freq.txt from fsys. A missing stop-freq.txt is
// allowed (it is generated); the others are required.
func LoadWords(fsys fs.FS) (*Words, error) {
	w := &Words{heads: map[string]*Head{}, function: map[string]bool{}, generic: map[string]bool{}, particle: map[string]bool{}}
	t, err := lexicon.ReadTable(fsys, FileHeads, "forms", "kind", "armed")
	if err != nil {
		return nil, err
	}
	for _, r := range t.Rows {
		h := &Head{Kind: r.Get("kind"), Armed: r.Get("armed") == "1", Label: r.Get("label")}
		if h.Kind != lexicon.AgentGroup && h.Kind != lexicon.AgentPersonTitle {
			return nil, r.Errorf("kind %q: want %s or %s", h.Kind, lexicon.AgentGroup, lexicon.AgentPersonTitle)
		}
		for _, f := range strings.Split(r.Get("forms"), "|") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			h.Forms = append(h.Forms, f)
			k := phraseKey(f)
			if n := len(strings.Fields(k)); n > w.maxHead {
				w.maxHead = n
			}
			if _, dup := w.heads[k]; !dup {
				w.heads[k] = h
			}
		}
		if len(h.Forms) == 0 {
			return nil, r.Errorf("no forms")
		}
	}
	if err := readList(fsys, FileFunctionWords, w.function); err != nil {
		return nil, err
	}
	if err := readList(fsys, FileGeneric, w.generic); err != nil {
		return nil, err
	}
	if err := readList(fsys, FileParticles, w.particle); err != nil {
		return nil, err
	}
	if err := readList(fsys, FileStopFreq, w.generic); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return w, nil
}

// readList reads one word a line (first field), skipping comments.
func readList(fsys fs.FS, name string, into map[string]bool) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("discover word list: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word := strings.Fields(line)[0]
		into[lexicon.Canon(arabic.Fold(word))] = true
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return nil
}

// phraseKey folds a written phrase into its lookup key.
func phraseKey(s string) string {
	f := strings.Fields(arabic.Fold(s))
	for i, w := range f {
		f[i] = lexicon.Canon(w)
	}
	return strings.Join(f, " ")
}

// IsFunction reports whether the folded, article-less word ends a name.
func (w *Words) IsFunction(key string) bool { return w.function[key] }

// IsGeneric reports whether the folded, article-less word is too common
// to make a name on its own.
func (w *Words) IsGeneric(key string) bool { return w.generic[key] }

// IsParticle reports whether the word needs more name after it (بن، أبو).
func (w *Words) IsParticle(key string) bool { return w.particle[key] }

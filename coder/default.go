package coder

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	marsad "github.com/marsad/marsad"
	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/ner"
)

// CuesFile is the cue list's file name in the data folder.
const CuesFile = "cues.tsv"

var (
	defaultOnce  sync.Once
	defaultCoder *Coder
	defaultErr   error
)

// Default returns the coder over the built-in knowledge, or over the
// folder named by MARSAD_DATA (so analysts can edit the dictionaries and
// re-run without rebuilding). It is loaded once per process.
func Default() (*Coder, error) {
	defaultOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			defaultErr = err
			return
		}
		cues, err := LoadCues(dataFS(CuesFile), CuesFile)
		if err != nil {
			defaultErr = err
			return
		}
		opt := Options{}
		if tg, err := ner.Default(); err == nil {
			opt.NER = nerAdapter{tg}
		} else {
			defaultErr = err
			return
		}
		if opt.Dates, defaultErr = defaultDates(); defaultErr != nil {
			return
		}
		if os.Getenv("MARSAD_NO_FILTER") == "" {
			if opt.Filter, defaultErr = LoadFilters(modelFS, "model"); defaultErr != nil {
				return
			}
		}
		defaultCoder = New(lex, cues, opt)
	})
	return defaultCoder, defaultErr
}

// dataFS is MARSAD_DATA when it holds the file, else the embedded copy.
func dataFS(file string) fs.FS {
	if dir := os.Getenv("MARSAD_DATA"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
			return os.DirFS(dir)
		}
	}
	return data.FS
}

type nerAdapter struct{ t *ner.Tagger }

func (a nerAdapter) Entities(toks []marsad.Token) []Entity {
	es := a.t.Entities(toks)
	out := make([]Entity, len(es))
	for i, e := range es {
		out[i] = Entity{Type: e.Type, TokStart: e.TokStart, TokEnd: e.TokEnd}
	}
	return out
}

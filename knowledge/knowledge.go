// Package knowledge loads what Marsad knows, from one knowledge folder,
// and hands it to the pipeline's stages as values: the lexicon, the cues,
// the date words, the named-entity tagger, the event filters, discovery's
// word lists and the export tables. cmd/marsad opens it once; tests open
// the built-in one.
//
// Each part is loaded on first use and kept in the Base, so a command that
// only needs the lexicon never decodes the NER model.
package knowledge

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/discover"
	"github.com/marsad/marsad/export"
	"github.com/marsad/marsad/lexicon"
	"github.com/marsad/marsad/linear"
	"github.com/marsad/marsad/ner"
	"github.com/marsad/marsad/when"
)

// EnvVar names the environment variable cmd/marsad reads for the folder.
const EnvVar = "MARSAD_DATA"

// Base is one knowledge folder and what has been loaded from it. It is
// safe for concurrent use.
type Base struct {
	// FS is the folder: built-in files with the user's folder over them
	// (data.Open).
	FS fs.FS
	// Dir is the user's folder, "" for the built-in knowledge alone.
	Dir string

	lex      lazy[*lexicon.Lexicon]
	cues     lazy[*coder.Cues]
	dates    lazy[*when.Resolver]
	tagger   lazy[*ner.Tagger]
	filters  lazy[map[string]*linear.Model]
	words    lazy[*discover.Words]
	tables   lazy[*export.Tables]
	coder    lazy[*coder.Coder]
	noFilter lazy[*coder.Coder]
}

// Open returns the knowledge of the built-in files with the files of dir
// over them, file by file ("" for the built-in files alone).
func Open(dir string) (*Base, error) {
	fsys, err := data.Open(dir)
	if err != nil {
		return nil, err
	}
	return &Base{FS: fsys, Dir: dir}, nil
}

// Builtin returns the built-in knowledge.
func Builtin() *Base { return &Base{FS: data.FS} }

// where says which folder an error is about.
func (b *Base) where(err error) error {
	if err == nil || b.Dir == "" {
		return err
	}
	return fmt.Errorf("%s=%s: %w", EnvVar, b.Dir, err)
}

// Lexicon returns the actor, agent, trigger and place dictionaries.
func (b *Base) Lexicon() (*lexicon.Lexicon, error) {
	return b.lex.get(func() (*lexicon.Lexicon, error) { return lexicon.Load(b.FS) }, b.where)
}

// Cues returns the coder's cue list.
func (b *Base) Cues() (*coder.Cues, error) {
	return b.cues.get(func() (*coder.Cues, error) { return coder.LoadCues(b.FS, coder.CuesFile) }, b.where)
}

// Dates returns the date resolver.
func (b *Base) Dates() (*when.Resolver, error) {
	return b.dates.get(func() (*when.Resolver, error) { return when.Load(b.FS) }, b.where)
}

// Tagger returns the named-entity tagger with its gazetteer.
func (b *Base) Tagger() (*ner.Tagger, error) {
	return b.tagger.get(func() (*ner.Tagger, error) {
		lex, err := b.Lexicon()
		if err != nil {
			return nil, err
		}
		t, err := ner.FromFS(b.FS, lex)
		return t, b.where(err)
	}, func(err error) error { return err })
}

// Filters returns the event filter models, by event type.
func (b *Base) Filters() (map[string]*linear.Model, error) {
	return b.filters.get(func() (map[string]*linear.Model, error) { return coder.LoadFilters(b.FS, coder.FilterDir) }, b.where)
}

// Coder returns the coder; with filter false, one that keeps candidates on
// the rules alone (what filters are trained on).
func (b *Base) Coder(filter bool) (*coder.Coder, error) {
	build := func() (*coder.Coder, error) {
		lex, err := b.Lexicon()
		if err != nil {
			return nil, err
		}
		cues, err := b.Cues()
		if err != nil {
			return nil, err
		}
		tg, err := b.Tagger()
		if err != nil {
			return nil, err
		}
		dates, err := b.Dates()
		if err != nil {
			return nil, err
		}
		opt := coder.Options{NER: coder.Entities(tg), Dates: coder.Dates(dates)}
		if opt.Filter, err = b.Filters(); err != nil {
			return nil, err
		}
		if !filter {
			// the role models choose roles, they filter nothing: a coder
			// without the event filters keeps them
			roles := map[string]*linear.Model{}
			for _, k := range []string{coder.RoleSourceModel, coder.RoleTargetModel} {
				if m := opt.Filter[k]; m != nil {
					roles[k] = m
				}
			}
			opt.Filter = roles
		}
		return coder.New(lex, cues, opt), nil
	}
	keep := func(err error) error { return err }
	if filter {
		return b.coder.get(build, keep)
	}
	return b.noFilter.get(build, keep)
}

// Words returns discovery's word lists.
func (b *Base) Words() (*discover.Words, error) {
	return b.words.get(func() (*discover.Words, error) {
		sub, err := fs.Sub(b.FS, discover.WordsDir)
		if err != nil {
			return nil, err
		}
		return discover.LoadWords(sub)
	}, b.where)
}

// Collector returns a new actor-discovery collector.
func (b *Base) Collector() (*discover.Collector, error) {
	lex, err := b.Lexicon()
	if err != nil {
		return nil, fmt.Errorf("loading lexicon: %w", err)
	}
	tg, err := b.Tagger()
	if err != nil {
		return nil, fmt.Errorf("loading NER model: %w", err)
	}
	w, err := b.Words()
	if err != nil {
		return nil, fmt.Errorf("loading discovery word lists: %w", err)
	}
	return discover.New(lex, tg, w), nil
}

// ExportTables returns the mappings of the exports.
func (b *Base) ExportTables() (*export.Tables, error) {
	return b.tables.get(func() (*export.Tables, error) { return export.LoadTables(b.FS) }, b.where)
}

// lazy holds one part, loaded once.
type lazy[T any] struct {
	once sync.Once
	v    T
	err  error
}

func (l *lazy[T]) get(load func() (T, error), wrap func(error) error) (T, error) {
	l.once.Do(func() {
		l.v, l.err = load()
		l.err = wrap(l.err)
	})
	return l.v, l.err
}

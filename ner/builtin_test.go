package ner

import (
	"sync"

	"github.com/marsad/marsad/data"
	"github.com/marsad/marsad/lexicon"
)

// The tests run on the built-in knowledge (package data), loaded once.
var (
	builtinLexicon = sync.OnceValues(func() (*lexicon.Lexicon, error) { return lexicon.Load(data.FS) })
	builtinModel   = func() []byte { b, _ := data.FS.ReadFile(ModelFile); return b }()
)

func builtinTagger() (*Tagger, error) {
	lex, err := builtinLexicon()
	if err != nil {
		return nil, err
	}
	return FromFS(data.FS, lex)
}

func builtinClasses() WordClasses {
	b, _ := data.FS.ReadFile(ClassesFile)
	return ParseClasses(string(b))
}

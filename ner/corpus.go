package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one tagged sentence of a CoNLL-style corpus.
type Sentence struct {
	Words []string
	Tags  []string // BIO tags, one per word
}

// ReadCoNLL reads "word TAG" lines (space or tab separated, the tag last).
//
// Sentences end at blank lines, and also after a sentence-final token
// (. ؟ !) tagged O, so a file without blank lines still splits into
// sentences. ANERcorp as released by CAMeL Lab has blank lines after most
// full stops; a full stop inside an entity (abbreviations, tagged I-…) never
// ends a sentence.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flush()
			continue
		}
		cut := strings.LastIndexAny(line, " \t")
		if cut < 0 {
			return nil, fmt.Errorf("line %d: want \"word TAG\", got %q", n, line)
		}
		word, tag := strings.TrimSpace(line[:cut]), line[cut+1:]
		if !validTag(tag) {
			return nil, fmt.Errorf("line %d: bad tag %q (want O, B-TYPE or I-TYPE)", n, tag)
		}
		cur.Words = append(cur.Words, word)
		cur.Tags = append(cur.Tags, tag)
		if tag == "O" && isFinal(word) {
			flush()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading corpus: %w", err)
	}
	flush()
	return out, nil
}

// ReadCoNLLFile is ReadCoNLL on a file.
func ReadCoNLLFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func isFinal(w string) bool { return w == "." || w == "؟" || w == "!" || w == "?" }

func validTag(t string) bool {
	if t == "O" {
		return true
	}
	return len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-'
}

// validLabel accepts model labels: BIO tags and the L-/U- tags of BILOU.
func validLabel(t string) bool {
	return validTag(t) || len(t) > 2 && (t[0] == 'L' || t[0] == 'U') && t[1] == '-'
}

package ner

import (
	"strconv"
	"strings"
)

// Word classes (data/ner/clusters.tsv, built by tools/nerclusters from
// unlabelled text) let the tagger carry what it learnt about a training
// word over to words it never saw labelled but that occur in the same
// contexts. Each word has a class at a coarse, a middle and a fine
// granularity, packed into one number so that a token costs one map
// lookup.

// clusterLevels is how many class columns clusters.tsv has.
const clusterLevels = 3

// clusterBits holds one class number (plus one, so that 0 means none).
const clusterBits = 16

// ClassesFile is the word-class file of a knowledge folder.
const ClassesFile = "ner/clusters.tsv"

// WordClasses maps a folded word's hash to its packed classes; the
// featurizer has that hash already, so a token costs one integer lookup.
// A tagger must use the classes its model was trained with.
type WordClasses map[uint64]uint64

// ParseClasses reads a clusters.tsv file.
func ParseClasses(s string) WordClasses { return parseClusters(s) }

// parseClusters reads "word<TAB>class<TAB>class…" lines; # comments and
// malformed lines are skipped (a bad line costs a feature, not a panic).
func parseClusters(s string) WordClasses {
	m := make(map[uint64]uint64, strings.Count(s, "\n"))
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != clusterLevels+1 {
			continue
		}
		var packed uint64
		ok := true
		for i, c := range f[1:] {
			n, err := strconv.ParseUint(c, 10, clusterBits-1)
			if err != nil {
				ok = false
				break
			}
			packed |= (n + 1) << (clusterBits * i)
		}
		if ok {
			m[hashString(f[0])] = packed
		}
	}
	return m
}

// clusterOf returns level l's class (plus one) of a packed value, 0 for none.
func clusterOf(packed uint64, l int) uint64 {
	return packed >> (clusterBits * l) & (1<<clusterBits - 1)
}

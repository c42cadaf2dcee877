package main

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitPunctLikeANERcorp(t *testing.T) {
	got := splitPunct("(لندن).")
	want := []string{"(", "لندن", ")", "."}
	if !slices.Equal(got, want) {
		t.Errorf("splitPunct = %q, want %q", got, want)
	}
}

func TestExchangeGroupsWordsOfTheSameContexts(t *testing.T) {
	var sents [][]string
	for _, s := range []string{
		"وصل الوزير الى بغداد امس", "وصل الوزير الى دمشق امس", "وصل الرئيس الى عمان امس",
		"وصل الرئيس الى بغداد امس", "وصل الوزير الى عمان امس", "وصل الرئيس الى دمشق امس",
	} {
		sents = append(sents, strings.Fields(s))
	}
	c := newCorpus(sents, 1)
	cls := c.exchange(5, 10)
	class := map[string]int{}
	for i, w := range c.words {
		class[w] = cls[i]
	}
	if class["بغداد"] != class["دمشق"] || class["دمشق"] != class["عمان"] {
		t.Errorf("cities split: %v", class)
	}
	if class["بغداد"] == class["الوزير"] {
		t.Errorf("city and title share a class: %v", class)
	}
	if again := c.exchange(5, 10); !slices.Equal(cls, again) {
		t.Errorf("not deterministic: %v then %v", cls, again)
	}
}

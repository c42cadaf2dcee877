package main

import "testing"

func TestConvertRoleReadsEveryUAForm(t *testing.T) {
	for raw, want := range map[string]string{
		"IRQGOV 20101221-20140908":    "IRQGOV 20101221-20140908",
		"PSECVLELI 19840502-18000101": "PSECVLELI 19840502-", // 18000101 = open end
		"IGO 19700101-19640922":       "IGO 19700101-",       // end before start
		"IGO > 20080219":              "IGO 20080219-",
		"PSEREB < 19870101":           "PSEREB -19870101",
		"MIL?":                        "MIL",
		"USAGOV ":                     "USAGOV",
		" 19950518-19970602":          "",
	} {
		if got := convertRole(raw); got != want {
			t.Errorf("convertRole(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestCleanNameAndSplitClitics(t *testing.T) {
	if got := cleanName("نوري_المالكي_"); got != "نوري المالكي" {
		t.Errorf("got %q", got)
	}
	if !hasSplitClitic(cleanName("أمين_عام_ل_أمة_المتحدة_")) {
		t.Error("ل alone is a split clitic")
	}
}

func TestCAMEOCodesFallBackToTheirParent(t *testing.T) {
	m := map[string]plover{"19": {event: "ASSAULT"}, "195": {event: "ASSAULT", mode: "heavy-weapons"}}
	if p, ok := lookup(m, "1951"); !ok || p.mode != "heavy-weapons" {
		t.Errorf("1951 → %+v %v", p, ok)
	}
	if _, ok := lookup(m, "010"); ok {
		t.Error("010 has no PLOVER event")
	}
	got := c2pRe.FindStringSubmatch("091: ACCUSE, investigate, crime; corruption # Investigate crime, corruption")
	if got == nil || got[2] != "ACCUSE" || got[3] != " investigate" {
		t.Errorf("%q", got)
	}
}

package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A store of two articles for the query tests: Haftar meets the prime
// minister in Tripoli, and a protest in Baghdad.
func filterStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "q.db")
	jsonl := `{"id":"a1","title":"اشتباكات","date":"2019-10-25","source":"Sky News Arabia (skynewsarabia.com)","text":"التقى خليفة حفتر رئيس الحكومة في طرابلس أمس."}
{"id":"a2","title":"احتجاج","date":"2019-10-28","source":"BBC Arabic (bbc.com/arabic)","text":"تظاهر آلاف العراقيين في بغداد احتجاجا على الفساد."}
`
	if code, _, errs := runCLI(t, jsonl, "ingest", "--db", db, "--input", "jsonl", "-"); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	return db
}

func TestEventFiltersFindWhatAUserMeans(t *testing.T) {
	db := filterStore(t)
	count := func(args ...string) string {
		t.Helper()
		code, out, errs := runCLI(t, "", append([]string{"events", "--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("events %v: exit %d: %s", args, code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		return lines[len(lines)-1]
	}
	all := count("--limit", "0")
	for _, c := range []struct {
		args []string
		same string // a query that must find the same events
	}{
		{[]string{"--actor", "Haftar"}, "--actor=حفتر"},
		{[]string{"--actor", "lby-haftar"}, "--actor=حفتر"},
		{[]string{"--place", "Tripoli"}, "--place=طرابلس"},
		{[]string{"--country", "lby"}, "--country=LBY"},
		{[]string{"--source", "sky"}, "--source=Sky News Arabia (skynewsarabia.com)"},
		{[]string{"--source", "bbc.com"}, "--source=BBC Arabic (bbc.com/arabic)"},
	} {
		got, want := count(c.args...), count(c.same)
		if got != want || got == "0 events" || got == all {
			t.Errorf("%v: %s; %s: %s (all: %s)", c.args, got, c.same, want, all)
		}
	}
	for _, args := range [][]string{{"--actor", "%"}, {"--place", "-"}, {"--from", "2019-11-01", "--to", "2019-10-01"}, {"--limit", "-1"}} {
		code, _, errs := runCLI(t, "", append([]string{"events", "--db", db}, args...)...)
		if code == 0 || strings.Count(errs, "\n") > 2 {
			t.Errorf("events %v: exit %d, want one error line and the usage line: %q", args, code, errs)
		}
	}
}

func TestReadCommandsNeedAnExistingStore(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, cmd := range []string{"events", "actors", "stats", "export"} {
		code, _, errs := runCLI(t, "", cmd, "--db", missing)
		if code == 0 || !strings.Contains(errs, "no store at") {
			t.Errorf("%s on a missing store: exit %d, %q", cmd, code, errs)
		}
	}
	if code, _, errs := runCLI(t, "", "stats", "--db", "mysql://u@h/db"); code == 0 || !strings.Contains(errs, "mysql://") {
		t.Errorf("mysql:// store: exit %d, %q", code, errs)
	}
}

// Mistakes in a command line get one line saying what was wrong, and the
// usage line; a misspelt command gets the nearest one.
func TestCommandLineMistakesAreExplainedOnce(t *testing.T) {
	code, _, errs := runCLI(t, "", "ingset", "foo.jsonl")
	if code != 2 || !strings.Contains(errs, `did you mean "ingest"?`) {
		t.Errorf("misspelt command: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{"stats", "extra"}, {"events", "--bogus"}, {"export", "--format", "xml"}} {
		code, _, errs := runCLI(t, "", args...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code != 2 || len(lines) != 2 || !strings.HasPrefix(lines[1], "usage: marsad "+args[0]) || strings.Count(errs, "export: export") > 0 {
			t.Errorf("%v: exit %d, want one error line and the usage line:\n%s", args, code, errs)
		}
	}
	if _, out, _ := runCLI(t, "", "--help"); !strings.Contains(out, "  version ") {
		t.Error("--help does not list version")
	}
}

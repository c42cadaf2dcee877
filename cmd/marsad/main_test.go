package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/shared"
)

// runCLI runs one marsad command line in-process.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code = run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func TestHelpListsEveryCommandAndEachHasAnExample(t *testing.T) {
	code, out, _ := runCLI(t, "", "--help")
	if code != 0 {
		t.Fatalf("--help exited %d", code)
	}
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !strings.Contains(out, n) {
			t.Errorf("marsad --help does not list %q", n)
		}
		code, help, _ := runCLI(t, "", append(strings.Fields(n), "--help")...)
		if code != 0 || !strings.Contains(help, "Usage:") || !strings.Contains(help, "Example:") {
			t.Errorf("marsad %s --help (exit %d) lacks usage or example:\n%s", n, code, help)
		}
	}
}

func TestCodeWritesOneCompleteEventPerLine(t *testing.T) {
	code, out, errs := runCLI(t, "هاجم مسلحون قافلة للجيش الليبي في طرابلس أمس وقتلوا ثلاثة جنود.\n", "code", "--date", "2019-10-25", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("no events")
	}
	fields := []string{"id", "doc_id", "event_type", "mode", "context", "cameo", "source", "target", "location",
		"date", "date_text", "modality", "claimed_by", "fatalities", "confidence", "sentence_index", "sentence",
		"trigger", "coder_version"}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %s", l)
		}
		for _, f := range fields {
			if _, ok := m[f]; !ok {
				t.Errorf("event lacks field %q: %s", f, l)
			}
		}
	}
}

func TestCodeSkipsBadInputWithAReason(t *testing.T) {
	cases := map[string]string{
		"testdata/invalid-utf8.txt": "invalid UTF-8",
		"testdata/empty.txt":        "empty",
		"testdata/binary.txt":       "binary",
		"testdata/no-text.html":     "no visible text",
	}
	for file, reason := range cases {
		// Next to a good file the run goes on and succeeds.
		code, _, errs := runCLI(t, "", "code", file, "testdata/good.txt")
		if code != 0 {
			t.Errorf("%s: exit %d (bad input must not stop a run): %s", file, code, errs)
		}
		if !strings.Contains(errs, "skipped "+file) || !strings.Contains(errs, reason) {
			t.Errorf("%s: stderr does not give the reason %q:\n%s", file, reason, errs)
		}
		// Alone, nothing is coded: the reason is given and the exit code says so.
		code, out, errs := runCLI(t, "", "code", file)
		if code != 1 || out != "" || !strings.Contains(errs, "no document could be read") {
			t.Errorf("%s alone: exit %d, output %q, stderr %q", file, code, out, errs)
		}
	}
}

func TestCodeSeedFromTheCommandLine(t *testing.T) {
	seed := shared.Path(t, "seed/000_a763ce97bed870a3.txt")
	code, out, errs := runCLI(t, "", "code", seed, "--date", "2019-10-25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"event_type":"RETREAT"`) {
		t.Errorf("no RETREAT on the seed:\n%s", out)
	}
}

func TestUnknownCommandAndMissingArguments(t *testing.T) {
	if code, _, errs := runCLI(t, "", "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI(t, "", "eval", "events"); code != 2 {
		t.Errorf("eval events without --gold: exit %d, want 2", code)
	}
}

// The event shown in the README is what marsad code prints for the seed.
func TestReadmeExampleIsCurrent(t *testing.T) {
	seed := shared.Path(t, "seed/000_a763ce97bed870a3.txt")
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "```json\n")
	block, _, ok2 := strings.Cut(block, "\n```")
	if !ok || !ok2 {
		t.Fatal("README has no ```json block")
	}
	var want map[string]any
	if err := json.Unmarshal([]byte(block), &want); err != nil {
		t.Fatalf("README example is not JSON: %v", err)
	}
	_, out, errs := runCLI(t, "", "code", seed, "--date", "2019-10-25")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var got map[string]any
		if json.Unmarshal([]byte(line), &got) == nil && got["id"] == want["id"] {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("README example differs from the output:\nREADME: %v\noutput: %s", want, line)
			}
			return
		}
	}
	t.Errorf("no event %v in the output (stderr %s)", want["id"], errs)
}

func TestCountLinesSkipsBlankLines(t *testing.T) {
	p := t.TempDir() + "/x.jsonl"
	os.WriteFile(p, []byte("{}\n\n{}\n{}"), 0o644)
	if n, err := countLines(p); err != nil || n != 3 {
		t.Errorf("countLines = %d, %v; want 3", n, err)
	}
}

package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// xssArticle carries script payloads in its title, source, URL and text
// (the reader keeps a text with few tags as text, so they reach the store).
const xssArticle = `{"id": "xss-2", "title": "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">", "date": "2019-10-27",
 "source": "<b onmouseover=\"window.__xss=3\">x</b>", "url": "javascript:window.__xss=4",
 "text": "هاجم مسلحون <img src=x onerror=\"window.__xss=5\"> قافلة للجيش الليبي في طرابلس وقتلوا ثلاثة جنود، في هجوم هو الأعنف منذ أشهر على الطريق الساحلي. وقالت كتيبة النواصي javascript:window.__xss=7 إنها اشتبكت مع قوات الوفاق في مصراتة، فيما لم تعلق الحكومة على الهجوم حتى الآن."}`

// TestBrowser runs web/test/browser.mjs (playwright-core and Debian's
// chromium) against the dashboard on a test store. It skips when node,
// chromium or web/node_modules are missing, unless MARSAD_BROWSER_TESTS=1
// (as scripts/test.sh sets after installing them), where that fails.
// MARSAD_SCREENSHOTS keeps the screenshots in that folder.
func TestBrowser(t *testing.T) {
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	node, err := exec.LookPath("node")
	missing := ""
	switch {
	case err != nil:
		missing = "node"
	case fileMissing(chromium):
		missing = chromium
	case fileMissing("../web/node_modules/playwright-core/package.json"):
		missing = "web/node_modules (npm --prefix web ci)"
	}
	if missing != "" {
		if os.Getenv("MARSAD_BROWSER_TESTS") == "1" {
			t.Fatalf("browser tests: %s is missing", missing)
		}
		t.Skipf("skipping browser tests: %s is missing (scripts/test.sh installs it)", missing)
	}
	s := newTestServer(t)
	ts := httptest.NewServer(s) // on 127.0.0.1, a free port
	defer ts.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/api/documents", strings.NewReader(xssArticle))
	req.Header.Set("Authorization", "Bearer s3cret")
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusCreated {
		t.Fatalf("posting the payload article: %v %v", err, res.Status)
	}
	res.Body.Close()
	shots := os.Getenv("MARSAD_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join("..", "web", "test", "browser.mjs"), ts.URL, shots, "xss-2")
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("browser tests (screenshots in %s):\n%s", shots, out)
	if err != nil {
		t.Fatalf("browser tests failed: %v", err)
	}
}

func fileMissing(p string) bool {
	_, err := os.Stat(p)
	return err != nil
}

// TestFrontEndUnits runs the dashboard's own unit tests (web/test/unit.test.mjs).
func TestFrontEndUnits(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("MARSAD_BROWSER_TESTS") == "1" {
			t.Fatal("node is missing")
		}
		t.Skip("skipping: node is not installed")
	}
	out, err := exec.Command(node, "--test", filepath.Join("..", "web", "test", "unit.test.mjs")).CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
}

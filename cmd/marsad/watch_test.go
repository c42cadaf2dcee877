package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWatchOnce(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"x"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"x"`)
		fmt.Fprint(w, `<rss version="2.0"><channel><title>T</title>
<item><guid>1</guid><title>a</title><description>تظاهر مئات في بنغازي احتجاجا على انقطاع الكهرباء.</description></item>
<item><guid>2</guid><title>b</title><description>أعلن الجيش سيطرته على مدينة سرت بعد معارك عنيفة.</description></item>
</channel></rss>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte("# test feed\n"+srv.URL+"/rss\n"), 0o644)
	db := filepath.Join(dir, "w.db")

	// (another store: the failure puts the feed off for 10 minutes)
	code, out, errs := runCLI(t, "", "watch", "--feeds", list, "--db", filepath.Join(dir, "refused.db"), "--once")
	if code != 0 || !strings.Contains(out, "1 failed") || !strings.Contains(errs, "refused") {
		t.Fatalf("loopback feed without --allow-private: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "", "watch", "--feeds", list, "--db", db, "--once", "--allow-private", "--every", "1ms")
	if code != 0 || !strings.Contains(out, "2 items queued") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "feed polled") || !strings.Contains(errs, "new=2") {
		t.Errorf("no log line for the poll:\n%s", errs)
	}
	code, out, errs = runCLI(t, "", "watch", "--feeds", list, "--db", db, "--once", "--allow-private")
	if code != 0 || !strings.Contains(out, "1 not modified") || !strings.Contains(errs, "feed not modified") {
		t.Fatalf("second poll: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := runCLI(t, "", "watch", "--db", db); code != 2 || !strings.Contains(errs, "--feeds") {
		t.Errorf("without --feeds: exit %d, %s", code, errs)
	}
}

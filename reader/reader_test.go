package reader

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	marsad "github.com/marsad/marsad"
)

// collect reads one path and splits Documents from Rejects.
func collect(t *testing.T, path string, opts Options) (docs []marsad.Document, rejects []*Reject) {
	t.Helper()
	err := Walk([]string{path}, opts, func(it Item) error {
		if it.Err != nil {
			var r *Reject
			if !errors.As(it.Err, &r) {
				t.Fatalf("%s: error is %T, want *Reject: %v", path, it.Err, it.Err)
			}
			rejects = append(rejects, r)
			return nil
		}
		docs = append(docs, it.Doc)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk(%s): %v", path, err)
	}
	return docs, rejects
}

// reasons lists "line:reason" for compact comparisons.
func reasons(rs []*Reject) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%d:%s", r.Line, r.Reason))
	}
	return out
}

func wantReject(t *testing.T, path, reason string) {
	t.Helper()
	docs, rejects := collect(t, path, Options{})
	if len(docs) != 0 || len(rejects) != 1 || !strings.HasPrefix(rejects[0].Reason, reason) {
		t.Fatalf("%s: got %d docs, rejects %q; want one reject %q", path, len(docs), reasons(rejects), reason)
	}
}

func TestPlainTextKeepsTheWholeFile(t *testing.T) {
	docs, rejects := collect(t, "testdata/article.txt", Options{Date: "2019-10-25"})
	if len(rejects) != 0 || len(docs) != 1 {
		t.Fatalf("docs %d rejects %v", len(docs), reasons(rejects))
	}
	raw, _ := os.ReadFile("testdata/article.txt")
	d := docs[0]
	if d.Text != string(raw) {
		t.Errorf("Text is not the file as read: %q", d.Text)
	}
	if d.Title != "ميليشيا مصراتة تلوي ذراع الوفاق" {
		t.Errorf("Title = %q", d.Title)
	}
	if d.Date != "2019-10-25" || d.ID != "sha256-"+d.Hash[:16] || len(d.Hash) != 64 {
		t.Errorf("Date %q ID %q Hash %q", d.Date, d.ID, d.Hash)
	}
	// Offsets are code points into the file: the weekday is where the file has it.
	r := []rune(d.Text)
	i := strings.Index(d.Text, "الجمعة")
	start := utf8.RuneCountInString(d.Text[:i])
	if got := string(r[start : start+6]); got != "الجمعة" {
		t.Errorf("rune offset %d holds %q", start, got)
	}
}

func TestByteOrderMarkIsNotText(t *testing.T) {
	docs, _ := collect(t, "testdata/bom.txt", Options{})
	if len(docs) != 1 || docs[0].Title != "عنوان" || strings.HasPrefix(docs[0].Text, "\ufeff") {
		t.Fatalf("got %+v", docs)
	}
}

func TestBadFilesAreRejectedWithAReason(t *testing.T) {
	wantReject(t, "testdata/empty.txt", "empty")
	wantReject(t, "testdata/binary.txt", "binary file (NUL byte at byte 6)")
	wantReject(t, "testdata/utf16.txt", "binary file (UTF-16")
	wantReject(t, "testdata/invalid.txt", "invalid UTF-8 at byte 16")
	wantReject(t, "testdata/broken.rss", "malformed feed: XML syntax error")
	wantReject(t, "testdata/nocolumn.csv", "no text column (header: a, b)")
	wantReject(t, "testdata/does-not-exist.txt", "cannot open: no such file")
}

func TestTooLarge(t *testing.T) {
	docs, rejects := collect(t, "testdata/article.txt", Options{MaxText: 20})
	if len(docs) != 0 || len(rejects) != 1 || !strings.HasPrefix(rejects[0].Reason, "too large") {
		t.Fatalf("txt: docs %d rejects %q", len(docs), reasons(rejects))
	}
	docs, rejects = collect(t, "testdata/array.json", Options{MaxText: 20})
	if len(docs) != 1 || len(rejects) != 2 || !strings.HasPrefix(rejects[0].Reason, "too large (21 bytes of text, limit 20)") {
		t.Fatalf("json: docs %d rejects %q", len(docs), reasons(rejects))
	}
	// A line too long to be a record is skipped without being kept.
	long := `{"text": "` + strings.Repeat("ا", 1<<20) + `"}` + "\n" + `{"text": "قصير"}` + "\n"
	it, err := Read(strings.NewReader(long), "x.jsonl", Options{MaxText: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for item := range it.All() {
		if item.Err != nil {
			got = append(got, item.Err.Error())
		} else {
			got = append(got, item.Doc.Text)
		}
	}
	want := []string{"x.jsonl:1 (record 1): too large (line longer than 1052576 bytes)", "قصير"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestHTMLSavedAsTextIsStripped(t *testing.T) {
	docs, _ := collect(t, "testdata/tags.txt", Options{})
	if len(docs) != 1 {
		t.Fatal("no document")
	}
	d := docs[0]
	if d.Title != "اشتباكات في طرابلس" || d.Text != "اندلعت اشتباكات عنيفة.\nوقتل ثلاثة." || d.Meta["html_stripped"] != true {
		t.Errorf("got title %q text %q meta %v", d.Title, d.Text, d.Meta)
	}
}

func TestJSONL(t *testing.T) {
	docs, rejects := collect(t, "testdata/records.jsonl", Options{Date: "2000-01-01"})
	wantRejects := []string{
		`3:invalid JSON: invalid character '\n' in string literal (at byte 29)`,
		"5:empty",
		`6:no "text" field (fields: id, title)`,
		`7:field "text" is an array, want a string`,
		"8:not a JSON object (got an array)",
		"11:binary content (NUL byte at byte 4 of the text)",
		"12:invalid UTF-8 at byte 895",
	}
	if fmt.Sprint(reasons(rejects)) != fmt.Sprint(wantRejects) {
		t.Errorf("rejects:\n%q\nwant\n%q", reasons(rejects), wantRejects)
	}
	if len(docs) != 4 {
		t.Fatalf("got %d docs, want 4", len(docs))
	}
	a1 := docs[0]
	if a1.ID != "a1" || a1.Date != "2018-02-28" || a1.Source != "Al Arabiya" || a1.URL != "http://x/1" ||
		a1.Meta["category"] != "internationalNews" || a1.Meta["author"] != "نيويورك" {
		t.Errorf("a1 = %+v", a1)
	}
	// -05:00 evening stays on its own day: the date part as written.
	if docs[1].Date != "2018-09-03" || !strings.HasPrefix(docs[1].ID, "sha256-") {
		t.Errorf("no-id record = %+v", docs[1])
	}
	if docs[2].ID != "7" || docs[2].Date != "2018-02-28" || docs[2].Text != "اندلعت اشتباكات في طرابلس.\nوقتل ثلاثة." {
		t.Errorf("html record = %+v", docs[2])
	}
	// An unreadable date is kept in Meta and the default fills Date.
	if docs[3].Date != "2000-01-01" || docs[3].Meta["date"] != "sometime in spring" {
		t.Errorf("bad-date record = %+v", docs[3])
	}
}

func TestJSONArrayAndObject(t *testing.T) {
	docs, rejects := collect(t, "testdata/array.json", Options{})
	if len(docs) != 2 || docs[1].ID != "j2" || len(rejects) != 1 || rejects[0].Record != 3 || rejects[0].Reason != "empty" {
		t.Errorf("array: docs %+v rejects %q", docs, reasons(rejects))
	}
	docs, _ = collect(t, "testdata/object.json", Options{})
	if len(docs) != 1 || docs[0].ID != "o1" || docs[0].Title != "واحد" {
		t.Errorf("object: %+v", docs)
	}
	docs, rejects = collect(t, "testdata/truncated.json", Options{})
	if len(docs) != 1 || len(rejects) != 1 || !strings.Contains(rejects[0].Reason, "rest of the file skipped") {
		t.Errorf("truncated: docs %+v rejects %q", docs, reasons(rejects))
	}
}

func TestCSVColumns(t *testing.T) {
	cols, err := ParseColumns("text=Body, date=Published")
	if err != nil {
		t.Fatal(err)
	}
	docs, rejects := collect(t, "testdata/articles.csv", Options{Columns: cols})
	if len(docs) != 1 || docs[0].Title != "عنوان أول" || docs[0].Text != "نص أول، مع فاصلة" ||
		docs[0].Date != "2019-10-25" || docs[0].Meta["Section"] != "سياسة" {
		t.Errorf("docs %+v", docs)
	}
	want := []string{"3:has 3 fields, the header has 4", "4:empty"}
	if fmt.Sprint(reasons(rejects)) != fmt.Sprint(want) {
		t.Errorf("rejects %q, want %q", reasons(rejects), want)
	}
	_, rejects = collect(t, "testdata/articles.csv", Options{Columns: map[string]string{"text": "Story"}})
	if len(rejects) != 1 || !strings.HasPrefix(rejects[0].Reason, `column "Story" (for text) is not in the header`) {
		t.Errorf("missing column: %q", reasons(rejects))
	}
	if _, err := ParseColumns("body"); err == nil {
		t.Error("ParseColumns(body) accepted a mapping without =")
	}
	if _, err := ParseColumns("txt=body"); err == nil {
		t.Error("ParseColumns accepted an unknown field")
	}
	docs, _ = collect(t, "testdata/articles.tsv", Options{})
	if len(docs) != 1 || docs[0].ID != "t1" || docs[0].Text != `نص "مقتبس" هنا` || docs[0].Date != "2019-10-25" {
		t.Errorf("tsv %+v", docs)
	}
}

func TestFeeds(t *testing.T) {
	docs, rejects := collect(t, "testdata/feed.rss", Options{})
	if len(docs) != 1 || len(rejects) != 1 || rejects[0].Record != 2 {
		t.Fatalf("docs %d rejects %q", len(docs), reasons(rejects))
	}
	d := docs[0]
	// 23:30 at -04:00 is the 25th where it was written, though the 26th in UTC.
	if d.ID != "tag:example.org,1" || d.Date != "2019-10-25" || d.URL != "https://example.org/1" ||
		d.Title != "اشتباكات في طرابلس & ضواحيها" || d.Text != "اندلعت اشتباكات عنيفة الجمعة جنوب طرابلس." ||
		d.Source != "Marsad test feed" {
		t.Errorf("rss item = %+v", d)
	}
	docs, _ = collect(t, "testdata/feed.atom", Options{})
	if len(docs) != 1 || docs[0].Text != "نص الخبر الكامل." || docs[0].Date != "2019-10-24" {
		t.Errorf("atom = %+v", docs)
	}
}

func TestFeedURL(t *testing.T) {
	rss, _ := os.ReadFile("testdata/feed.rss")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Write(rss)
		case "/big":
			w.Write([]byte(strings.Repeat("x", 2000)))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	local := Options{AllowPrivate: true} // the test server is on 127.0.0.1
	docs, rejects := collect(t, srv.URL+"/feed", local)
	if len(docs) != 1 || docs[0].ID != "tag:example.org,1" || len(rejects) != 1 {
		t.Errorf("feed: docs %+v rejects %q", docs, reasons(rejects))
	}
	_, rejects = collect(t, srv.URL+"/missing", local)
	if len(rejects) != 1 || rejects[0].Reason != "fetch failed: HTTP 404 Not Found" {
		t.Errorf("missing: %q", reasons(rejects))
	}
	_, rejects = collect(t, srv.URL+"/big", Options{MaxFetch: 1000, AllowPrivate: true})
	if len(rejects) != 1 || rejects[0].Reason != "too large (more than 1000 bytes)" {
		t.Errorf("big: %q", reasons(rejects))
	}
}

func TestHTMLPage(t *testing.T) {
	docs, _ := collect(t, "testdata/page.html", Options{})
	if len(docs) != 1 {
		t.Fatal("no document")
	}
	d := docs[0]
	if d.Title != "انسحاب ميليشيات مصراتة" || d.Date != "2019-10-25" || d.Text != "انسحاب\nبدأ مقاتلو مصراتة الجمعة\nفي الانسحاب." {
		t.Errorf("page = %+v", d)
	}
	docs, _ = collect(t, "testdata/win1256.html", Options{})
	if len(docs) != 1 || docs[0].Text != "طرابلس" {
		t.Errorf("windows-1256 page = %+v", docs)
	}
}

func TestWalkFolderIsSortedAndSkipsHidden(t *testing.T) {
	var files []string
	Walk([]string{"testdata/folder"}, Options{}, func(it Item) error {
		files = append(files, fmt.Sprint(it.Doc.Meta["file"], " ", it.Doc.ID))
		return nil
	})
	want := []string{"testdata/folder/b.txt sha256-a015b7402ebb22f9", "<nil> o1"}
	if fmt.Sprint(files) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", files, want)
	}
}

func TestStdinAndForcedFormat(t *testing.T) {
	in := strings.NewReader(`{"id":"s1","text":"من المدخل القياسي"}` + "\n")
	var got []marsad.Document
	err := Walk([]string{"-"}, Options{Stdin: in}, func(it Item) error {
		if it.Err != nil {
			t.Errorf("reject %v", it.Err)
		}
		got = append(got, it.Doc)
		return nil
	})
	if err != nil || len(got) != 1 || got[0].ID != "s1" {
		t.Errorf("stdin: %v %+v", err, got)
	}
	it, err := Read(strings.NewReader("id,text\nc1,نص\n"), "-", Options{Format: "csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer it.Close()
	if item, ok := it.Next(); !ok || item.Doc.ID != "c1" {
		t.Errorf("forced csv: %+v", item)
	}
	if _, err := Read(strings.NewReader(""), "-", Options{Format: "pdf"}); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := Open("testdata/article.txt", Options{Date: "25/10/2019"}); err == nil {
		t.Error("bad default date accepted")
	}
}

func TestWalkStopsWhenAskedTo(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Walk([]string{"testdata/records.jsonl"}, Options{}, func(Item) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("err %v after %d items", err, n)
	}
}

func TestSniffing(t *testing.T) {
	for in, want := range map[string]string{
		`[{"text":"x"}]`:                               "json",
		"{\n \"text\": \"x\"\n}":                       "json",
		`{"text":"x"}` + "\n":                          "jsonl",
		"<?xml version=\"1.0\"?><rss version=\"2.0\">": "feed",
		"<!DOCTYPE html><html>":                        "html",
		"خبر عاجل":                                     "txt",
		"\ufeff[1]":                                    "json",
	} {
		if got := sniffFormat([]byte(in)); got != want {
			t.Errorf("sniffFormat(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestNormDate(t *testing.T) {
	for in, want := range map[string]string{
		"2018-02-28T10:50:50+04:00":       "2018-02-28",
		"2018-02-28":                      "2018-02-28",
		"Wed, 28 Feb 2018 23:50:50 -0300": "2018-02-28",
		"٢٠١٩/١٠/٢٥":                      "2019-10-25",
		"25/10/2019":                      "2019-10-25",
		"October 25, 2019":                "2019-10-25",
		"2019-13-01":                      "",
		"tomorrow":                        "",
	} {
		if got, _ := normDate(in); got != want {
			t.Errorf("normDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLooksLikeHTML(t *testing.T) {
	for in, want := range map[string]bool{
		"<p>نص</p><p>نص آخر</p>":             true,
		"<div><span>x</span></div>":          true,
		"العدد 3 < 5 والنتيجة > 2":           false,
		"قال <المصدر> إن القوات تقدمت كثيرا": false,
		"<br><b>عاجل</b>":                    true, // half markup
	} {
		if got := looksLikeHTML(in); got != want {
			t.Errorf("looksLikeHTML(%q) = %v", in, got)
		}
	}
}

// A number is accepted as an id but never as an article's text.
func TestNumberIsNoText(t *testing.T) {
	it, err := Read(strings.NewReader("{\"id\": 7, \"text\": 5}\n{\"id\": 8, \"text\": \"خبر\"}\n"), "x.jsonl", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	var rejects []string
	for item := range it.All() {
		if item.Err != nil {
			rejects = append(rejects, item.Err.Error())
			continue
		}
		docs = append(docs, item.Doc.ID)
	}
	if len(docs) != 1 || docs[0] != "8" || len(rejects) != 1 || !strings.Contains(rejects[0], `"text" is a number`) {
		t.Errorf("docs %v, rejects %v", docs, rejects)
	}
}

package reader

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTML is read rather than rejected: saved article pages and feed bodies
// are common inputs, x/net/html parses them the way a browser does, and the
// visible text becomes Document.Text, so offsets still point into Text.

// htmlDoc is what a page yields.
type htmlDoc struct {
	title, text, date string
}

// skipped elements hold no visible article text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Select: true,
}

// blocks start and end a line of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
	atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Dd: true, atom.Dt: true,
	atom.Dl: true, atom.Figure: true, atom.Figcaption: true, atom.Main: true,
	atom.Address: true, atom.Form: true, atom.Fieldset: true, atom.Caption: true,
	atom.Title: true, atom.Body: true,
}

// dateMetas are <meta> names and properties that carry a publication date.
var dateMetas = []string{
	"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
	"publishdate", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
}

// extractHTML returns the title, visible text (one block a line) and
// publication date of a page.
func extractHTML(b []byte) htmlDoc {
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil { // only reader errors, impossible on bytes
		return htmlDoc{}
	}
	var out htmlDoc
	metas := map[string]string{}
	var h1 string
	var buf strings.Builder
	// walk visits every node, collecting metadata everywhere but text only
	// where a reader would see it.
	var walk func(n *html.Node, visible bool)
	walk = func(n *html.Node, visible bool) {
		if n.Type == html.TextNode {
			if visible {
				buf.WriteString(n.Data)
			}
			return
		}
		block := false
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				if key != "" {
					metas[key] = attr(n, "content")
				}
			case atom.Title:
				if out.title == "" {
					out.title = collapse(textOf(n))
				}
			case atom.H1:
				if h1 == "" {
					h1 = collapse(textOf(n))
				}
			case atom.Time:
				if _, ok := metas["time"]; !ok && attr(n, "datetime") != "" {
					metas["time"] = attr(n, "datetime")
				}
			}
			visible = visible && !skipped[n.DataAtom] && !hidden(n)
			block = visible && blocks[n.DataAtom]
		}
		if block {
			buf.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, visible)
		}
		if block {
			buf.WriteByte('\n')
		}
	}
	walk(root, true)
	out.text = tidyLines(buf.String())
	if out.title == "" {
		out.title = h1
	}
	for _, k := range append(dateMetas, "time") {
		if d, ok := normDate(metas[k]); ok {
			out.date = d
			break
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse joins runs of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// tidyLines collapses white space within lines and drops empty lines.
func tidyLines(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = collapse(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// tagRE matches HTML comments, doctypes and tags; group 1 is the tag name.
var tagRE = regexp.MustCompile(`(?i)<!--[\s\S]*?-->|<!doctype[^>]*>|</?([a-z][a-z0-9]*)\b[^<>]*>`)

// htmlNames are elements whose tags mark a text as HTML.
var htmlNames = map[string]bool{
	"html": true, "head": true, "body": true, "p": true, "div": true, "span": true, "br": true,
	"a": true, "img": true, "ul": true, "ol": true, "li": true, "table": true, "tr": true,
	"td": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"script": true, "style": true, "strong": true, "em": true, "b": true, "i": true,
	"meta": true, "link": true, "article": true, "section": true, "iframe": true,
	"figure": true, "blockquote": true, "title": true,
}

// looksLikeHTML reports whether s is markup rather than text: three or more
// tags of real HTML elements (a stray "<" in prose never is), or markup
// making up half of the text.
func looksLikeHTML(s string) bool {
	if !strings.Contains(s, "<") {
		return false
	}
	sample := s[:min(len(s), 256<<10)]
	known, tagBytes := 0, 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(sample, -1) {
		tagBytes += m[1] - m[0]
		if m[2] < 0 || htmlNames[strings.ToLower(sample[m[2]:m[3]])] {
			known++
		}
	}
	if known >= 3 {
		return true
	}
	nonSpace := len(sample) - strings.Count(sample, " ") - strings.Count(sample, "\n")
	return known >= 1 && tagBytes*2 >= nonSpace
}

// decodeHTML returns the page as UTF-8: as is when it is valid UTF-8, else
// decoded by the charset its <meta> declares (Arabic sites still use
// windows-1256). bad is the offset of invalid UTF-8 when neither works.
func decodeHTML(b []byte, contentType string) (text []byte, bad int) {
	bad = invalidUTF8(b)
	if bad < 0 {
		return b, -1
	}
	enc, name, _ := charset.DetermineEncoding(b, contentType)
	if name == "utf-8" || name == "windows-1252" { // 1252 is the guess when nothing is declared
		return nil, bad
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return nil, bad
	}
	return out, -1
}

// readHTMLFile reads one page as one Document.
func readHTMLFile(src *source, yield func(Item) bool) {
	data, ok := src.slurp(src.opts.maxFetch(), "HTML", yield)
	if !ok {
		return
	}
	data, bad := decodeHTML(data, "")
	if bad >= 0 {
		yield(src.reject(0, 0, "invalid UTF-8 at byte %d", src.base+int64(bad)))
		return
	}
	h := extractHTML(data)
	doc := newDoc(src.name)
	doc.Title, doc.Text, doc.Date = h.title, h.text, h.date
	if strings.TrimSpace(doc.Text) == "" {
		yield(src.reject(0, 0, "empty (no visible text in the HTML)"))
		return
	}
	yield(src.finish(doc, 0, 0))
}

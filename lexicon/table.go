package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Table is one knowledge file: a header row naming the columns, then one
// entry a line. Blank lines and lines starting with # are comments.
// Columns are found by name, so an analyst may reorder them or add notes
// in extra columns.
type Table struct {
	File   string
	Header []string
	Rows   []Row
	col    map[string]int
}

// Row is one entry line of a Table.
type Row struct {
	Line   int // 1-based line number in the file, for error messages
	Fields []string
	t      *Table
}

// Get returns the named column of the row, trimmed, or "" when the row is
// shorter than the header or the column does not exist.
func (r Row) Get(col string) string {
	i, ok := r.t.col[col]
	if !ok || i >= len(r.Fields) {
		return ""
	}
	return strings.TrimSpace(r.Fields[i])
}

// Errorf returns an error that names the file and line of the row.
func (r Row) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.t.File, r.Line, fmt.Sprintf(format, args...))
}

// ReadTable reads a knowledge file from fsys and checks that the header
// has every required column.
func ReadTable(fsys fs.FS, name string, required ...string) (*Table, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseTable(f, name, required...)
}

// ParseTable reads a knowledge file from r; name is used in errors.
func ParseTable(r io.Reader, name string, required ...string) (*Table, error) {
	t := &Table{File: name, col: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		trim := strings.TrimSpace(s)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		fields := strings.Split(s, "\t")
		if t.Header == nil {
			for i, h := range fields {
				h = strings.TrimSpace(h)
				if _, dup := t.col[h]; dup {
					return nil, fmt.Errorf("%s:%d: column %q appears twice in the header", name, line, h)
				}
				t.col[h] = i
				t.Header = append(t.Header, h)
			}
			for _, c := range required {
				if _, ok := t.col[c]; !ok {
					return nil, fmt.Errorf("%s:%d: header lacks column %q (has %s)", name, line, c, strings.Join(t.Header, ", "))
				}
			}
			continue
		}
		t.Rows = append(t.Rows, Row{Line: line, Fields: fields, t: t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if t.Header == nil {
		return nil, fmt.Errorf("%s: no header row", name)
	}
	return t, nil
}

// splitList splits a multi-valued field on sep, trimming and dropping
// empty items.
func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

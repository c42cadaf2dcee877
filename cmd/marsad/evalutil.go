package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// readGold opens a gold file and parses it with read; errors name the file.
func readGold[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// writeJSONLine prints v as one JSON object on its own line: the --json
// convention of the eval commands (figures on the last line).
func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(b))
	return err
}

// scoreReport is what the eval commands print.
type scoreReport interface {
	WriteTable(io.Writer)
	WriteErrors(io.Writer)
}

// printReport prints the error list (when asked), the table, and the
// figures as one JSON line (when asked): the output of every eval command.
func printReport(w io.Writer, rep scoreReport, errors, asJSON bool) error {
	if errors {
		rep.WriteErrors(w)
		fmt.Fprintln(w)
	}
	rep.WriteTable(w)
	if asJSON {
		return writeJSONLine(w, rep)
	}
	return nil
}

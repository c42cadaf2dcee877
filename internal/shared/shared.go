// Package shared locates the project's development data (../shared beside
// the repository) for tests and benchmarks.
//
// A user's clone has no ../shared, so tests that need it skip with a clear
// message; CI always has it, so with CI set a missing folder fails the test
// instead of letting it pass on skips.
package shared

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the absolute path of ../shared relative to the module root,
// or "" when it does not exist. MARSAD_SHARED overrides the location.
func Root() string {
	if d := os.Getenv("MARSAD_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <module>/internal/shared/shared.go
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		abs, _ := filepath.Abs(d)
		return abs
	}
	return ""
}

// Path returns the path of rel inside ../shared, skipping the test (or
// failing it under CI) when the file is not there.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root := Root()
	p := filepath.Join(root, rel)
	if root != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("../shared/%s is missing: CI must run beside the shared data folder", rel)
	}
	tb.Skipf("skipping: ../shared/%s not found (development data lives beside the repository; set MARSAD_SHARED to point elsewhere)", rel)
	return ""
}

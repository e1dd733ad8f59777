package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain fails the package when a test left a database file in the
// source tree: every test must keep its files under t.TempDir(), and a
// stray leadup.db once got committed because one did not.
func TestMain(m *testing.M) {
	code := m.Run()
	if strays, _ := filepath.Glob("*.db*"); len(strays) > 0 {
		fmt.Fprintf(os.Stderr, "tests left database files in the source tree: %v\n", strays)
		code = 1
	}
	os.Exit(code)
}

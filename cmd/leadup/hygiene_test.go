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
//
// With LEADUP_TEST_AS_LEADUP=1 the test binary is leadup itself, so that a
// test can run command lines through a shell exactly as an operator would.
func TestMain(m *testing.M) {
	if os.Getenv("LEADUP_TEST_AS_LEADUP") == "1" {
		main()
		os.Exit(0)
	}
	code := m.Run()
	if strays, _ := filepath.Glob("*.db*"); len(strays) > 0 {
		fmt.Fprintf(os.Stderr, "tests left database files in the source tree: %v\n", strays)
		code = 1
	}
	os.Exit(code)
}

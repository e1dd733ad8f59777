package testenv

import (
	"fmt"
	"testing"
)

// recorder notes how a test would have ended instead of ending it.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Fatalf(f string, a ...any) { r.fatal = fmt.Sprintf(f, a...) }
func (r *recorder) Skipf(f string, a ...any)  { r.skip = fmt.Sprintf(f, a...) }

func TestProgram(t *testing.T) {
	tests := []struct {
		name, require, path string
		wantPath            string
		wantFatal, wantSkip bool
	}{
		{name: "set", path: "/usr/bin/tool", wantPath: "/usr/bin/tool"},
		{name: "set in CI", require: "1", path: "/usr/bin/tool", wantPath: "/usr/bin/tool"},
		{name: "missing on a developer's machine", wantSkip: true},
		{name: "missing in CI", require: "1", wantFatal: true},
		{name: "missing, other value", require: "yes", wantSkip: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LEADUP_REQUIRE_BROWSER", tt.require)
			t.Setenv("LEADUP_TEST_TOOL", tt.path)
			r := &recorder{TB: t}
			got := Program(r, "LEADUP_TEST_TOOL", "build it")
			if got != tt.wantPath || (r.fatal != "") != tt.wantFatal || (r.skip != "") != tt.wantSkip {
				t.Errorf("Program = %q, fatal %q, skip %q; want %q, fatal %v, skip %v", got, r.fatal, r.skip, tt.wantPath, tt.wantFatal, tt.wantSkip)
			}
		})
	}
}

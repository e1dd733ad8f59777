package core_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const (
	module = "github.com/leadup/leadup"
	store  = module + "/internal/sqlite"
)

// mayImportStore are the only packages whose production code may import
// the store: the use cases, and the wiring that opens the file.
var mayImportStore = []string{module + "/internal/core", module + "/cmd/leadup"}

// TestOnlyCoreImportsTheStore holds the layering: the front ends (pages,
// API, command line, reminders) reach the database only through the use
// cases. It lists every package the binary is built from, with its
// production imports, as the go tool sees them.
func TestOnlyCoreImportsTheStore(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := 0
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		if !strings.HasPrefix(pkg, module) {
			continue
		}
		seen++
		if slices.Contains(imports, store) && !slices.Contains(mayImportStore, pkg) {
			t.Errorf("%s imports %s; only %v may", pkg, store, mayImportStore)
		}
	}
	if seen < 10 {
		t.Fatalf("go list named %d of leadup's packages; expected the whole module", seen)
	}
}

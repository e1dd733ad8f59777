package server

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// frontEndImports are the packages of the HTTP layer and, for each, the
// others of the layer its production code may import: httpx, which every
// front end shares, imports none; the API and sign-in import no other
// front end; the pages use sign-in's guards; only package server, which
// assembles the routes, imports all three.
var frontEndImports = map[string][]string{
	"httpx":   nil,
	"jsondoc": nil,
	"apidoc":  nil,
	"auth":    {"httpx"},
	"api":     {"httpx", "jsondoc", "apidoc"},
	"pages":   {"httpx", "auth", "jsondoc"},
	"":        {"httpx", "auth", "api", "pages"},
}

// TestFrontEndsLayering holds the split of the HTTP layer by front end
// (frontEndImports), and that nothing outside internal/server reaches a
// front end but through package server. It lists the module's packages
// with their production imports, as the go tool sees them.
func TestFrontEndsLayering(t *testing.T) {
	const layer = "github.com/leadup/leadup/internal/server"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "github.com/leadup/leadup/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := map[string]bool{}
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		name, inLayer := strings.CutPrefix(pkg, layer)
		name = strings.TrimPrefix(name, "/")
		for _, imp := range imports {
			dep, ok := strings.CutPrefix(imp, layer+"/")
			if !ok {
				continue
			}
			if !inLayer {
				t.Errorf("%s imports %s; outside the HTTP layer, only package server may be imported", pkg, imp)
				continue
			}
			if !slices.Contains(frontEndImports[name], dep) {
				t.Errorf("%s imports %s; it may import only %v of the layer", pkg, imp, frontEndImports[name])
			}
		}
		if inLayer {
			seen[name] = true
		}
	}
	for name := range frontEndImports {
		if !seen[name] {
			t.Errorf("go list did not name %s/%s", layer, name)
		}
	}
}

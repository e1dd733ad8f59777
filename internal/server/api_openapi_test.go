package server

import (
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestOpenAPIEveryOperationHasASummary reads the served document with an
// OpenAPI parser and walks every operation: generators (oapi-codegen,
// openapi-typescript) and viewers (redocly) name and list operations by
// their summary. The document also names its licence.
func TestOpenAPIEveryOperationHasASummary(t *testing.T) {
	app := newTestApp(t)
	r := app.client().get("/api/v1/openapi.json")
	wantStatus(t, r, http.StatusOK)
	doc, err := openapi3.NewLoader().LoadFromData([]byte(r.body))
	if err != nil {
		t.Fatalf("load the served document: %v", err)
	}
	var n int
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			n++
			if op.Summary == "" {
				t.Errorf("%s %s (operationId %q) has no summary", method, path, op.OperationID)
			}
		}
	}
	if n == 0 {
		t.Fatal("the document has no operations")
	}
	if doc.Info.License == nil || doc.Info.License.Name == "" {
		t.Errorf("info.license is %+v, want a named licence", doc.Info.License)
	}
}

package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/server/apidoc"
)

// TestAPILocationAnswersGET: the Location of every API create is a route
// that answers GET with the same record the create answered, and only to
// its owner.
func TestAPILocationAnswersGET(t *testing.T) {
	app := newTestApp(t)
	_, ann := apiUser(t, app, "ann@example.com")
	_, bob := apiUser(t, app, "bob@example.com")

	var boss export.Boss
	created := ann.do("POST", "/bosses", map[string]string{"name": "Dana", "relation": "manager"})
	created.decode(t, &boss)
	var entry export.Entry
	ann.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "summary": "Budget talk", "practices": []string{"priorities"}}).decode(t, &entry)
	creates := map[string]*apiResponse{
		"boss":      created,
		"entry":     ann.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "summary": "Hiring plan", "practices": []string{"team"}}),
		"follow-up": ann.do("POST", "/entries/"+entry.ID+"/followups", map[string]string{"text": "Send the numbers", "owner": "me"}),
	}
	for name, c := range creates {
		t.Run(name, func(t *testing.T) {
			if c.status != http.StatusCreated {
				t.Fatalf("create: %d %s", c.status, c.body)
			}
			loc := c.header.Get("Location")
			path, ok := strings.CutPrefix(loc, "/api/v1/")
			if !ok {
				t.Fatalf("Location %q is not under /api/v1/", loc)
			}
			got := ann.do("GET", "/"+path, nil)
			if got.status != http.StatusOK {
				t.Fatalf("GET %s: %d %s, want 200", loc, got.status, got.body)
			}
			if !bytes.Equal(got.body, c.body) {
				t.Errorf("GET %s answered\n%s\nthe create answered\n%s", loc, got.body, c.body)
			}
			if r := bob.do("GET", "/"+path, nil); r.status != http.StatusNotFound {
				t.Errorf("another user's GET %s: %d, want 404", loc, r.status)
			}
		})
	}
}

// TestOpenAPIDocumentsEveryRoute: every method and path the API router
// answers is an operation of the OpenAPI document, and the reverse.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	app := newTestApp(t)
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(apidoc.OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method != "parameters" {
				documented[strings.ToUpper(method)+" /api/v1"+path] = true
			}
		}
	}
	routed := map[string]bool{}
	err := chi.Walk(app.srv.handler.(chi.Routes), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if strings.HasPrefix(route, "/api/v1/") && route != "/api/v1/openapi.json" {
			routed[method+" "+route] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for op := range routed {
		if !documented[op] {
			t.Errorf("%s is routed but not in the OpenAPI document", op)
		}
	}
	for op := range documented {
		if !routed[op] {
			t.Errorf("%s is in the OpenAPI document but not routed", op)
		}
	}
}

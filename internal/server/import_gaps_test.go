package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestImportRefusesTrailingBytesAndCrossBossPriority: a valid export with
// anything after it, and an entry linked to a priority of another boss
// (which the form refuses), are both refused with the 422 list, writing
// nothing.
func TestImportRefusesTrailingBytesAndCrossBossPriority(t *testing.T) {
	app := newTestApp(t)
	ann := app.client()
	ann.signup("ann@example.com")
	seedForExport(t, ann, app)
	good := ann.get("/export.json").body
	bob := app.client()
	bob.signup("bob@example.com")

	var f map[string]any
	if err := json.Unmarshal([]byte(good), &f); err != nil {
		t.Fatal(err)
	}
	var prio any
	var other int
	for i, e := range f["entries"].([]any) {
		if p := e.(map[string]any)["priority_id"]; p != nil {
			prio = p
		} else {
			other = i
		}
	}
	f["entries"].([]any)[other].(map[string]any)["priority_id"] = prio
	crossed, _ := json.Marshal(f)

	tests := []struct {
		name string
		body string
		want string
	}{
		{"trailing object", good + `{"format":"leadup-export"}`, "more after the end of the export"},
		{"trailing junk", good + "garbage", "more after the end of the export"},
		{"priority of another boss", string(crossed), "is a priority of another boss"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := app.snapshot()
			r := bob.upload([]byte(tt.body))
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, "Nothing was imported.")
			if !strings.Contains(r.body, tt.want) {
				t.Errorf("the page does not say %q\n%.3000s", tt.want, r.body)
			}
			if app.snapshot() != before {
				t.Error("a refused import wrote something")
			}
		})
	}
	// Trailing white space, as editors add, is fine.
	wantStatus(t, bob.upload([]byte(good+"\n\n")), http.StatusSeeOther)
}

package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestControlCharactersRefused posts NUL, the snippet markers and an
// invalid byte into every one-line text field, through the forms and the
// import: each is refused beside its field, and nothing is written.
func TestControlCharactersRefused(t *testing.T) {
	app, c, boss, entry := danaEntry(t)
	const msg = "invisible control character"
	tests := []struct {
		name, path string
		form       url.Values
		want       string
	}{
		{"boss name", "/bosses", url.Values{"name": {"Da\x00na"}, "relation": {"manager"}}, msg},
		{"boss role", "/bosses", url.Values{"name": {"Eve"}, "role": {"VP\x02"}, "relation": {"manager"}}, msg},
		{"boss name bytes", "/bosses", url.Values{"name": {"Eve \xff"}, "relation": {"manager"}}, "not valid UTF-8"},
		{"boss edit", "/bosses/" + boss, url.Values{"name": {"Dana\x03"}, "relation": {"manager"}}, msg},
		{"priority", "/bosses/" + boss + "/priorities", url.Values{"text": {"Ship\x00it"}}, msg},
		{"follow-up", "/entries/" + entry + "/followups", url.Values{"text": {"Send\x02 it"}, "owner": {"me"}}, msg},
		{"new boss in entry", "/entries", entryForm("new_boss_name", "Zed\x00"), msg},
		{"display name", "/settings", url.Values{"action": {"profile"}, "display_name": {"Ann\x00"}, "timezone": {"UTC"}}, msg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := app.snapshot()
			r := c.post(tt.path, tt.form)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantBody(t, r, tt.want)
			if after := app.snapshot(); after != before {
				t.Error("a refused form wrote something")
			}
		})
	}
	// A signup with a control character in the name makes no account.
	r := app.client().post("/signup", url.Values{"email": {"bob@example.com"}, "password": {"correct horse battery"},
		"display_name": {"Bob\x1b[31m"}, "timezone": {"UTC"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, msg)

	// The import applies the same rules.
	var f map[string]any
	if err := json.Unmarshal([]byte(c.get("/export.json").body), &f); err != nil {
		t.Fatal(err)
	}
	f["bosses"].([]any)[0].(map[string]any)["name"] = "Dana\x02"
	body, _ := json.Marshal(f)
	before := app.snapshot()
	r = c.upload(body)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if !strings.Contains(r.body, "bosses[0].name: This text has an invisible control character") {
		t.Errorf("the import page does not name the field\n%.3000s", r.body)
	}
	if app.snapshot() != before {
		t.Error("a refused import wrote something")
	}
}

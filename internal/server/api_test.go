package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/journal"
	apiv1 "github.com/leadup/leadup/internal/server/api"
	"github.com/leadup/leadup/internal/server/httpx"
)

// apiUser signs a user up and returns their browser and a write token.
func apiUser(t *testing.T, app *testApp, email string) (*client, *apiClient) {
	t.Helper()
	c := app.signedUp(email)
	return c, app.apiClient(c.createToken("script", journal.ScopeWrite, ""))
}

func TestTokenPageCreatesListsAndRevokes(t *testing.T) {
	app, c := newAnnApp(t)
	wantStatus(t, c.get("/settings"), http.StatusOK)
	wantBody(t, c.get("/settings"), `href="/settings/tokens"`)

	r := c.post("/settings/tokens", url.Values{"name": {""}, "scope": {"write"}, "expires_on": {"2001-01-01"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, `id="name-error"`, `id="expires_on-error"`, `value="2001-01-01"`, `<option value="write" selected>`)
	if n := app.count("api_tokens"); n != 0 {
		t.Fatalf("an invalid form stored %d tokens", n)
	}

	token := c.createToken("phone", journal.ScopeWrite, "")
	var stored []byte
	if err := app.db.Reader().QueryRow("SELECT token_hash FROM api_tokens").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256([]byte(token)); !bytes.Equal(stored, sum[:]) {
		t.Fatalf("stored %x, want the SHA-256 of the token", stored)
	}
	list := c.get("/settings/tokens")
	wantBody(t, list, "phone", "Read and write", "last used never")
	if strings.Contains(list.body, token) {
		t.Fatal("the token is shown again after the page that made it")
	}

	api := app.apiClient(token)
	wantStatus200(t, api.do("GET", "/entries", nil))
	if strings.Contains(c.get("/settings/tokens").body, "last used never") {
		t.Error("last used still says never after a request")
	}

	var id string
	app.db.Reader().QueryRow("SELECT id FROM api_tokens").Scan(&id)
	other := app.signedUp("bob@example.com")
	wantStatus(t, other.post("/settings/tokens/"+id+"/revoke", nil), http.StatusNotFound)
	wantStatus200(t, api.do("GET", "/entries", nil))

	wantStatus(t, c.post("/settings/tokens/"+id+"/revoke", nil), http.StatusSeeOther)
	wantBody(t, c.get("/settings/tokens"), "revoked")
	r2 := api.do("GET", "/entries", nil)
	if r2.status != http.StatusUnauthorized || r2.errorCode(t) != "invalid_token" {
		t.Fatalf("revoked token: status %d %s, want 401 invalid_token", r2.status, r2.body)
	}
	if got := r2.header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer ") || !strings.Contains(got, `error="invalid_token"`) {
		t.Errorf("WWW-Authenticate %q, want a Bearer invalid_token challenge", got)
	}
}

func wantStatus200(t *testing.T, r *apiResponse) {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("status %d, want 200\n%s", r.status, r.body)
	}
}

func TestAPIAuthentication(t *testing.T) {
	app, c := newAnnApp(t)
	reader := app.apiClient(c.createToken("read", journal.ScopeRead, ""))
	writer := app.apiClient(c.createToken("write", journal.ScopeWrite, ""))
	expiring := c.createToken("soon", journal.ScopeWrite, journal.Today(app.db.Now(), mustZone(t, "Europe/Berlin")))

	t.Run("no token", func(t *testing.T) {
		r := app.apiClient("").do("GET", "/entries", nil)
		if r.status != http.StatusUnauthorized || r.header.Get("WWW-Authenticate") != `Bearer realm="leadup"` {
			t.Fatalf("status %d, WWW-Authenticate %q; want 401 with a Bearer challenge", r.status, r.header.Get("WWW-Authenticate"))
		}
	})
	t.Run("session cookie is not enough", func(t *testing.T) {
		r := c.get("/api/v1/entries")
		wantStatus(t, r, http.StatusUnauthorized)
		if !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("WWW-Authenticate %q, want Bearer", r.header.Get("WWW-Authenticate"))
		}
	})
	t.Run("unknown token", func(t *testing.T) {
		r := app.apiClient("lu_not-a-token").do("GET", "/bosses", nil)
		if r.status != http.StatusUnauthorized || r.errorCode(t) != "invalid_token" {
			t.Fatalf("status %d %s, want 401 invalid_token", r.status, r.body)
		}
	})
	t.Run("expired token", func(t *testing.T) {
		api := app.apiClient(expiring)
		wantStatus200(t, api.do("GET", "/bosses", nil)) // works through its last day
		if _, err := app.db.Writer().Exec("UPDATE api_tokens SET expires_on = '2020-01-01' WHERE name = 'soon'"); err != nil {
			t.Fatal(err)
		}
		if r := api.do("GET", "/bosses", nil); r.status != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", r.status)
		}
	})
	t.Run("read token cannot write", func(t *testing.T) {
		r := reader.do("POST", "/bosses", map[string]string{"name": "Dana"})
		if r.status != http.StatusForbidden || r.errorCode(t) != "insufficient_scope" {
			t.Fatalf("status %d %s, want 403 insufficient_scope", r.status, r.body)
		}
		if n := app.count("bosses"); n != 0 {
			t.Fatalf("a read token wrote %d bosses", n)
		}
		wantStatus200(t, reader.do("GET", "/bosses", nil))
	})
	t.Run("bearer skips the cross-origin check", func(t *testing.T) {
		r := writer.do("POST", "/bosses", map[string]string{"name": "Dana"}, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
		if r.status != http.StatusCreated {
			t.Fatalf("status %d %s, want 201", r.status, r.body)
		}
		r = app.apiClient("").do("POST", "/bosses", map[string]string{"name": "Eve"}, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
		if r.status != http.StatusForbidden {
			t.Fatalf("cross-site without a token: status %d, want 403", r.status)
		}
	})
}

// TestAPIRateLimitPerUser: the limit counts an account's requests over
// all its tokens, so minting more tokens buys no more requests; another
// account's requests are counted apart.
func TestAPIRateLimitPerUser(t *testing.T) {
	app, c := newAnnApp(t, func(c *Config) { c.APIRequests = 3 })
	one := app.apiClient(c.createToken("one", journal.ScopeRead, ""))
	two := app.apiClient(c.createToken("two", journal.ScopeRead, ""))
	_, bob := apiUser(t, app, "bob@example.com")
	wantStatus200(t, one.do("GET", "/bosses", nil))
	wantStatus200(t, two.do("GET", "/bosses", nil))
	wantStatus200(t, one.do("GET", "/bosses", nil))
	for _, tt := range []struct {
		name string
		api  *apiClient
	}{{"the user's other token", two}, {"the token that used the limit", one}} {
		name, r := tt.name, tt.api.do("GET", "/bosses", nil)
		if r.status != http.StatusTooManyRequests || r.errorCode(t) != "rate_limited" {
			t.Fatalf("%s: status %d %s, want 429 rate_limited", name, r.status, r.body)
		}
		if r.header.Get("Retry-After") == "" {
			t.Errorf("%s: 429 without Retry-After", name)
		}
	}
	wantStatus200(t, bob.do("GET", "/bosses", nil))
}

func TestAPIEntriesRoundTrip(t *testing.T) {
	app := newTestApp(t)
	_, api := apiUser(t, app, "ann@example.com")

	var boss export.Boss
	r := api.do("POST", "/bosses", map[string]string{"name": "Dana", "relation": "skip_level", "role": "VP"})
	if r.status != http.StatusCreated {
		t.Fatalf("create boss: %d %s", r.status, r.body)
	}
	r.decode(t, &boss)

	r = api.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "summary": "Pitched the migration plan",
		"notes": "She asked for **numbers**.", "practices": []string{"solutions", "results"}})
	if r.status != http.StatusCreated {
		t.Fatalf("create entry: %d %s", r.status, r.body)
	}
	var e export.Entry
	r.decode(t, &e)
	if r.header.Get("Location") != "/api/v1/entries/"+e.ID {
		t.Errorf("Location %q, want /api/v1/entries/%s", r.header.Get("Location"), e.ID)
	}
	if e.BossID != boss.ID || e.Kind != "one_on_one" || strings.Join(e.Practices, ",") != "results,solutions" || e.OccurredOn == "" {
		t.Errorf("created %+v", e)
	}

	r = api.do("PATCH", "/entries/"+e.ID, map[string]any{"summary": "Pitched the plan, with numbers", "kind": "meeting"})
	wantStatus200(t, r)
	var patched export.Entry
	r.decode(t, &patched)
	if patched.Summary != "Pitched the plan, with numbers" || patched.Kind != "meeting" || patched.Notes != e.Notes || patched.BossID != boss.ID {
		t.Errorf("patched %+v", patched)
	}

	r = api.do("POST", "/entries/"+e.ID+"/followups", map[string]string{"text": "Send the numbers", "owner": "me", "due_on": "2030-01-01"})
	if r.status != http.StatusCreated {
		t.Fatalf("create follow-up: %d %s", r.status, r.body)
	}
	var fu apiv1.FollowUp
	r.decode(t, &fu)
	if fu.EntryID != e.ID || fu.DueOn == nil || *fu.DueOn != "2030-01-01" {
		t.Errorf("follow-up %+v", fu)
	}
	var open struct{ FollowUps []apiv1.FollowUp }
	api.do("GET", "/followups", nil).decode(t, &open)
	if len(open.FollowUps) != 1 || open.FollowUps[0].ID != fu.ID {
		t.Fatalf("open follow-ups %+v, want the new one", open.FollowUps)
	}
	r = api.do("PATCH", "/followups/"+fu.ID, map[string]bool{"done": true})
	wantStatus200(t, r)
	r.decode(t, &fu)
	if fu.DoneAt == nil || fu.DoneOn == nil {
		t.Errorf("follow-up not done: %s", r.body)
	}

	var got export.Entry
	api.do("GET", "/entries/"+e.ID, nil).decode(t, &got)
	if len(got.FollowUps) != 1 || got.FollowUps[0].ID != fu.ID {
		t.Errorf("entry's follow-ups %+v", got.FollowUps)
	}
	var list apiv1.EntryList
	api.do("GET", "/entries?boss_id="+boss.ID, nil).decode(t, &list)
	if len(list.Entries) != 1 || list.Entries[0].ID != e.ID || list.Next != nil {
		t.Errorf("list %+v", list)
	}

	if r := api.do("DELETE", "/entries/"+e.ID, nil); r.status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	if r := api.do("GET", "/entries/"+e.ID, nil); r.status != http.StatusNotFound {
		t.Fatalf("after delete: %d, want 404", r.status)
	}
}

func TestAPIBadInput(t *testing.T) {
	app := newTestApp(t)
	_, api := apiUser(t, app, "ann@example.com")
	var boss export.Boss
	api.do("POST", "/bosses", map[string]string{"name": "Dana"}).decode(t, &boss)
	before := app.count("entries")

	tests := []struct {
		name   string
		body   any
		ctype  string
		status int
		code   string
		fields []string
	}{
		{"rules", map[string]any{"boss_id": boss.ID, "summary": "", "occurred_on": "2999-01-01", "practices": []string{}}, "", 422, "invalid", []string{"summary", "occurred_on", "practices"}},
		{"unknown boss", map[string]any{"boss_id": "00000000-0000-0000-0000-000000000000", "summary": "x", "practices": []string{"team"}}, "", 422, "invalid", []string{"boss_id"}},
		{"unknown field", `{"summary": "x", "practise": ["team"]}`, "", 400, "bad_request", nil},
		{"wrong type", `{"summary": 7}`, "", 400, "bad_request", []string{"summary"}},
		{"malformed", `{"summary": `, "", 400, "bad_request", nil},
		{"not json", "summary=x", "application/x-www-form-urlencoded", 415, "unsupported_media_type", nil},
		{"too large", `{"notes": "` + strings.Repeat("x", 2<<20) + `"}`, "", 413, "too_large", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var headers []string
			if tt.ctype != "" {
				headers = []string{"Content-Type", tt.ctype}
			}
			r := api.do("POST", "/entries", tt.body, headers...)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d\n%.500s", r.status, tt.status, r.body)
			}
			var e struct{ Error httpx.APIError }
			r.decode(t, &e)
			if e.Error.Code != tt.code {
				t.Errorf("code %q, want %q", e.Error.Code, tt.code)
			}
			for _, f := range tt.fields {
				if e.Error.Fields[f] == "" {
					t.Errorf("no message for %q in %v", f, e.Error.Fields)
				}
			}
			if n := app.count("entries"); n != before {
				t.Fatalf("entries %d, want %d: a bad request wrote", n, before)
			}
		})
	}
	t.Run("bad filters", func(t *testing.T) {
		r := api.do("GET", "/entries?practice=nope&limit=1000&cursor=not-a-cursor", nil)
		var e struct{ Error httpx.APIError }
		r.decode(t, &e)
		if r.status != http.StatusBadRequest || e.Error.Fields["practice"] == "" || e.Error.Fields["limit"] == "" || e.Error.Fields["cursor"] == "" {
			t.Fatalf("status %d %s, want 400 naming practice, limit and cursor", r.status, r.body)
		}
	})
	t.Run("malformed week", func(t *testing.T) {
		if r := api.do("GET", "/weeks/2026-W54", nil); r.status != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", r.status)
		}
	})
	t.Run("unknown endpoint", func(t *testing.T) {
		r := api.do("GET", "/nothing", nil)
		if r.status != http.StatusNotFound || r.errorCode(t) != "not_found" {
			t.Fatalf("status %d %s, want a JSON 404", r.status, r.body)
		}
	})
}

func TestAPIOtherUsersIDsAreNotFound(t *testing.T) {
	app := newTestApp(t)
	_, ann := apiUser(t, app, "ann@example.com")
	_, bob := apiUser(t, app, "bob@example.com")
	var boss export.Boss
	ann.do("POST", "/bosses", map[string]string{"name": "Dana"}).decode(t, &boss)
	var e export.Entry
	ann.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "summary": "Ann's", "practices": []string{"team"}}).decode(t, &e)
	var fu apiv1.FollowUp
	ann.do("POST", "/entries/"+e.ID+"/followups", map[string]string{"text": "x", "owner": "boss"}).decode(t, &fu)

	for _, req := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/entries/" + e.ID, nil},
		{"PATCH", "/entries/" + e.ID, map[string]string{"summary": "Bob's now"}},
		{"DELETE", "/entries/" + e.ID, nil},
		{"POST", "/entries/" + e.ID + "/followups", map[string]string{"text": "x", "owner": "me"}},
		{"PATCH", "/followups/" + fu.ID, map[string]bool{"done": true}},
	} {
		if r := bob.do(req.method, req.path, req.body); r.status != http.StatusNotFound || r.errorCode(t) != "not_found" {
			t.Errorf("%s %s as another user: %d %s, want 404", req.method, req.path, r.status, r.body)
		}
	}
	r := bob.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "summary": "x", "practices": []string{"team"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Errorf("entry for another user's boss: %d, want 422", r.status)
	}
	var list apiv1.EntryList
	bob.do("GET", "/entries", nil).decode(t, &list)
	if len(list.Entries) != 0 {
		t.Errorf("bob sees %d entries", len(list.Entries))
	}
	var got export.Entry
	ann.do("GET", "/entries/"+e.ID, nil).decode(t, &got)
	if got.Summary != "Ann's" || len(got.FollowUps) != 1 || got.FollowUps[0].DoneAt != nil {
		t.Errorf("ann's entry changed: %+v", got)
	}
}

func TestAPIEntryPagination(t *testing.T) {
	app := newTestApp(t)
	_, api := apiUser(t, app, "ann@example.com")
	var boss export.Boss
	api.do("POST", "/bosses", map[string]string{"name": "Dana"}).decode(t, &boss)
	// Seven entries over four days, several on one day, so that the cursor
	// has to break ties by id.
	days := []string{"2026-01-05", "2026-01-05", "2026-01-05", "2026-01-04", "2026-01-03", "2026-01-03", "2026-01-01"}
	for i, d := range days {
		practice := []string{"team"}
		if i%2 == 0 {
			practice = []string{"risk", "team"}
		}
		r := api.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "occurred_on": d, "summary": "Weekly sync " + d, "practices": practice})
		if r.status != http.StatusCreated {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
	}
	walk := func(query string) []export.Entry {
		var all []export.Entry
		path := "/entries?limit=3" + query
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("pagination does not end")
			}
			var page apiv1.EntryList
			r := api.do("GET", path, nil)
			wantStatus200(t, r)
			r.decode(t, &page)
			all = append(all, page.Entries...)
			if page.Next == nil {
				return all
			}
			path = "/entries?limit=3" + query + "&cursor=" + url.QueryEscape(*page.Next)
		}
	}
	for _, tt := range []struct{ name, query string }{{"all", ""}, {"practice", "&practice=risk"}, {"search", "&q=sync"}} {
		t.Run(tt.name, func(t *testing.T) {
			var f journal.EntryFilter
			f.Query = strings.TrimPrefix(tt.query, "&q=")
			got := walk(tt.query)
			want := 7
			if tt.name == "practice" {
				want = 4
			}
			seen := map[string]bool{}
			for i, e := range got {
				if seen[e.ID] {
					t.Fatalf("entry %s twice", e.ID)
				}
				seen[e.ID] = true
				if tt.name != "search" && i > 0 && e.OccurredOn > got[i-1].OccurredOn {
					t.Errorf("not newest first at %d: %s after %s", i, e.OccurredOn, got[i-1].OccurredOn)
				}
			}
			if len(got) != want {
				t.Fatalf("walked %d entries, want %d", len(got), want)
			}
		})
	}
}

func TestAPIWeekIsThePageDocument(t *testing.T) {
	app := newTestApp(t)
	c, api := apiUser(t, app, "ann@example.com")
	var boss export.Boss
	api.do("POST", "/bosses", map[string]string{"name": "Dana"}).decode(t, &boss)
	api.do("POST", "/entries", map[string]any{"boss_id": boss.ID, "summary": "Sync", "practices": []string{"team", "risk"}})
	u, _ := app.db.FindUserByEmail(context.Background(), "ann@example.com")
	week := journal.CurrentWeek(app.db.Now(), u.Location()).String()
	page := c.get("/weeks/" + week + ".json")
	wantStatus(t, page, http.StatusOK)
	r := api.do("GET", "/weeks/"+week, nil)
	wantStatus200(t, r)
	if string(r.body) != page.body {
		t.Fatalf("API week differs from /weeks/%s.json:\n%s\nvs\n%s", week, r.body, page.body)
	}
	var doc struct{ Total int }
	json.Unmarshal(r.body, &doc)
	if doc.Total != 1 {
		t.Errorf("total %d, want 1", doc.Total)
	}
}

func TestOpenAPIDocumentIsServed(t *testing.T) {
	app := newTestApp(t)
	r := app.client().get("/api/v1/openapi.json")
	wantStatus(t, r, http.StatusOK)
	var doc struct {
		OpenAPI string `json:"openapi"`
	}
	if err := json.Unmarshal([]byte(r.body), &doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q, err %v", doc.OpenAPI, err)
	}
	apiSpec(t, app.ts.URL) // loads and validates it
}

package server

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/static"
)

// walkedRoute is one route the router knows, with a path that reaches it.
type walkedRoute struct{ method, pattern, path string }

var routeParam = regexp.MustCompile(`\{([a-z]+)(:[^}]*)?\}`)

// everyRoute walks the real router (chi.Walk), so that a route added to
// routes.go is in these tests without being listed here. Parameters get
// values that exist in a journal with one boss, entry and follow-up.
func everyRoute(t *testing.T, app *testApp) []walkedRoute {
	t.Helper()
	var routes []walkedRoute
	err := chi.Walk(app.srv.Router, func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		path := routeParam.ReplaceAllStringFunc(pattern, func(p string) string {
			switch routeParam.FindStringSubmatch(p)[1] {
			case "week":
				return "2026-W48"
			case "id":
				return "1"
			default: // tokens: a wrong one answers as a wrong one does
				return "x"
			}
		})
		if strings.HasSuffix(path, "/*") {
			path = static.Path("style.css")
		}
		routes = append(routes, walkedRoute{method, pattern, path})
		return nil
	})
	if err != nil || len(routes) < 50 {
		t.Fatalf("chi.Walk found %d routes (%v)", len(routes), err)
	}
	return routes
}

// headApp is Ann with one boss, entry and follow-up (each id 1), an API
// token and a calendar feed, so that GET routes answer with their real
// pages; feed is the feed's path.
func headApp(t *testing.T) (app *testApp, ann *client, token, feed string) {
	t.Helper()
	app, ann = newAnnApp(t)
	boss := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	entry := ann.createdID("/entries", entryForm("boss_id", boss), "/entries/")
	ann.post("/entries/"+entry+"/followups", url.Values{"text": {"Send the deck"}, "owner": {"me"}})
	return app, ann, ann.createToken("head", journal.ScopeRead, ""), ann.feedPath()
}

// sameExcept are the fields that differ between two answers to the same
// request: the time, the API's count of requests left, and the length,
// which a HEAD may leave out (RFC 9110 §9.3.2) and which is checked on
// its own.
var sameExcept = map[string]bool{"Date": true, "X-Ratelimit-Remaining": true, "Content-Length": true}

func TestHeadAnswersLikeGetOnEveryRoute(t *testing.T) {
	app, ann, token, feed := headApp(t)
	// One instant for every answer: those that print the time (the
	// export's exported_at, the feed's DTSTAMP) must not differ in length
	// between the HEAD and the GET because a clock ticked.
	app.setNow(time.Now().Truncate(time.Second))
	var gets []walkedRoute
	for _, r := range everyRoute(t, app) {
		if r.pattern == "/cal/{token}.ics" {
			r.path = feed
		}
		if r.method == http.MethodGet {
			gets = append(gets, r)
		}
	}
	request := func(method, path string) *response {
		req, _ := http.NewRequest(method, app.ts.URL+path, nil)
		if strings.HasPrefix(path, "/api/") {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		return ann.do(req)
	}
	// Every HEAD first, with the journal's state taken before and after:
	// a HEAD changes nothing.
	before := app.snapshot("SELECT count(*) FROM sessions", "SELECT group_concat(id || name) FROM api_tokens")
	heads := make([]*response, len(gets))
	for i, r := range gets {
		heads[i] = request(http.MethodHead, r.path)
	}
	if after := app.snapshot("SELECT count(*) FROM sessions", "SELECT group_concat(id || name) FROM api_tokens"); after != before {
		t.Errorf("HEAD requests changed the database:\nbefore %s\nafter  %s", before, after)
	}
	named := map[string]bool{"/healthz": true, "/cal/{token}.ics": true, "/api/v1/entries": true, "/entries/{id}": true, "/export.csv": true}
	for i, r := range gets {
		head, get := heads[i], request(http.MethodGet, r.path)
		if named[r.pattern] && head.status != http.StatusOK {
			t.Errorf("HEAD %s: status %d, want 200", r.path, head.status)
		}
		if head.status != get.status {
			t.Errorf("HEAD %s (%s): status %d, GET %d", r.path, r.pattern, head.status, get.status)
			continue
		}
		if head.body != "" {
			t.Errorf("HEAD %s: a body of %d bytes", r.path, len(head.body))
		}
		if n := head.header.Get("Content-Length"); n != "" && n != itoa(len(get.body)) {
			t.Errorf("HEAD %s: Content-Length %s, GET's body is %d bytes", r.path, n, len(get.body))
		}
		for name := range mergedKeys(head.header, get.header) {
			if !sameExcept[name] && !slices.Equal(head.header[name], get.header[name]) {
				t.Errorf("HEAD %s: %s is %q, GET's %q", r.path, name, head.header[name], get.header[name])
			}
		}
	}
	if len(gets) < 30 {
		t.Errorf("only %d GET routes walked", len(gets))
	}
}

func mergedKeys(a, b http.Header) map[string]bool {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return keys
}

// TestEveryMethodNotAllowedSaysWhatIs sends every method to a path of
// every route. Each 405 must carry Allow, and Allow must be exactly the
// methods that path did not refuse: HEAD wherever GET is. No session is
// sent, so no request can change anything; refusing a method comes before
// signing in.
func TestEveryMethodNotAllowedSaysWhatIs(t *testing.T) {
	app, _, _, _ := headApp(t)
	anon := app.client()
	seen := map[string]bool{}
	var refusals int
	for _, r := range everyRoute(t, app) {
		if seen[r.path] {
			continue
		}
		seen[r.path] = true
		status := map[string]int{}
		var accepted []string
		for _, m := range httpx.RoutedMethods {
			req, _ := http.NewRequest(m, app.ts.URL+r.path, nil)
			status[m] = anon.do(req).status
			if status[m] != http.StatusMethodNotAllowed {
				accepted = append(accepted, m)
			}
		}
		for _, m := range httpx.RoutedMethods {
			if status[m] != http.StatusMethodNotAllowed {
				continue
			}
			refusals++
			req, _ := http.NewRequest(m, app.ts.URL+r.path, nil)
			allow := anon.do(req).header.Get("Allow")
			if allow != strings.Join(accepted, ", ") {
				t.Errorf("%s %s: 405 with Allow %q, want %q", m, r.path, allow, strings.Join(accepted, ", "))
			}
		}
		if status[http.MethodGet] != http.StatusMethodNotAllowed && status[http.MethodHead] == http.StatusMethodNotAllowed {
			t.Errorf("%s answers GET but refuses HEAD", r.path)
		}
	}
	if refusals < 50 {
		t.Errorf("only %d refusals seen over %d paths", refusals, len(seen))
	}
}

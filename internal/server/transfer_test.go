package server

import (
	"net/http"
	"regexp"
	"testing"
)

// coldLoadBudget is the most a cold load of the capture pages may
// transfer, uncompressed, with every file it asks for.
const coldLoadBudget = 30 << 10

var subresourceRe = regexp.MustCompile(`(?:href|src)="(/(?:static/[^"]+|manifest\.webmanifest))"`)

// TestColdLoadSize adds up what a first visit to / and /entries/new
// fetches for a user with 3 bosses and 20 entries: the page and the files
// it links (stylesheet, script, icon, manifest) are held to the budget;
// the service worker, which app.js registers in the background once the
// page runs, is logged beside them.
func TestColdLoadSize(t *testing.T) {
	app := newTestApp(t)
	c, _ := captureUser(t, app, "size@example.com", 20)
	for _, page := range []string{"/", "/entries/new"} {
		r := c.get(page)
		wantStatus(t, r, http.StatusOK)
		total := len(r.body)
		seen := map[string]bool{}
		for _, m := range subresourceRe.FindAllStringSubmatch(r.body, -1) {
			if seen[m[1]] {
				continue
			}
			seen[m[1]] = true
			sub := c.get(m[1])
			wantStatus(t, sub, http.StatusOK)
			total += len(sub.body)
		}
		sw := c.get("/sw.js")
		t.Logf("%s: page %d B; with its %d files %d B; with sw.js %d B", page, len(r.body), len(seen), total, total+len(sw.body))
		if len(seen) < 4 {
			t.Errorf("%s asks for %d files; the size check expects the stylesheet, script, icon and manifest", page, len(seen))
		}
		if total > coldLoadBudget {
			t.Errorf("%s: a cold load transfers %d B, over the %d B budget", page, total, coldLoadBudget)
		}
	}
}

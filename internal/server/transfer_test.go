package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// coldLoadBudget is the most a cold load of the capture pages may
// transfer, as a browser receives it (gzip), with every file it asks for.
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
	// Asking for gzip by hand keeps Go's client from unpacking the body,
	// so len(body) is what went over the wire.
	get := func(path string) *response {
		req, _ := http.NewRequest(http.MethodGet, app.ts.URL+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		return c.do(req)
	}
	for _, page := range []string{"/", "/entries/new"} {
		r := get(page)
		wantStatus(t, r, http.StatusOK)
		total := len(r.body)
		seen := map[string]bool{}
		for _, m := range subresourceRe.FindAllStringSubmatch(gunzip(t, r), -1) {
			if seen[m[1]] {
				continue
			}
			seen[m[1]] = true
			sub := get(m[1])
			wantStatus(t, sub, http.StatusOK)
			total += len(sub.body)
		}
		sw := get("/sw.js")
		t.Logf("%s: page %d B; with its %d files %d B; with sw.js %d B", page, len(r.body), len(seen), total, total+len(sw.body))
		if len(seen) < 4 {
			t.Errorf("%s asks for %d files; the size check expects the stylesheet, script, icon and manifest", page, len(seen))
		}
		if total > coldLoadBudget {
			t.Errorf("%s: a cold load transfers %d B, over the %d B budget", page, total, coldLoadBudget)
		}
	}
}

// gunzip is the body of a gzip answer as the browser reads it.
func gunzip(t *testing.T, r *response) string {
	t.Helper()
	if r.header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("the answer is not gzipped (Content-Encoding %q)", r.header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

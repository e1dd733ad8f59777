package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/static"
)

// getGzip asks for path accepting gzip, as a browser does, and returns the
// answer with its body decompressed when it came gzipped. Setting
// Accept-Encoding keeps Go's client from decompressing on its own, so the
// test sees what went over the wire.
func (c *client) getGzip(method, path string) (r *response, gzipped bool) {
	c.app.t.Helper()
	req, _ := http.NewRequest(method, c.app.ts.URL+path, nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	r = c.do(req)
	if r.header.Get("Content-Encoding") != "gzip" {
		return r, false
	}
	if r.body == "" {
		return r, true // a HEAD
	}
	zr, err := gzip.NewReader(strings.NewReader(r.body))
	if err != nil {
		c.app.t.Fatalf("%s: not gzip: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		c.app.t.Fatalf("%s: bad gzip: %v", path, err)
	}
	r.body = string(b)
	return r, true
}

// TestStaticFilesGzipped: the stylesheet and script come gzipped to a
// client that accepts it, as the same bytes; raw to one that does not;
// Vary says so either way; HEAD has the headers and no body.
func TestStaticFilesGzipped(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	for _, name := range []string{"style.css", "app.js"} {
		want, _ := static.ReadFile(name)
		r, gz := c.getGzip("GET", static.Path(name))
		wantStatus(t, r, http.StatusOK)
		if !gz || r.body != string(want) {
			t.Errorf("%s: gzipped %v, %d bytes after decompression, want gzip of the %d served bytes", name, gz, len(r.body), len(want))
		}
		if v := r.header.Get("Vary"); !strings.Contains(v, "Accept-Encoding") {
			t.Errorf("%s: Vary %q", name, v)
		}
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/") {
			t.Errorf("%s: Content-Type %q", name, ct)
		}
		head, gz := c.getGzip("HEAD", static.Path(name))
		if head.status != http.StatusOK || !gz || head.body != "" {
			t.Errorf("HEAD %s: status %d, gzip %v, body %d bytes", name, head.status, gz, len(head.body))
		}
		raw := c.do(mustRequest(t, "GET", app.ts.URL+static.Path(name), "Accept-Encoding", "identity"))
		if raw.header.Get("Content-Encoding") != "" || raw.body != string(want) || !strings.Contains(raw.header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s without gzip: encoding %q, %d bytes, Vary %q", name, raw.header.Get("Content-Encoding"), len(raw.body), raw.header.Get("Vary"))
		}
	}
}

func mustRequest(t *testing.T, method, url string, headers ...string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return req
}

// TestPagesGzippedButNotSecrets: pages and exports come gzipped; the page
// showing a new API token beside its typed name, and the page showing a
// new feed address, come raw (BREACH); a reload of the feed page, with the
// address gone, is gzipped again. (Exports under compress's minimum size
// come raw: Ann has an entry, so hers are over it.)
func TestPagesGzippedButNotSecrets(t *testing.T) {
	_, c := newAnnApp(t)
	boss := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	c.createdID("/entries", entryForm("boss_id", boss, "notes", strings.Repeat("We agreed on the scope of the launch. ", 20)), "/entries/")
	for _, path := range []string{"/", "/entries", "/settings", "/export.json", "/export.md"} {
		r, gz := c.getGzip("GET", path)
		wantStatus(t, r, http.StatusOK)
		if !gz {
			t.Errorf("%s: not gzipped", path)
		}
		if v := r.header.Get("Vary"); !strings.Contains(v, "Accept-Encoding") {
			t.Errorf("%s: Vary %q", path, v)
		}
	}

	// HEAD answers with GET's headers and no body.
	if head, gz := c.getGzip("HEAD", "/"); head.status != http.StatusOK || !gz || head.body != "" {
		t.Errorf("HEAD /: status %d, gzip %v, body %d bytes; want 200, gzip, none", head.status, gz, len(head.body))
	}

	req := mustRequest(t, "POST", c.app.ts.URL+"/settings/tokens", "Accept-Encoding", "gzip", "Content-Type", "application/x-www-form-urlencoded")
	req.Body = io.NopCloser(strings.NewReader(url.Values{"name": {"phone"}, "scope": {"read"}, "password": {annPassword}}.Encode()))
	r := c.do(req)
	wantStatus(t, r, http.StatusOK)
	if enc := r.header.Get("Content-Encoding"); enc != "" || newTokenRe.FindStringSubmatch(r.body) == nil {
		t.Errorf("new token page: Content-Encoding %q, want none, with the token in the body", enc)
	}

	wantStatus(t, c.post("/settings/calendar", url.Values{"password": {annPassword}}), http.StatusSeeOther)
	r, gz := c.getGzip("GET", "/settings/notifications")
	if gz || feedURL.FindStringSubmatch(r.body) == nil {
		t.Errorf("new feed page: gzipped %v, want raw, with the address in the body", gz)
	}
	if r, gz = c.getGzip("GET", "/settings/notifications"); !gz || feedURL.FindStringSubmatch(r.body) != nil {
		t.Errorf("feed page without an address: gzipped %v, want gzipped", gz)
	}
}

// TestPrivateAnswersNotIndexed: pages, feeds, Markdown and exports say
// noindex in a header, and pages in a meta tag too.
func TestPrivateAnswersNotIndexed(t *testing.T) {
	app, c := newAnnApp(t)
	feed := c.feedPath()
	for _, path := range []string{"/", "/settings", "/export.json", "/export.csv", "/export.md", "/review.md", "/weeks", "/login", "/no-such-page"} {
		r := c.get(path)
		if got := r.header.Get("X-Robots-Tag"); got != "noindex" {
			t.Errorf("%s: X-Robots-Tag %q, want noindex", path, got)
		}
		if strings.HasPrefix(r.header.Get("Content-Type"), "text/html") && r.status != http.StatusSeeOther && !strings.Contains(r.body, `<meta name="robots" content="noindex">`) {
			t.Errorf("%s: no robots meta tag", path)
		}
	}
	if got := app.client().get(feed).header.Get("X-Robots-Tag"); got != "noindex" {
		t.Errorf("feed: X-Robots-Tag %q, want noindex", got)
	}
}

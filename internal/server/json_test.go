package server

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// brokenWriter is a client that hung up: every write of the body fails.
type brokenWriter struct {
	header http.Header
	status int
}

func (w *brokenWriter) Header() http.Header       { return w.header }
func (w *brokenWriter) WriteHeader(status int)    { w.status = status }
func (w *brokenWriter) Write([]byte) (int, error) { return 0, errors.New("connection reset by peer") }

// TestFailedJSONWriteIsLogged sends each kind of JSON answer — an API
// error, a page's .json and the web manifest — to a client whose
// connection fails, through the real router: each failure reaches the log.
func TestFailedJSONWriteIsLogged(t *testing.T) {
	app := newTestApp(t)
	var logged bytes.Buffer
	app.srv.Log = slog.New(slog.NewTextHandler(&logged, nil))
	c := app.client()
	c.signup("ann@example.com")
	base, _ := url.Parse(app.ts.URL)
	for _, path := range []string{"/api/v1/entries", "/weeks/2026-W48.json", "/review.json", "/manifest.webmanifest"} {
		logged.Reset()
		req := httptest.NewRequest(http.MethodGet, app.ts.URL+path, nil)
		for _, ck := range c.hc.Jar.Cookies(base) {
			req.AddCookie(ck)
		}
		w := &brokenWriter{header: http.Header{}}
		app.srv.ServeHTTP(w, req)
		if !strings.Contains(w.header.Get("Content-Type"), "json") {
			t.Errorf("%s: Content-Type %q, want a JSON answer", path, w.header.Get("Content-Type"))
		}
		if got := logged.String(); !strings.Contains(got, "write response") || !strings.Contains(got, "connection reset by peer") {
			t.Errorf("%s: the failed write is not logged; log:\n%s", path, got)
		}
	}
}

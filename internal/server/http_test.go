package server

import (
	"net/http/httptest"

	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/static"
)

func TestSecurityHeaders(t *testing.T) {
	_, c := newAnnApp(t)
	pages := map[string]*response{
		"page":   c.get("/settings"),
		"404":    c.get("/no/such/page"),
		"static": c.get(static.Path("style.css")),
		"health": c.get("/healthz"),
	}
	for name, r := range pages {
		want := map[string]string{
			"Content-Security-Policy": "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
		}
		for h, v := range want {
			if got := r.header.Get(h); got != v {
				t.Errorf("%s: %s = %q, want %q", name, h, got, v)
			}
		}
	}
	if got := pages["page"].header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("signed-in page Cache-Control = %q, want no-store", got)
	}
	if got := pages["static"].header.Get("Cache-Control"); !strings.Contains(got, "immutable") {
		t.Errorf("static Cache-Control = %q, want a long immutable cache", got)
	}
	if pages["404"].status != http.StatusNotFound {
		t.Errorf("404 page status %d", pages["404"].status)
	}
	if ct := pages["static"].header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("style.css Content-Type %q", ct)
	}
}

func TestPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	for _, path := range []string{"/signup", "/login"} {
		checkNoInline(t, path, c.get(path).body)
	}
	c.signup("ann@example.com")
	for _, path := range []string{"/", "/settings", "/nowhere"} {
		checkNoInline(t, path, c.get(path).body)
	}
}

func checkNoInline(t *testing.T, path, body string) {
	t.Helper()
	lower := strings.ToLower(body)
	for _, bad := range []string{"<script>", " style=", "<style", " onclick=", " onload=", "javascript:", "http://", "https://"} {
		if strings.Contains(lower, bad) {
			t.Errorf("%s contains %q, which the CSP or the no-external-asset rule forbids", path, bad)
		}
	}
	for _, label := range []string{"<input id=\"", "<textarea id=\"", "<select id=\""} {
		for rest := body; strings.Contains(rest, label); {
			i := strings.Index(rest, label) + len(label)
			id := rest[i : i+strings.IndexByte(rest[i:], '"')]
			if !strings.Contains(body, `<label for="`+id+`"`) {
				t.Errorf("%s: control %q has no label", path, id)
			}
			rest = rest[i:]
		}
	}
}

func TestStaticAssets(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	for _, name := range []string{"style.css", "app.js", "icon.svg"} {
		r := c.get(static.Path(name))
		wantStatus(t, r, http.StatusOK)
		if len(r.body) < 100 {
			t.Errorf("%s is %d bytes", name, len(r.body))
		}
	}
	wantStatus(t, c.get("/static/x/missing.css"), http.StatusNotFound)
	wantStatus(t, c.get("/static/"), http.StatusNotFound)
}

func TestHealthz(t *testing.T) {
	app := newTestApp(t)
	r := app.client().get("/healthz")
	wantStatus(t, r, http.StatusOK)
	if r.body != "ok\n" {
		t.Errorf("body %q", r.body)
	}
	app.db.Close()
	wantStatus(t, app.client().get("/healthz"), http.StatusServiceUnavailable)
}

func TestBodyTooLarge(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.MaxBodyBytes = 1024 })
	r := app.client().post("/signup", url.Values{"email": {strings.Repeat("a", 2000) + "@example.com"}, "password": {"x"}})
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	if n := app.count("users"); n != 0 {
		t.Errorf("users = %d, want 0", n)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	app := newTestApp(t)
	wantStatus(t, app.client().post("/healthz", nil), http.StatusMethodNotAllowed)
}

func TestPanicIsA500WithRequestID(t *testing.T) {
	app := newTestApp(t)
	h := middleware.RequestID(app.srv.RecoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("secret internal detail")
	})))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", rec.Code)
	}
	body := rec.Body.String()
	if strings.Contains(body, "secret internal detail") {
		t.Error("the internal error text reached the page")
	}
	if !strings.Contains(body, "request id <code>") {
		t.Errorf("500 page does not quote the request id:\n%s", body)
	}
}

// Every route caps its body at MaxBodyBytes but the import, which takes a
// whole export and has its own, larger cap.
func TestImportHasItsOwnBodyLimit(t *testing.T) {
	_, c := newAnnApp(t, func(c *Config) { c.MaxBodyBytes = 1024 })
	big := `{"format":"leadup-export","version":1,"bosses":[],"priorities":[],"entries":[]}` + strings.Repeat(" ", 4096)
	if r := c.upload([]byte(big)); r.status != http.StatusSeeOther {
		t.Errorf("a 4 KB import under a 1 KB form limit: %d, want 303", r.status)
	}
	r := c.post("/bosses", url.Values{"name": {strings.Repeat("n", 2000)}, "relation": {"manager"}})
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
}

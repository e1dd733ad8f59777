package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/password"
)

// TestAPIRequestDeadline serves the same database with a request deadline
// that has passed before any query starts: an API call must stop with a
// JSON 503, as a page does, rather than run unbounded.
func TestAPIRequestDeadline(t *testing.T) {
	app := newTestApp(t)
	_, api := apiUser(t, app, "ann@example.com")
	wantStatus200(t, api.do("GET", "/entries", nil))

	cfg := DefaultConfig()
	cfg.RequestTimeout = time.Nanosecond
	cfg.Now = app.clock
	stopped := httptest.NewServer(New(core.New(app.db), password.NewHasher(fastHash), slog.New(slog.NewTextHandler(io.Discard, nil)), cfg))
	t.Cleanup(stopped.Close)
	late := *app
	late.ts = stopped
	api = late.apiClient(api.token)

	for _, path := range []string{"/entries", "/bosses", "/followups"} {
		r := api.do("GET", path, nil)
		if r.status != http.StatusServiceUnavailable || r.errorCode(t) != "timeout" {
			t.Errorf("GET %s past the deadline: %d %s, want 503 timeout", path, r.status, r.body)
		}
	}
	r := api.do("POST", "/bosses", map[string]string{"name": "Dana", "relation": "manager"})
	if r.status != http.StatusServiceUnavailable {
		t.Errorf("POST /bosses past the deadline: %d %s, want 503", r.status, r.body)
	}
	if n := app.count("bosses"); n != 0 {
		t.Errorf("%d bosses written by a request stopped at its deadline, want 0", n)
	}
}

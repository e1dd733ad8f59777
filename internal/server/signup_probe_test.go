package server

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/leadup/leadup/internal/server/auth"
)

// TestSignupProbeThrottled: open sign-up says when an email has an
// account; one address gets only a few such answers, then 429.
func TestSignupProbeThrottled(t *testing.T) {
	app := newTestApp(t) // sign-up open, LoginPerIP 20
	app.client().signup("ann@example.com")
	probe := func(email string) *response {
		return app.client().post("/signup", url.Values{"email": {email}, "password": {"correct horse battery"},
			"display_name": {"X"}, "timezone": {"UTC"}})
	}
	for range auth.SignupTakenPerIP {
		r := probe("ann@example.com")
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, "already exists")
	}
	r := probe("ann@example.com")
	wantStatus(t, r, http.StatusTooManyRequests)
	if r.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	// A new email still signs up from the same address.
	wantStatus(t, probe("bob@example.com"), http.StatusSeeOther)
}

package server

import (
	"net/http"
	"net/url"
	"testing"
)

// TestCommonPasswordRefused: sign-up and a password change both refuse a
// common password beside the field, saying why, and save nothing.
func TestCommonPasswordRefused(t *testing.T) {
	app := newTestApp(t)
	r := app.client().post("/signup", url.Values{"email": {"ann@example.com"}, "password": {"password123"},
		"display_name": {"Ann"}, "timezone": {"UTC"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "one of the most common passwords", `value="ann@example.com"`)
	if n := app.count("users"); n != 0 {
		t.Fatalf("users = %d", n)
	}
	c := app.signedUp("ann@example.com")
	r = c.post("/settings", url.Values{"action": {"password"}, "current_password": {"correct horse battery"}, "new_password": {"qwertyuiop"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "one of the most common passwords")
	wantStatus(t, app.client().login("ann@example.com", "correct horse battery"), http.StatusSeeOther)
}

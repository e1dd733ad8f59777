package server

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// annPassword is the password every test sign-up uses (see client.signup).
const annPassword = "correct horse battery"

// TestPasswordChangeInSettingsEndsEveryCredential: a password changed on
// the settings page ends the other sessions, every API token and the
// calendar feed, and keeps the browser that changed it signed in.
func TestPasswordChangeInSettingsEndsEveryCredential(t *testing.T) {
	app, c := newAnnApp(t)
	api := app.apiClient(c.createToken("phone", journal.ScopeRead, ""))
	feed := c.feedPath()
	laptop := app.client()
	wantStatus(t, laptop.login("ann@example.com", annPassword), http.StatusSeeOther)
	bob := app.signedUp("bob@example.com")
	bobAPI := app.apiClient(bob.createToken("script", journal.ScopeRead, ""))
	bobFeed := bob.feedPath()
	anon := app.client()

	wantStatus200(t, api.do("GET", "/bosses", nil))
	wantStatus(t, anon.get(feed), http.StatusOK)
	wantStatus(t, laptop.get("/settings"), http.StatusOK)

	r := c.post("/settings", url.Values{"action": {"password"}, "current_password": {annPassword}, "new_password": {"a brand new passphrase"}})
	wantStatus(t, r, http.StatusSeeOther)

	if r := api.do("GET", "/bosses", nil); r.status != http.StatusUnauthorized {
		t.Errorf("API token after a password change: status %d, want 401", r.status)
	}
	if r := anon.get(feed); r.status != http.StatusNotFound {
		t.Errorf("calendar feed after a password change: status %d, want 404", r.status)
	}
	if r := laptop.get("/settings"); r.status != http.StatusSeeOther {
		t.Errorf("another session after a password change: status %d, want 303 to sign in", r.status)
	}
	wantStatus(t, c.get("/settings"), http.StatusOK)
	wantBody(t, c.get("/settings/tokens"), "revoked")
	// Another user's credentials are untouched.
	wantStatus200(t, bobAPI.do("GET", "/bosses", nil))
	wantStatus(t, anon.get(bobFeed), http.StatusOK)
}

package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestSettingsPasswordChecksThrottled: the settings forms that check the
// current password stop answering after as many wrong guesses as sign-in
// allows, even the right password, with 429 and Retry-After.
func TestSettingsPasswordChecksThrottled(t *testing.T) {
	for _, action := range []string{"password", "delete"} {
		t.Run(action, func(t *testing.T) {
			app, c := newAnnApp(t, func(c *Config) { c.LoginPerEmail = 3; c.LoginWindow = time.Minute })
			other := app.signedUp("bob@example.com")
			form := func(pw string) url.Values {
				if action == "password" {
					return url.Values{"action": {"password"}, "current_password": {pw}, "new_password": {"a brand new passphrase"}}
				}
				return url.Values{"action": {"delete"}, "password": {pw}}
			}
			for i := range 3 {
				wantStatus(t, c.post("/settings", form("wrong guess "+string(rune('a'+i)))), http.StatusUnprocessableEntity)
			}
			r := c.post("/settings", form("correct horse battery"))
			wantStatus(t, r, http.StatusTooManyRequests)
			if r.header.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
			if n := app.count("users"); n != 2 {
				t.Errorf("users = %d after the throttled request", n)
			}
			// The limit is per user: another account is unaffected.
			wantStatus(t, other.post("/settings", form("correct horse battery")), http.StatusSeeOther)
		})
	}
}

// TestProxyUserSettings: an account the proxy signed in has a random
// password nobody knows, so settings hide the password form and confirm
// deletion with the account's email.
func TestProxyUserSettings(t *testing.T) {
	app := newTestApp(t, proxyConfig("127.0.0.0/8"))
	c := app.client()
	hdr := []string{"Remote-Email", "ann@example.com"}
	r := c.getWith("/settings", hdr...)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `name="confirm_email"`)
	for _, absent := range []string{`name="current_password"`, `name="new_password"`, `name="password"`} {
		if strings.Contains(r.body, absent) {
			t.Errorf("the settings page of a proxy user has %s", absent)
		}
	}
	wantStatus(t, c.post("/settings", url.Values{"action": {"password"}, "current_password": {"x"}, "new_password": {"a brand new passphrase"}}, hdr...), http.StatusForbidden)

	r = c.post("/settings", url.Values{"action": {"delete"}, "confirm_email": {"bob@example.com"}}, hdr...)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "not this account&#39;s email address")
	if n := app.count("users"); n != 1 {
		t.Fatalf("users = %d after a wrong confirmation", n)
	}
	r = c.post("/settings", url.Values{"action": {"delete"}, "confirm_email": {" Ann@Example.com "}}, hdr...)
	wantStatus(t, r, http.StatusSeeOther)
	if n := app.count("users"); n != 0 {
		t.Errorf("users = %d after deletion", n)
	}

	// A user with a session of their own still sees the password forms.
	own := app.signedUp("carl@example.com")
	wantBody(t, own.get("/settings"), `name="current_password"`, `name="password"`)
}

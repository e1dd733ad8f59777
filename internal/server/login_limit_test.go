package server

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestLoginSuccessResetsEmailCount(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.LoginPerEmail = 3; c.LoginPerIP = 100; c.LoginWindow = time.Minute })
	app.client().signup("ann@example.com")
	// Each round is a new browser, so no device cookie helps: two typos and
	// a success, three times over, never hits the limit of three.
	for round := range 3 {
		c := app.client()
		wantStatus(t, c.login("ann@example.com", "typo one"), http.StatusUnauthorized)
		wantStatus(t, c.login("ann@example.com", "typo two"), http.StatusUnauthorized)
		if r := c.login("ann@example.com", "correct horse battery"); r.status != http.StatusSeeOther {
			t.Fatalf("round %d: the owner's sign-in answered %d", round, r.status)
		}
	}
}

func TestKnownDeviceSkipsEmailLockout(t *testing.T) {
	app, owner := newAnnApp(t, func(c *Config) { c.LoginPerEmail = 3; c.LoginPerIP = 100; c.LoginWindow = time.Minute })
	wantStatus(t, owner.post("/logout", nil), http.StatusSeeOther)
	wantStatus(t, owner.login("ann@example.com", "correct horse battery"), http.StatusSeeOther)
	wantStatus(t, owner.post("/logout", nil), http.StatusSeeOther)

	attacker := app.client()
	for range 3 {
		wantStatus(t, attacker.login("ann@example.com", "guess"), http.StatusUnauthorized)
	}
	wantStatus(t, attacker.login("ann@example.com", "correct horse battery"), http.StatusTooManyRequests)
	wantStatus(t, app.client().login("ann@example.com", "correct horse battery"), http.StatusTooManyRequests)

	// The owner's browser signed in before: the lockout does not stop it.
	wantStatus(t, owner.login("ann@example.com", "correct horse battery"), http.StatusSeeOther)

	// The cookie is bound to the email and signed: copied to another email,
	// or altered, it exempts nothing.
	var device *http.Cookie
	u, _ := url.Parse(app.ts.URL)
	for _, c := range owner.hc.Jar.Cookies(u) {
		if c.Name == deviceCookieName {
			device = c
		}
	}
	if device == nil {
		t.Fatal("no device cookie after a successful sign-in")
	}
	app.client().signup("bob@example.com")
	other := app.client()
	for range 3 {
		other.login("bob@example.com", "guess")
	}
	thief := app.client()
	thief.hc.Jar.SetCookies(u, []*http.Cookie{{Name: deviceCookieName, Value: device.Value}})
	wantStatus(t, thief.login("bob@example.com", "correct horse battery"), http.StatusTooManyRequests)
	forged := app.client()
	forged.hc.Jar.SetCookies(u, []*http.Cookie{{Name: deviceCookieName, Value: device.Value + "x"}})
	for range 3 {
		forged.login("ann@example.com", "guess")
	}
	wantStatus(t, forged.login("ann@example.com", "correct horse battery"), http.StatusTooManyRequests)
}

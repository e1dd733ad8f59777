package server

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/auth"
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
		if c.Name == auth.DeviceCookieName {
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
	thief.hc.Jar.SetCookies(u, []*http.Cookie{{Name: auth.DeviceCookieName, Value: device.Value}})
	wantStatus(t, thief.login("bob@example.com", "correct horse battery"), http.StatusTooManyRequests)
	forged := app.client()
	forged.hc.Jar.SetCookies(u, []*http.Cookie{{Name: auth.DeviceCookieName, Value: device.Value + "x"}})
	for range 3 {
		forged.login("ann@example.com", "guess")
	}
	wantStatus(t, forged.login("ann@example.com", "correct horse battery"), http.StatusTooManyRequests)
}

// deviceCookie is c's device cookie, or nil.
func (c *client) deviceCookie() *http.Cookie {
	u, _ := url.Parse(c.app.ts.URL)
	for _, ck := range c.hc.Jar.Cookies(u) {
		if ck.Name == auth.DeviceCookieName {
			return ck
		}
	}
	return nil
}

// withDevice is a new browser holding a copy of a device cookie.
func (a *testApp) withDevice(device *http.Cookie) *client {
	c := a.client()
	u, _ := url.Parse(a.ts.URL)
	c.hc.Jar.SetCookies(u, []*http.Cookie{{Name: auth.DeviceCookieName, Value: device.Value}})
	return c
}

// lockOut spends the email's sign-in allowance from a stranger's browser.
func (a *testApp) lockOut(email string, n int) {
	a.t.Helper()
	stranger := a.client()
	for range n {
		stranger.login(email, "a wrong guess")
	}
	if r := stranger.login(email, annPassword); r.status != http.StatusTooManyRequests {
		a.t.Fatalf("the email is not locked out: status %d", r.status)
	}
}

// TestDeviceCookieExpiresOnTheServer: the cookie's issue time is signed and
// checked, so a browser that keeps the cookie past its year (or a copy of
// it) is no longer exempt from the lock-out.
func TestDeviceCookieExpiresOnTheServer(t *testing.T) {
	app, owner := newAnnApp(t, func(c *Config) { c.LoginPerEmail = 3; c.LoginPerIP = 100; c.LoginWindow = time.Minute })
	start := time.Now()
	now := start
	app.useClock(func() time.Time { return now })
	wantStatus(t, owner.login("ann@example.com", annPassword), http.StatusSeeOther)
	device := owner.deviceCookie()
	if device == nil {
		t.Fatal("no device cookie after a successful sign-in")
	}

	now = start.Add(auth.DeviceLifetime - time.Hour)
	app.lockOut("ann@example.com", 3)
	wantStatus(t, app.withDevice(device).login("ann@example.com", annPassword), http.StatusSeeOther)

	now = start.Add(auth.DeviceLifetime + time.Hour)
	app.lockOut("ann@example.com", 3)
	wantStatus(t, app.withDevice(device).login("ann@example.com", annPassword), http.StatusTooManyRequests)
}

// TestPasswordChangeEndsDeviceCookies: after a password change, in settings
// or with the store call `leadup user passwd` makes, no earlier device
// cookie exempts a browser from the lock-out; the browser that changed it
// in settings gets a new one.
func TestPasswordChangeEndsDeviceCookies(t *testing.T) {
	app, owner := newAnnApp(t, func(c *Config) { c.LoginPerEmail = 3; c.LoginPerIP = 100; c.LoginWindow = time.Minute })
	laptop := app.client()
	wantStatus(t, laptop.login("ann@example.com", annPassword), http.StatusSeeOther)
	old := laptop.deviceCookie()
	wantStatus(t, owner.login("ann@example.com", annPassword), http.StatusSeeOther)

	newPassword := "a brand new passphrase"
	wantStatus(t, owner.post("/settings", url.Values{"action": {"password"}, "current_password": {annPassword}, "new_password": {newPassword}}), http.StatusSeeOther)
	app.lockOut("ann@example.com", 3)
	wantStatus(t, app.withDevice(old).login("ann@example.com", newPassword), http.StatusTooManyRequests)
	fresh := owner.deviceCookie()
	wantStatus(t, app.withDevice(fresh).login("ann@example.com", newPassword), http.StatusSeeOther)

	// The command line's path: the same store call, with no session kept.
	u, err := app.db.FindUserByEmail(context.Background(), "ann@example.com")
	if err != nil {
		t.Fatal(err)
	}
	hash, err := password.NewHasher(fastHash).Hash("the operator's passphrase")
	if err != nil {
		t.Fatal(err)
	}
	if err := app.db.UpdatePassword(context.Background(), u.ID, hash, nil); err != nil {
		t.Fatal(err)
	}
	app.lockOut("ann@example.com", 3)
	wantStatus(t, app.withDevice(fresh).login("ann@example.com", "the operator's passphrase"), http.StatusTooManyRequests)
}

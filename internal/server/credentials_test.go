package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

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

// TestTokenAndFeedCreationAskForThePassword: with no password or a wrong
// one, neither a token nor a feed is made; the form comes back (422) with
// a message beside the password field and what was typed.
func TestTokenAndFeedCreationAskForThePassword(t *testing.T) {
	app, c := newAnnApp(t)
	for _, pw := range []string{"", "not my password"} {
		r := c.post("/settings/tokens", url.Values{"name": {"phone"}, "scope": {"write"}, "expires_on": {"2099-01-01"}, "password": {pw}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `id="password-error"`, `value="phone"`, `value="2099-01-01"`, `<option value="write" selected>`)
		r = c.post("/settings/calendar", url.Values{"password": {pw}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `id="password-error"`, "Nothing was made")
	}
	wantBody(t, c.post("/settings/calendar", url.Values{"password": {"not my password"}}), "That is not your current password.")
	if n, m := app.count("api_tokens"), app.count("calendar_feeds"); n != 0 || m != 0 {
		t.Fatalf("%d tokens and %d feeds made without the password, want none", n, m)
	}
	// Both forms ask for it.
	wantBody(t, c.get("/settings/tokens"), `name="password"`, `autocomplete="current-password"`)
	wantBody(t, c.get("/settings/notifications"), `name="password"`)
	c.createToken("phone", journal.ScopeRead, "")
	c.feedPath()
}

// TestTokenPasswordCheckIsThrottled: guessing the password through the
// token form meets the sign-in throttle.
func TestTokenPasswordCheckIsThrottled(t *testing.T) {
	app, c := newAnnApp(t, func(c *Config) { c.LoginPerEmail = 3; c.LoginWindow = time.Minute })
	for range 3 {
		wantStatus(t, c.post("/settings/calendar", url.Values{"password": {"a guess"}}), http.StatusUnprocessableEntity)
	}
	r := c.post("/settings/tokens", url.Values{"name": {"phone"}, "scope": {"read"}, "password": {annPassword}})
	wantStatus(t, r, http.StatusTooManyRequests)
	if n := app.count("api_tokens"); n != 0 {
		t.Fatalf("%d tokens made past the throttle", n)
	}
}

// TestProxyUserMakesTokensWithoutAPassword: the proxy's sign-in is the
// check; the account's password is random, so none is asked.
func TestProxyUserMakesTokensWithoutAPassword(t *testing.T) {
	app := newTestApp(t, proxyConfig("127.0.0.0/8"))
	c := app.client()
	page := c.getWith("/settings/tokens", "Remote-Email", "ann@example.com")
	wantStatus(t, page, http.StatusOK)
	if strings.Contains(page.body, `name="password"`) {
		t.Error("the token form asks a proxy user for a password")
	}
	wantStatus(t, c.post("/settings/tokens", url.Values{"name": {"phone"}, "scope": {"read"}}, "Remote-Email", "ann@example.com"), http.StatusOK)
	wantStatus(t, c.post("/settings/calendar", nil, "Remote-Email", "ann@example.com"), http.StatusSeeOther)
	if n, m := app.count("api_tokens"), app.count("calendar_feeds"); n != 1 || m != 1 {
		t.Fatalf("%d tokens and %d feeds, want 1 of each", n, m)
	}
}

// TestAtMostTwentyLiveTokens: the 21st working token is refused with the
// form kept; an expired or a revoked one makes room.
func TestAtMostTwentyLiveTokens(t *testing.T) {
	// Each token asks for the password; the throttle of those checks is
	// another test's.
	app, c := newAnnApp(t, func(c *Config) { c.LoginPerEmail = 100 })
	now := time.Now()
	app.useClock(func() time.Time { return now })
	berlin, _ := time.LoadLocation("Europe/Berlin")
	c.createToken("until today", journal.ScopeRead, now.In(berlin).Format(time.DateOnly))
	for i := range journal.MaxLiveTokens - 1 {
		c.createToken(fmt.Sprintf("script %d", i), journal.ScopeRead, "")
	}
	oneTooMany := func() *response {
		return c.post("/settings/tokens", url.Values{"name": {"one too many"}, "scope": {"read"}, "password": {annPassword}})
	}
	r := oneTooMany()
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "You already have 20 tokens that work", `value="one too many"`)
	if n := app.count("api_tokens"); n != journal.MaxLiveTokens {
		t.Fatalf("%d tokens, want %d", n, journal.MaxLiveTokens)
	}

	now = now.Add(48 * time.Hour) // the first token has expired
	c.createToken("one too many", journal.ScopeRead, "")
	wantStatus(t, oneTooMany(), http.StatusUnprocessableEntity)
	wantStatus(t, c.post("/settings/tokens/2/revoke", nil), http.StatusSeeOther)
	c.createToken("one too many", journal.ScopeRead, "")
}

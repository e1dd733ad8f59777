package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	authpkg "github.com/leadup/leadup/internal/server/auth"
)

// wantProviderReauth checks that r sends the browser to the provider to
// sign in again (max_age=0) and returns where.
func wantProviderReauth(t *testing.T, r *response) string {
	t.Helper()
	wantStatus(t, r, http.StatusSeeOther)
	loc := r.header.Get("Location")
	if param(t, loc, "max_age") != "0" || param(t, loc, "prompt") != "login" {
		t.Fatalf("redirect to %s, want the provider with max_age=0 and prompt=login", loc)
	}
	return loc
}

// TestOIDCAccountReauthenticatesForTokenAndFeed: an account that signs in
// through the provider has no password to type; making a token or a feed
// sends it to sign in there afresh, and only then is the form saved.
func TestOIDCAccountReauthenticatesForTokenAndFeed(t *testing.T) {
	app := newOIDCApp(t)
	c := app.client()
	wantStatus(t, c.callback(providerLogin(t, c, "ann")), http.StatusSeeOther)
	page := c.get("/settings/tokens")
	wantBody(t, page, "Example OP will ask you to sign in again first")
	if strings.Contains(page.body, `name="password"`) {
		t.Error("the token form asks an OpenID account for a password")
	}
	form := url.Values{"name": {"phone"}, "scope": {"read"}}

	// An invalid form is corrected first, without a trip to the provider.
	wantStatus(t, c.post("/settings/tokens", url.Values{"name": {""}, "scope": {"read"}}), http.StatusUnprocessableEntity)
	// A made-up proof is no proof.
	forged := url.Values{"name": {"phone"}, "scope": {"read"}, authpkg.ReauthField: {"9999999999.AAAA"}}
	wantProviderReauth(t, c.post("/settings/tokens", forged))

	auth := wantProviderReauth(t, c.post("/settings/tokens", form))
	if n := app.count("api_tokens"); n != 0 {
		t.Fatalf("%d tokens before the provider sign-in, want 0", n)
	}
	r := c.callback(providerSignIn(t, c, auth, "ann"))
	wantStatus(t, r, http.StatusOK)
	m := newTokenRe.FindStringSubmatch(r.body)
	if m == nil || app.count("api_tokens") != 1 {
		t.Fatalf("no token after the provider sign-in\n%.2000s", r.body)
	}
	wantStatus200(t, app.apiClient(m[1]).do("GET", "/bosses", nil))
	if strings.Contains(r.body, authpkg.ReauthField+"=") || strings.Contains(r.body, `name="`+authpkg.ReauthField+`"`) {
		t.Error("the page shows the proof of the sign-in")
	}

	auth = wantProviderReauth(t, c.post("/settings/calendar", nil))
	r = c.callback(providerSignIn(t, c, auth, "ann"))
	wantStatus(t, r, http.StatusSeeOther)
	r = c.get(r.header.Get("Location"))
	if feedURL.FindStringSubmatch(r.body) == nil || app.count("calendar_feeds") != 1 {
		t.Fatalf("no feed after the provider sign-in\n%.2000s", r.body)
	}

	// Signing in at the provider as someone else makes nothing.
	auth = wantProviderReauth(t, c.post("/settings/tokens", form))
	r = c.callback(providerSignIn(t, c, auth, "own"))
	wantStatus(t, r, http.StatusForbidden)
	wantBody(t, r, "nothing was created")
	if n := app.count("users"); n != 1 {
		t.Errorf("%d accounts after a re-authentication as someone else, want 1 (nothing created or linked)", n)
	}

	// A provider sign-in older than the request to it (the provider did
	// not ask again) makes nothing either.
	auth = wantProviderReauth(t, c.post("/settings/tokens", form))
	if _, err := app.db.Writer().Exec("UPDATE oidc_logins SET created_at = ?", time.Now().Add(time.Hour).UTC().Format(time.RFC3339Nano)); err != nil {
		t.Fatal(err)
	}
	r = c.callback(providerSignIn(t, c, auth, "ann"))
	wantStatus(t, r, http.StatusBadRequest)
	wantBody(t, r, "did not ask you to sign in again")
	if n := app.count("api_tokens"); n != 1 {
		t.Errorf("%d tokens, want only the one made after a fresh sign-in", n)
	}
}

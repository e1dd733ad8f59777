package server

import (
	"net/http"
	"testing"
)

func TestFirstVisitLeadsToCreateAccount(t *testing.T) {
	app := newTestApp(t, func(c *Config) { c.Signup = SignupFirst })
	c := app.client()
	r := c.get("/")
	wantStatus(t, r, http.StatusSeeOther)
	r = c.get(r.header.Get("Location"))
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.header.Get("Location"); loc != "/signup" {
		t.Errorf("/ on a fresh install ends at %q, want /signup", loc)
	}
	wantBody(t, c.get("/signup"), "Create your account")

	c.signup("first@example.com")
	r = app.client().get("/login")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Sign in")

	closed := newTestApp(t, func(c *Config) { c.Signup = SignupClosed })
	wantStatus(t, closed.client().get("/login"), http.StatusOK)
}

package server

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/server/auth"
)

var carriedRe = regexp.MustCompile(`<input type="hidden" name="(carry\.[^"]+)" value="([^"]*)"`)

// carriedOf reads the carried hidden fields of a sign-in page.
func carriedOf(t *testing.T, r *response) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range carriedRe.FindAllStringSubmatch(r.body, -1) {
		v.Add(html.UnescapeString(m[1]), html.UnescapeString(m[2]))
	}
	return v
}

func TestExpiredSessionKeepsTheEntry(t *testing.T) {
	app, ann := newAnnApp(t)
	dana := ann.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	tok := formTokenOf(t, ann.get("/"))

	// The session ends (here: the cookie is gone) while the form is open.
	later := app.client()
	form := entryForm("boss_id", dana, "token", tok, "summary", `Agreed "the plan" & more`)
	r := later.post("/entries", form)
	wantStatus(t, r, http.StatusUnauthorized)
	if ch := r.header.Get("WWW-Authenticate"); ch == "" || strings.HasPrefix(strings.ToLower(ch), "basic") {
		t.Errorf("WWW-Authenticate %q, want a challenge that is not Basic", ch)
	}
	wantBody(t, r, "what you just sent will be saved", `name="next" value="/entries"`)
	got := carriedOf(t, r)
	if got.Get("carry.summary") != `Agreed "the plan" & more` || got.Get("carry.token") != tok || len(got["carry.practice"]) != 2 {
		t.Errorf("carried fields %v", got)
	}
	if n := app.count("entries"); n != 0 {
		t.Fatalf("entries = %d before signing in, want 0", n)
	}

	// A wrong password keeps them too, with the same challenge.
	login := url.Values{"email": {"ann@example.com"}, "password": {"wrong password!"}, "next": {"/entries"}}
	for k, v := range got {
		login[k] = v
	}
	bad := later.post("/login", login)
	wantStatus(t, bad, http.StatusUnauthorized)
	if bad.header.Get("WWW-Authenticate") == "" {
		t.Error("the failed sign-in's 401 has no WWW-Authenticate")
	}
	if again := carriedOf(t, bad); again.Get("carry.summary") != got.Get("carry.summary") {
		t.Errorf("carried after a wrong password: %v", again)
	}
	if strings.Contains(bad.body, "wrong password!") {
		t.Error("the password was written back into the page")
	}

	// Signing in saves the entry and shows it.
	login.Set("password", "correct horse battery")
	ok := later.post("/login", login)
	wantStatus(t, ok, http.StatusSeeOther)
	loc := ok.header.Get("Location")
	if !strings.HasPrefix(loc, "/entries/") {
		t.Fatalf("after sign-in Location %q, want the new entry", loc)
	}
	if got := app.scalar("SELECT summary FROM entries"); got != `Agreed "the plan" & more` {
		t.Errorf("saved summary %v", got)
	}
	wantBody(t, later.get(loc), "Agreed &#34;the plan&#34; &amp; more")

	// The token still applies: sending the same sign-in again saves nothing
	// new, even from a browser still holding an ended session's cookie.
	again := app.client().post("/login", login, "Cookie", auth.CookieName+"=an-ended-session")
	wantStatus(t, again, http.StatusSeeOther)
	if again.header.Get("Location") != loc {
		t.Errorf("repeat went to %q, want %q", again.header.Get("Location"), loc)
	}
	if n := app.count("entries"); n != 1 {
		t.Errorf("entries = %d after the sign-in was sent twice, want 1", n)
	}
}

func TestExpiredSessionNeverCarriesPasswords(t *testing.T) {
	app := newTestApp(t)
	r := app.client().post("/settings", url.Values{"section": {"password"}, "current_password": {"secret one two"}, "new_password": {"secret three four"}})
	wantStatus(t, r, http.StatusUnauthorized)
	if strings.Contains(r.body, "secret") || len(carriedOf(t, r)) != 0 {
		t.Errorf("a password form was carried into the sign-in page\n%.2000s", r.body)
	}
	// A page request without a session still goes to the sign-in page.
	g := app.client().get("/entries/new")
	wantStatus(t, g, http.StatusSeeOther)
}

package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSignupByMailStrangerHoldsNoSecret: with mail on, whoever types an
// address on the sign-up form gives no password, and none is kept; the
// password is chosen on the page the mailed link opens, so a stranger who
// signed up with someone else's address cannot sign in once the owner
// follows the link.
func TestSignupByMailStrangerHoldsNoSecret(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()

	form := app.client().get("/signup")
	wantStatus(t, form, http.StatusOK)
	wantBody(t, form, `name="email"`, `name="display_name"`, `name="timezone"`, "Send me the link")
	if strings.Contains(form.body, `name="password"`) {
		t.Error("the sign-up form asks for a password before the mailbox is proven")
	}

	// A stranger's script posts a password anyway.
	stranger := signupForm("bea@example.com")
	stranger.Set("password", "stranger's own secret")
	wantStatus(t, app.client().post("/signup", stranger), http.StatusSeeOther)
	rows, err := app.db.Reader().Query("SELECT * FROM pending_signups")
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	kept := 0
	for rows.Next() {
		kept++
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if s, ok := v.(string); ok && strings.HasPrefix(s, "$argon2") {
				t.Errorf("the pending sign-up keeps a password hash in %s", cols[i])
			}
		}
	}
	rows.Close()
	if kept != 1 {
		t.Fatalf("%d pending sign-ups, want 1", kept)
	}

	// The owner follows the link and chooses the password there.
	owner := app.client()
	path := signupLink(t, app.mailTo(t, relay, "bea@example.com"))
	finish := owner.get(path)
	wantStatus(t, finish, http.StatusOK)
	wantBody(t, finish, `name="password"`, `autocomplete="new-password"`)
	wantStatus(t, owner.post(path, finishForm("the owner's own secret")), http.StatusSeeOther)
	if owner.sessionCookie() == nil {
		t.Fatal("no session after finishing")
	}
	wantStatus(t, app.client().login("bea@example.com", "stranger's own secret"), http.StatusUnauthorized)
	wantStatus(t, app.client().login("bea@example.com", "the owner's own secret"), http.StatusSeeOther)
}

// TestSignupFinishBadPassword: a password refused on the link's page
// answers 422 with the reason and the name and zone as typed, creates
// nothing and leaves the link working.
func TestSignupFinishBadPassword(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()
	wantStatus(t, app.client().post("/signup", signupForm("bea@example.com")), http.StatusSeeOther)
	path := signupLink(t, app.mailTo(t, relay, "bea@example.com"))

	bad := finishForm("short")
	bad.Set("display_name", "Beatrice")
	r := app.client().post(path, bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Use at least 10 characters", `value="Beatrice"`, `value="Europe/Berlin"`)
	if strings.Contains(r.body, `value="short"`) {
		t.Error("the refused password is sent back")
	}
	if app.count("users") != 0 || app.count("pending_signups") != 1 {
		t.Fatalf("users %d, pending %d after a refused password; want 0 and 1", app.count("users"), app.count("pending_signups"))
	}
	good := finishForm("correct horse battery")
	good.Set("display_name", "Beatrice")
	wantStatus(t, app.client().post(path, good), http.StatusSeeOther)
	if u := app.user("bea@example.com"); u.DisplayName != "Beatrice" {
		t.Errorf("display name %q, want the one confirmed on the link's page", u.DisplayName)
	}
}

// TestSignupWithoutMailAsksPassword: with mail off, open sign-up is as
// before: the form asks for the password and makes the account at once.
func TestSignupWithoutMailAsksPassword(t *testing.T) {
	app := newTestApp(t) // open, no relay
	form := app.client().get("/signup")
	wantBody(t, form, `name="password"`, "Create account")
	r := app.client().post("/signup", signupForm("bea@example.com"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Use at least 10 characters", `value="bea@example.com"`)
	c := app.client()
	withPassword := signupForm("bea@example.com")
	withPassword.Set("password", "correct horse battery")
	wantStatus(t, c.post("/signup", withPassword), http.StatusSeeOther)
	if c.sessionCookie() == nil || app.count("users") != 1 || app.count("pending_signups") != 0 {
		t.Error("mail off: the account was not made at once")
	}
}

// TestSignupLinkMailCarriesNothingTyped: the mail to an address nobody
// has proven yet holds nothing the requester typed; the name is kept for
// the link's page, where the mailbox's owner sees it.
func TestSignupLinkMailCarriesNothingTyped(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()
	typed := url.Values{"email": {"bea@example.com"}, "display_name": {"Cheap pills at spam.example"}, "timezone": {"Asia/Tokyo"}}
	wantStatus(t, app.client().post("/signup", typed), http.StatusSeeOther)
	m := app.mailTo(t, relay, "bea@example.com")
	for _, part := range []string{m.Subject, m.Text, m.HTML} {
		for _, word := range []string{"Cheap pills", "spam.example", "Asia/Tokyo"} {
			if strings.Contains(part, word) {
				t.Errorf("the mail to an unproven address holds %q:\n%s", word, part)
			}
		}
	}
	wantBody(t, app.client().get(signupLink(t, m)), `value="Cheap pills at spam.example"`)
}

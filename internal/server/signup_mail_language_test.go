package server

import (
	"net/http"
	"testing"
)

// TestSignupByMailPagesLanguage: a visitor who chose German reads the
// "check your mail" page, the page the mailed link opens and a refused
// link's page in German, the refusal's reason included; an English
// visitor reads the refusal in English.
func TestSignupByMailPagesLanguage(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()
	c := app.client()
	c.get("/signup?lang=de")
	asked := c.post("/signup", signupForm("bea@example.com"))
	wantStatus(t, asked, http.StatusSeeOther)
	sent := c.get(asked.header.Get("Location"))
	wantStatus(t, sent, http.StatusOK)
	wantBody(t, sent, `<html lang="de">`, "<title>Schau in dein Postfach · leadup</title>", "<h1>Schau in dein Postfach</h1>",
		"Wir haben eine Nachricht an die eingegebene Adresse geschickt.", `>erneut registrieren</a>, um einen neuen Link zu bekommen.</p>`)
	wantNone(t, sent, "Check your mail", "spam folder")

	finish := c.get(signupLink(t, app.mailTo(t, relay, "bea@example.com")))
	wantStatus(t, finish, http.StatusOK)
	wantBody(t, finish, "<h1>Konto fertig anlegen</h1>", "Wähle ein Passwort für das leadup-Konto von <strong>bea@example.com</strong>.",
		`<label for="password">Passwort</label>`, "Mein Konto anlegen")
	wantNone(t, finish, "Finish creating", "Create my account")

	refused := c.get("/signup/verify/not-a-link")
	wantStatus(t, refused, http.StatusNotFound)
	wantBody(t, refused, "<title>Registrierungslink abgelehnt · leadup</title>", "<h1>Dieser Registrierungslink funktioniert nicht</h1>",
		"Das ist kein gültiger Registrierungslink.", `>Erneut registrieren</a> oder <a href="/login">anmelden</a>.</p>`)

	en := app.client().get("/signup/verify/not-a-link")
	wantBody(t, en, `<html lang="en">`, "<h1>This sign-up link does not work</h1>",
		"This is not a valid sign-up link. Check that you opened the whole link from the mail; some mail programs break long links.",
		`>Sign up again</a> or <a href="/login">sign in</a>.</p>`)
}

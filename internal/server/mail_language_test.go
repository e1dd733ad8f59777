package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestSignupMailInBrowsersLanguage: the sign-up link goes to an address
// not proven yet, so it is written in the language of the browser that
// asked; the note that someone tried an address with an account is
// written in that account's own language, whoever asked.
func TestSignupMailInBrowsersLanguage(t *testing.T) {
	app := newTestApp(t)
	app.client().signupAs("ann@example.com", "de-DE,de;q=0.9") // before mail is on: at once
	relay := app.withRelay()

	for _, tc := range []struct{ email, accept, subject, text string }{
		{"bea@example.com", "de-DE,de;q=0.9,en;q=0.5", "Schließ die Einrichtung deines leadup-Kontos ab", "Er funktioniert einmal, 24 Stunden lang."},
		{"cai@example.com", "es-ES", "Termina de crear tu cuenta de leadup", "Funciona una sola vez, durante 24 horas."},
		{"dee@example.com", "en-GB,en;q=0.9", "Finish creating your leadup account", "It works once, for 24 hours."},
		{"ann@example.com", "fr-FR", "Jemand wollte sich mit deiner Adresse bei leadup registrieren", "Du hast schon ein Konto."},
	} {
		wantStatus(t, app.client().post("/signup", signupForm(tc.email), "Accept-Language", tc.accept), http.StatusSeeOther)
		m := app.mailTo(t, relay, tc.email)
		if m.Subject != tc.subject {
			t.Errorf("%s (%s): subject %q, want %q", tc.email, tc.accept, m.Subject, tc.subject)
		}
		if !strings.Contains(m.Text, tc.text) || !strings.Contains(m.HTML, "<title>"+tc.subject+"</title>") {
			t.Errorf("%s (%s): the mail is not in the language wanted:\n%s\n%s", tc.email, tc.accept, m.Text, m.HTML)
		}
	}
}

// TestTestMailInUsersLanguage: the test mail from the reminders page is
// in the user's language setting, not the one the browser asks for now.
func TestTestMailInUsersLanguage(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	c.signupAs("ann@example.com", "es-ES,es;q=0.9") // before mail is on: at once
	relay := app.withRelay()
	r := c.post("/settings/notifications/test", url.Values{}, "Accept-Language", "en-US")
	wantStatus(t, r, http.StatusOK)
	m := app.mailTo(t, relay, "ann@example.com")
	if m.Subject != "Correo de prueba de leadup" || !strings.Contains(m.Text, "Hola, Test User:") || !strings.Contains(m.HTML, "El correo funciona") {
		t.Errorf("test mail not in Spanish: %q\n%s\n%s", m.Subject, m.Text, m.HTML)
	}
}

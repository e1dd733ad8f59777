package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// wantNone fails for each of texts that r's body holds: words of another
// language left on a translated page.
func wantNone(t *testing.T, r *response, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(r.body, s) {
			t.Errorf("the page holds %q", s)
		}
	}
}

// TestSettingsPageLanguage: the settings page reaches a German user in
// German and a French one in French (a non-breaking space before the
// colon), and an English user in the English it always had.
func TestSettingsPageLanguage(t *testing.T) {
	app := newTestApp(t)
	de := app.client()
	de.signupAs("ann@example.com", "de-DE")
	page := de.get("/settings")
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, `<html lang="de">`, "<title>Einstellungen · leadup</title>", "<h1>Einstellungen</h1>",
		"Angemeldet als ann@example.com.", `<label for="display_name">Dein Name</label>`, "Profil speichern",
		"<li>die Adresse deines Kalender-Feeds;</li>", "Passwort ändern", `<label for="file">Exportdatei</label>`,
		`>JSON</a>: vollständig, und das Format, das leadup importiert.</li>`, "API-Tokens verwalten",
		`data-confirm="Dein Konto und alle seine Daten löschen? Das lässt sich nicht rückgängig machen."`,
		`<label for="password">Dein Passwort, zur Bestätigung</label>`, "Mein Konto und alle Daten löschen")
	wantNone(t, page, "Signed in as", "Save profile", "Your data", "Delete account", "calendar feed", "Export file")

	fr := app.client()
	fr.signupAs("bea@example.com", "fr-FR")
	wantBody(t, fr.get("/settings"), `<html lang="fr">`, "<h1>Réglages</h1>",
		">JSON</a>\u00a0: complet, et le format qu&#39;importe leadup.</li>", "<li>l'adresse de votre flux d'agenda\u00a0;</li>")

	en := app.client()
	en.signupAs("cy@example.com", "en-GB")
	wantBody(t, en.get("/settings"), `<html lang="en">`, "<h1>Settings</h1>", "Signed in as cy@example.com.",
		"<li>your calendar feed's address;</li>", `>CSV</a>: one row per entry, for LibreOffice, Numbers, Python and other tools; or <a href="/export-excel.csv" download>CSV for Excel</a>, the same`)
}

// TestTokensPageLanguage: the API tokens page, a token just made and its
// line in the list reach a German user in German (the limit in CLDR's
// plural), and an English user in the English they always had.
func TestTokensPageLanguage(t *testing.T) {
	app := newTestApp(t)
	de := app.client()
	de.signupAs("ann@example.com", "de-DE")
	made := de.post("/settings/tokens", url.Values{"name": {"Handy"}, "scope": {"read"}, "password": {"correct horse battery"}})
	wantStatus(t, made, http.StatusOK)
	wantBody(t, made, `<html lang="de">`, "<title>API-Tokens · leadup</title>", "Dein neues Token „Handy“",
		"Kopiere es jetzt:", `<label for="scope">Rechte</label>`, `<option value="read" selected>Nur lesen</option>`,
		`<option value="write">Lesen und schreiben</option>`, `<label for="password">Dein aktuelles Passwort</label>`,
		"Du kannst 20 gültige Tokens zugleich haben.", "<strong>Handy</strong> · Nur lesen", "zuletzt benutzt nie; läuft nicht ab.",
		`aria-label="Handy widerrufen">Widerrufen</button>`)
	wantNone(t, made, "Create a token", "Your tokens", "Read only", "last used", "Revoke")

	en := app.client()
	en.signupAs("cy@example.com", "en")
	page := en.get("/settings/tokens")
	wantBody(t, page, "<title>API tokens · leadup</title>", "You can have 20 tokens that work at once.",
		`<option value="read" selected>Read only</option>`, `<label for="password">Your current password</label>`,
		"It outlives this session, so leadup checks it is you.")
}

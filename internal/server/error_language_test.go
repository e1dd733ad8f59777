package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// TestErrorPagesSpeakTheReadersLanguage: an error page is in the
// signed-in user's language, and so are the ones the router and the
// cross-site check answer before a session is loaded, in the browser's;
// English stays as it was.
func TestErrorPagesSpeakTheReadersLanguage(t *testing.T) {
	app := newTestApp(t)
	de := app.client()
	de.signupAs("ann@example.com", "de-DE")

	r := de.get("/entries/999999")
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, `<html lang="de">`, "<title>Nicht gefunden · leadup</title>", "<h1>Nicht gefunden</h1>",
		"Fehler 404. <a href=\"/\">Zurück zum Start</a>")

	german := func(method, path string, headers ...string) *response {
		t.Helper()
		req, _ := http.NewRequest(method, app.ts.URL+path, nil)
		req.Header.Set("Accept-Language", "de-DE,de;q=0.9")
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		return app.client().do(req)
	}
	r = german(http.MethodGet, "/no/such/page")
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, `<html lang="de">`, "<h1>Nicht gefunden</h1>", "Hier ist nichts. Der Link ist vielleicht veraltet")
	r = german(http.MethodPost, "/")
	wantStatus(t, r, http.StatusMethodNotAllowed)
	wantBody(t, r, `<html lang="de">`, "<h1>Methode nicht erlaubt</h1>", "Diese Seite nimmt diese Art von Anfrage nicht an.", "Fehler 405.")
	r = german(http.MethodPost, "/bosses", "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	wantStatus(t, r, http.StatusForbidden)
	wantBody(t, r, `<html lang="de">`, "<h1>Nicht erlaubt</h1>", "Dieses Formular kam von einer anderen Website und wurde deshalb abgelehnt.")

	// English, as before.
	r = app.client().get("/no/such/page")
	wantStatus(t, r, http.StatusNotFound)
	wantBody(t, r, `<html lang="en">`, "<title>Not Found · leadup</title>", "<h1>Not Found</h1>",
		"<p>There is nothing here. The link may be old, or the record may have been deleted.</p>",
		`<p class="muted">Error 404. <a href="/">Back to the start</a></p>`)
}

// TestOfflinePageSpeaksTheBrowsersLanguage: the offline page is served
// without a session (the service worker keeps it), so it follows the
// browser's Accept-Language; English stays as it was.
func TestOfflinePageSpeaksTheBrowsersLanguage(t *testing.T) {
	app := newTestApp(t)
	req, _ := http.NewRequest(http.MethodGet, app.ts.URL+"/offline", nil)
	req.Header.Set("Accept-Language", "fr-CA,fr;q=0.9")
	r := app.client().do(req)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<html lang="fr">`, "<title>Hors ligne · leadup</title>", "<h1>Vous êtes hors ligne</h1>",
		"Une entrée enregistrée hors ligne est gardée sur cet appareil", ">Réessayer</a>")

	r = app.client().get("/offline")
	wantBody(t, r, `<html lang="en">`, "<title>Offline · leadup</title>", "<h1>You are offline</h1>",
		"<p>leadup needs the connection to show your journal, so this page stands in until it is back.</p>", ">Try again</a>")
}

// TestFollowUpPagerAndTitlesInGerman: the follow-up list's pager and
// the titles handlers give the entry and follow-up pages are German for a
// German user, and English as before for an English one.
func TestFollowUpPagerAndTitlesInGerman(t *testing.T) {
	app := newTestApp(t)
	app.setNow(markerNow)
	de := app.client()
	de.signupAs("ann@example.com", "de-DE")
	dana := de.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	entry := de.createdID("/entries", blockForm(dana, "2026-11-26"), "/entries/")
	for i := range 51 {
		wantStatusT(t, de.post("/entries/"+entry+"/followups", url.Values{"text": {"Promise " + strconv.Itoa(i)}, "owner": {"me"}}), http.StatusSeeOther)
	}
	r := de.get("/followups")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "<title>Zusagen · leadup</title>", "1–50 von 51 offenen.", `<nav class="pager" aria-label="Seiten">`,
		"<span>Seite 1</span>", `rel="next">Weitere →</a>`)
	wantBody(t, de.get("/followups?page=2"), `rel="prev">← Früher fällig</a>`, "<span>Seite 2</span>")
	wantBody(t, de.get("/"), "<title>Start · leadup</title>", ">Eintrag speichern</button>")
	wantBody(t, de.get("/entries"), "<title>Einträge · leadup</title>")
	wantBody(t, de.get("/entries/new"), "<title>Neuer Eintrag · leadup</title>", "<h1>Neuer Eintrag</h1>")
	wantBody(t, de.get("/entries/"+entry+"/edit"), "<title>Eintrag bearbeiten · leadup</title>", "<h1>Eintrag bearbeiten</h1>",
		">Änderungen speichern</button>")
	wantBody(t, de.post("/entries/"+entry+"/delete", nil), "<title>Eintrag löschen · leadup</title>")

	en := app.signedUp("bob@example.com")
	boss := en.createdID("/bosses", url.Values{"name": {"Zed"}, "relation": {"manager"}}, "/bosses/")
	bobEntry := en.createdID("/entries", blockForm(boss, "2026-11-26"), "/entries/")
	for i := range 51 {
		wantStatusT(t, en.post("/entries/"+bobEntry+"/followups", url.Values{"text": {"Promise " + strconv.Itoa(i)}, "owner": {"me"}}), http.StatusSeeOther)
	}
	r = en.get("/followups")
	wantBody(t, r, "<title>Follow-ups · leadup</title>", "1–50 of 51 open.", `<nav class="pager" aria-label="Pages">`,
		"<span>Page 1</span>", `rel="next">More →</a>`)
	wantBody(t, en.get("/"), "<title>Home · leadup</title>", ">Save entry</button>")
	wantBody(t, en.get("/entries/"+bobEntry+"/edit"), "<title>Edit entry · leadup</title>", "<h1>Edit entry</h1>", ">Save changes</button>")
}

// TestDiskFullPageInGerman: the full-disk answer is German for a German
// user, with what they typed given back.
func TestDiskFullPageInGerman(t *testing.T) {
	app := newTestApp(t)
	de := app.client()
	de.signupAs("ann@example.com", "de-DE")
	pages := fillFile(t, app.db)
	if _, err := app.db.Writer().Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	r := de.post("/entries", entryForm("new_boss_name", "Dana", "summary", "Typed before the disk filled", "notes", strings.Repeat("A long note. ", 800)))
	wantStatus(t, r, http.StatusInsufficientStorage)
	wantBody(t, r, `<html lang="de">`, "<title>Die Festplatte des Servers ist voll · leadup</title>",
		"Die Festplatte des Servers ist voll, deshalb wurde nichts gespeichert.", "<h2>Was du eingegeben hast</h2>", "Typed before the disk filled")
}

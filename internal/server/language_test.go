package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/server/httpx"
)

// signupAs creates an account through the form from a browser whose
// Accept-Language is accept, and leaves c signed in.
func (c *client) signupAs(email, accept string) {
	c.app.t.Helper()
	r := c.post("/signup", url.Values{
		"email": {email}, "password": {"correct horse battery"},
		"display_name": {"Test User"}, "timezone": {"Europe/Berlin"},
	}, "Accept-Language", accept)
	if r.status != http.StatusSeeOther {
		c.app.t.Fatalf("signup %s: status %d, want 303\n%.2000s", email, r.status, r.body)
	}
}

// TestGermanUserSeesGermanPages: a user whose browser asked for German at
// sign-up reads the frame, the notices and the practices in German, on
// pages their browser now asks for in English.
func TestGermanUserSeesGermanPages(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	c.signupAs("ann@example.com", "de-DE,de;q=0.9,en;q=0.8")

	home := c.get("/")
	wantStatus(t, home, http.StatusOK)
	wantBody(t, home, `<html lang="de">`, "Willkommen bei leadup. Dein Konto ist bereit.",
		">Start</a>", ">Einträge</a>", ">Abmelden</button>", "Zum Inhalt springen",
		"leadup speichert deine Notizen auf deinem eigenen Server.")

	week := c.get("/weeks")
	wantStatus(t, week, http.StatusSeeOther)
	week = c.get(week.header.Get("Location"))
	wantStatus(t, week, http.StatusOK)
	// A week without entries neglects every practice: each is named, with
	// its meaning and what to try, in German.
	de := i18n.MustLoad("en").Localizer("de")
	for _, key := range []string{"results", "responsibility", "priorities", "team", "risk", "solutions"} {
		wantBody(t, week, de.T("practice."+key+".label"))
	}
	wantBody(t, week, `<html lang="de">`, "Lösungen mitbringen", "Prioritäten der Führung mittragen",
		de.T("practice.risk.try"))
	for _, english := range []string{"Deliver results", "Be the solution seeker", `lang="en"`} {
		if strings.Contains(week.body, english) {
			t.Errorf("the German week page holds %q", english)
		}
	}
}

// TestVisitorSwitchesLanguage: the switch on the sign-in page is links;
// following one shows the page in that language, and the choice stays for
// the next page and for the form's answer.
func TestVisitorSwitchesLanguage(t *testing.T) {
	app := newTestApp(t)
	app.signedUp("ann@example.com") // so /login is not a first visit's sign-up

	c := app.client()
	login := c.get("/login?next=%2Fentries")
	wantStatus(t, login, http.StatusOK)
	wantBody(t, login, `<html lang="en">`, "<h1>Sign in</h1>", `<nav class="language-switch" aria-label="Language">`,
		`href="/login?lang=fr&amp;next=%2Fentries" lang="fr" hreflang="fr">Français</a>`,
		`href="/login?lang=en&amp;next=%2Fentries" lang="en" hreflang="en" aria-current="true"><strong>English</strong></a>`)

	fr := c.get("/login?lang=fr&next=%2Fentries")
	wantStatus(t, fr, http.StatusOK)
	wantBody(t, fr, `<html lang="fr">`, "<title>Se connecter · leadup</title>", "<h1>Se connecter</h1>",
		`<label for="email">E-mail</label>`, `<label for="password">Mot de passe</label>`, "Première visite\u00a0?", "Créer un compte",
		`aria-current="true"><strong>Français</strong></a>`, `name="next" value="/entries"`)

	// The cookie carries the choice: the sign-up page, then a refused
	// sign-in's answer, are French without ?lang=.
	signup := c.get("/signup")
	wantBody(t, signup, `<html lang="fr">`, "<h1>Créer votre compte</h1>", "Au moins 10 caractères.")
	wrong := c.login("ann@example.com", "not the password")
	wantStatus(t, wrong, http.StatusUnauthorized)
	wantBody(t, wrong, `<html lang="fr">`, "Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.")

	// A language the catalog lacks is ignored: the cookie's stays.
	if r := c.get("/login?lang=pt"); !strings.Contains(r.body, `<html lang="fr">`) || r.header.Get("Set-Cookie") != "" {
		t.Errorf("?lang=pt: want the page still French and no cookie set; Set-Cookie %q", r.header.Get("Set-Cookie"))
	}

	// Another browser that never chose reads English.
	if r := app.client().get("/login"); !strings.Contains(r.body, `<html lang="en">`) {
		t.Error("a new browser's sign-in page is not English")
	}
}

// TestSignupLanguage: a new account starts in the language its sign-up
// page was shown in: the visitor's choice, else the best match of the
// browser's Accept-Language, else the server's default.
func TestSignupLanguage(t *testing.T) {
	cases := []struct {
		name, def, chose, accept, want string
	}{
		{"German browser", "en", "", "de-DE,de;q=0.9", "de"},
		{"Mexican Spanish browser", "en", "", "es-MX,es;q=0.9,en;q=0.5", "es"},
		{"Canadian French browser", "en", "", "fr-CA", "fr"},
		{"unoffered language", "en", "", "ja-JP", "en"},
		{"no header, default German", "de", "", "", "de"},
		{"the switch beats the header", "en", "fr", "de-DE", "fr"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := newTestApp(t, func(c *Config) { c.Languages = i18n.MustLoad(tc.def) })
			c := app.client()
			if tc.chose != "" {
				c.get("/signup?lang=" + tc.chose)
			}
			c.signupAs("bea@example.com", tc.accept)
			if got := app.user("bea@example.com").Language; got != tc.want {
				t.Errorf("language %q, want %q", got, tc.want)
			}
			wantBody(t, c.get("/"), `<html lang="`+tc.want+`">`)
		})
	}
}

// TestSignupByMailKeepsLanguage: the language of the browser that asked
// for the link is the account's, whichever browser opens the link.
func TestSignupByMailKeepsLanguage(t *testing.T) {
	app := newTestApp(t)
	relay := app.withRelay()
	asked := app.client().post("/signup", signupForm("bea@example.com"), "Accept-Language", "es-ES")
	wantStatus(t, asked, http.StatusSeeOther)
	path := signupLink(t, app.mailTo(t, relay, "bea@example.com"))
	c := app.client()
	wantStatus(t, c.post(path, finishForm("correct horse battery")), http.StatusSeeOther)
	if got := app.user("bea@example.com").Language; got != "es" {
		t.Errorf("language %q, want es", got)
	}
	wantBody(t, c.get("/"), `<html lang="es">`, "Te damos la bienvenida a leadup.")
}

// TestSettingsLanguage: the profile form changes the language; one the
// server does not offer is refused beside the field, and nothing changes.
func TestSettingsLanguage(t *testing.T) {
	app, c := newAnnApp(t)
	settings := c.get("/settings")
	wantBody(t, settings, `<select id="language" name="language">`, `<option value="en" lang="en" selected>English</option>`,
		`<option value="de" lang="de">Deutsch</option>`, `<option value="es" lang="es">Español</option>`, `<option value="fr" lang="fr">Français</option>`)

	form := url.Values{"action": {"profile"}, "display_name": {"Ann"}, "timezone": {"Europe/Berlin"}, "language": {"pt"}}
	refused := c.post("/settings", form)
	wantStatus(t, refused, http.StatusUnprocessableEntity)
	wantBody(t, refused, `<p class="error" id="language-error">Choose one of the languages in the list.</p>`, `value="Ann"`)
	if got := app.user("ann@example.com").Language; got != "en" {
		t.Errorf("after a refused language, %q; want en kept", got)
	}

	form.Set("language", "es")
	wantStatus(t, c.post("/settings", form), http.StatusSeeOther)
	if got := app.user("ann@example.com").Language; got != "es" {
		t.Errorf("language %q, want es", got)
	}
	after := c.get("/settings")
	wantBody(t, after, `<html lang="es">`, "Perfil guardado.", `<option value="es" lang="es" selected>Español</option>`, ">Ajustes</a>")

	// A signed-in user's setting wins over ?lang= and sets no cookie.
	if r := c.get("/settings?lang=de"); !strings.Contains(r.body, `<html lang="es">`) || strings.Contains(r.header.Get("Set-Cookie"), httpx.LanguageCookie) {
		t.Error("?lang= changed a signed-in user's page or set a cookie")
	}
}

// TestAccountWithoutLanguageFollowsDefault: an account made before there
// was a language setting ("" in the store) reads the server's default,
// and its settings show that language chosen.
func TestAccountWithoutLanguageFollowsDefault(t *testing.T) {
	app, c := newAnnApp(t, func(c *Config) { c.Languages = i18n.MustLoad("fr") })
	if _, err := app.db.Writer().Exec("UPDATE users SET language = ''"); err != nil {
		t.Fatal(err)
	}
	settings := c.get("/settings")
	wantBody(t, settings, `<html lang="fr">`, `<option value="fr" lang="fr" selected>Français</option>`)
}

// TestGermanNotices: the one-time notices the handlers write in English
// reach a German user in German.
func TestGermanNotices(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	c.signupAs("ann@example.com", "de")
	c.get("/") // shows, and so spends, the welcome notice
	boss := strings.TrimPrefix(c.post("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}).header.Get("Location"), "/bosses/")
	saved := c.post("/entries", url.Values{"boss_id": {boss}, "occurred_on": {"2026-11-26"}, "kind": {"one_on_one"},
		"summary": {"Talked through the release"}, "practice": {"results"}})
	wantStatus(t, saved, http.StatusSeeOther)
	entry := c.get(saved.header.Get("Location"))
	wantBody(t, entry, `<p class="notice ok" role="status">Eintrag gespeichert. Ergänze die Zusagen, die daraus entstanden sind.</p>`)
}

// TestProxyAccountLanguage: an account a trusted proxy makes on first
// sight starts in the language its browser asks for.
func TestProxyAccountLanguage(t *testing.T) {
	app := newTestApp(t, proxyConfig("127.0.0.0/8"))
	r := app.client().getWith("/", "Remote-Email", "ann@example.com", "Accept-Language", "fr-FR,fr;q=0.9")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, `<html lang="fr">`)
	if got := app.user("ann@example.com").Language; got != "fr" {
		t.Errorf("language %q, want fr", got)
	}
}

// TestOIDCAccountLanguage: an account an OpenID provider vouches for
// starts in the language its visitor chose on the sign-in page, which the
// provider's button is labelled in too.
func TestOIDCAccountLanguage(t *testing.T) {
	app := newOIDCApp(t)
	c := app.client()
	wantBody(t, c.get("/login?lang=es"), `<html lang="es">`, "Iniciar sesión con Example OP")
	wantStatus(t, c.callback(providerLogin(t, c, "ann")), http.StatusSeeOther)
	if got := app.user("ann@example.com").Language; got != "es" {
		t.Errorf("language %q, want es", got)
	}
}

package server

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/leadup/leadup/internal/mailer"
)

// englishSentences are the English catalog's sentences: its messages of
// three words or more that end as a sentence does, without fields (which
// a page fills with dates and names), and whose text the language tag's
// catalog does not share. Any of them on a page for that language is
// English left over.
func englishSentences(t *testing.T, tag string) []string {
	t.Helper()
	read := func(tag string) map[string]string {
		name := "active." + tag + ".toml"
		buf, err := os.ReadFile(filepath.Join("..", "i18n", "locales", name))
		if err != nil {
			t.Fatal(err)
		}
		mf, err := goi18n.ParseMessageFileBytes(buf, name, map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal})
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{}
		for _, m := range mf.Messages {
			for _, s := range []string{m.One, m.Other} {
				if s != "" {
					texts[s] = m.ID
				}
			}
		}
		return texts
	}
	theirs := read(tag)
	var sentences []string
	for text := range read("en") {
		if _, shared := theirs[text]; shared || strings.Contains(text, "{{") || strings.Contains(text, "<") ||
			len(strings.Fields(text)) < 3 || !strings.ContainsAny(text[len(text)-1:], ".?!:") {
			continue
		}
		sentences = append(sentences, text)
	}
	if len(sentences) < 200 {
		t.Fatalf("only %d English sentences found in the catalog", len(sentences))
	}
	return sentences
}

// noEnglish fails for each English catalog sentence that body holds, as
// written or as HTML escapes it.
func noEnglish(t *testing.T, what, body string, english []string) {
	t.Helper()
	for _, s := range english {
		if strings.Contains(body, s) || strings.Contains(body, html.EscapeString(s)) {
			t.Errorf("the %s holds the English %q", what, s)
		}
	}
}

// englishWords are English a German or Spanish reader must not meet on
// this story's pages, mail and drafts: the English catalog's words for
// them, and English dates.
var englishWords = []string{"This week at a glance", "Practices this week", "Follow-up added.", "Week 2026-W", "Log an interaction",
	"Deliver results", "You owe Dana", "Dana owes you", "Your week in leading up", "Open the weekly review", "Weekly update:",
	"Hi,", "Here is where things stand", "Thanks,", "1:1 with Dana", "What I owe", "Self-review draft", "Nothing logged",
	"Nov 2026", "Dec 2026", "Thu 26", "Fri 27", "Tue 1", "Thu 3", "Friday", "December", ">Download<", ">Copy<"}

// speaks fails unless body holds each of words, and none of the English
// catalog's sentences or englishWords.
func speaks(t *testing.T, what, body string, english []string, words ...string) {
	t.Helper()
	for _, s := range words {
		if !strings.Contains(body, s) {
			t.Errorf("the %s lacks %q:\n%.4000s", what, s, body)
		}
	}
	noEnglish(t, what, body, slices.Concat(english, englishWords))
}

// TestDoneWhenGermanThenSpanish is issue 23's "Done when" as one story,
// through the routes a browser takes, on a server with mail on: a new
// user whose browser asks for de-DE signs up, logs an entry with a
// follow-up, reads the week and gets the weekly review mail, all in
// German with German dates; then switches to Spanish in the settings,
// and the pages, the next weekly mail and the Markdown drafts are
// Spanish.
func TestDoneWhenGermanThenSpanish(t *testing.T) {
	app := newTestApp(t)
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) // Thursday of 2026-W48
	app.useClock(func() time.Time { return now })
	box := &outbox{}
	run := app.withMail(box)
	german, spanish := englishSentences(t, "de"), englishSentences(t, "es")
	const accept = "de-DE,de;q=0.9"
	c := app.client()
	// The browser asks for German throughout: after the switch, the
	// setting wins over it.
	page := func(c *client, path string) string {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, app.ts.URL+path, nil)
		req.Header.Set("Accept-Language", accept)
		r := c.do(req)
		wantStatus(t, r, http.StatusOK)
		return r.body
	}
	markdown := func(path string) string {
		t.Helper()
		r := getMarkdown(t, c, path)
		return r.body
	}
	mail := func(at time.Time) mailer.Message {
		t.Helper()
		sent := len(box.msgs)
		if _, err := run.Pass(context.Background(), at); err != nil {
			t.Fatal(err)
		}
		if len(box.msgs) != sent+1 || box.msgs[sent].ListID == "" {
			t.Fatalf("%d mails at %s, want the weekly review", len(box.msgs)-sent, at)
		}
		return box.msgs[sent]
	}

	// Sign-up: the link comes by mail, in the browser's language.
	wantStatus(t, c.post("/signup", signupForm("ann@example.com"), "Accept-Language", accept), http.StatusSeeOther)
	app.srv.WaitMail()
	if len(box.msgs) != 1 {
		t.Fatalf("%d mails after sign-up, want the link", len(box.msgs))
	}
	link := box.msgs[0]
	speaks(t, "sign-up mail", link.Subject+"\n"+link.Text+"\n"+link.HTML, german,
		"Schließ die Einrichtung deines leadup-Kontos ab", "Er funktioniert einmal, 24 Stunden lang.")
	verify := signupLinkRE.FindString(link.Text)
	speaks(t, "sign-up page", page(c, verify), german, `<html lang="de">`)
	wantStatus(t, c.post(verify, finishForm("correct horse battery"), "Accept-Language", accept), http.StatusSeeOther)

	// An entry with a follow-up, through the forms.
	dana := c.createdID("/bosses", url.Values{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
	entry := c.createdID("/entries", blockForm(dana, "2026-11-26", "summary", "Über die Freigabe gesprochen",
		"notes", "Dana will *vorher* eine Zusammenfassung."), "/entries/")
	wantStatus(t, c.post("/entries/"+entry+"/followups", url.Values{"text": {"Zusammenfassung schicken"}, "owner": {"me"}, "due_on": {"2026-11-27"}}), http.StatusSeeOther)

	speaks(t, "German entry page", page(c, "/entries/"+entry), german, `<html lang="de">`, "Zusage hinzugefügt.",
		"Do., 26. Nov. 2026", "Ergebnisse liefern", "fällig Fr., 27. Nov. 2026", "Zusage ergänzen")
	speaks(t, "German home page", page(c, "/"), german, "<title>Start · leadup</title>", "Gespräch festhalten",
		"Diese Woche auf einen Blick", "Diese Woche noch nicht:", "Do., 26. Nov. 2026", "Als Nächstes fällige Zusagen")
	speaks(t, "German week page", page(c, "/weeks/2026-W48"), german, "<title>Woche 2026-W48 · leadup</title>",
		"23.–29. Nov. 2026", "1 Eintrag · ", "Praktiken diese Woche", "Diese Woche zu kurz gekommen", "Nächste Woche ausprobieren:", "Update für Dana")

	// The weekly review mail, on Friday at 17:00 in Berlin.
	wantStatus(t, c.post("/settings/notifications", url.Values{"weekly_review": {"on"}, "weekly_day": {"5"}, "weekly_time": {"17:00"}, "digest_time": {"08:00"}}), http.StatusSeeOther)
	now = time.Date(2026, 11, 27, 16, 0, 0, 0, time.UTC)
	m := mail(now)
	speaks(t, "German weekly mail", m.Subject+"\n"+m.Text+"\n"+m.HTML, german,
		"Deine Woche im Führen nach oben: 23.–29. Nov. 2026", "Hallo Bea Example,", "Diese Woche hast du 1 Eintrag festgehalten.",
		"Ergebnisse liefern: 1", "Diese Woche nichts zu „Lösungen mitbringen“.", "<p>Fällige und überfällige Zusagen:</p>",
		"Du schuldest Dana: Zusammenfassung schicken", "Wochenrückblick öffnen", "Diese Erinnerung abbestellen")

	// Spanish, chosen in the settings: every page from the next one on.
	now = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC) // Wednesday of 2026-W49
	wantStatus(t, c.post("/settings", url.Values{"action": {"profile"}, "display_name": {"Bea Example"},
		"timezone": {"Europe/Berlin"}, "language": {"es"}}, "Accept-Language", accept), http.StatusSeeOther)
	speaks(t, "Spanish settings page", page(c, "/settings"), spanish, `<html lang="es">`, "Perfil guardado.", "<h1>Ajustes</h1>")
	entry2 := c.createdID("/entries", blockForm(dana, "2026-12-01", "summary", "Hablamos del lanzamiento",
		"notes", "Dana quiere un resumen antes."), "/entries/")
	wantStatus(t, c.post("/entries/"+entry2+"/followups", url.Values{"text": {"Enviar el resumen"}, "owner": {"boss"}, "due_on": {"2026-12-03"}}), http.StatusSeeOther)
	speaks(t, "Spanish entry page", page(c, "/entries/"+entry2), spanish, `<html lang="es">`, "Compromiso añadido.",
		"mar, 1 dic 2026", "Dar resultados", "vence el jue, 3 dic 2026")
	speaks(t, "Spanish home page", page(c, "/"), spanish, "<title>Inicio · leadup</title>", "Anotar una conversación",
		"Tu semana de un vistazo", "Aún no esta semana:", "⚠ 1 compromiso vencido.", "vencido desde el vie, 27 nov 2026")
	speaks(t, "Spanish week page", page(c, "/weeks/2026-W49"), spanish, "<title>Semana 2026-W49 · leadup</title>",
		"30 nov – 6 dic 2026", "1 entrada · ", "Prácticas esta semana", "Descuidadas esta semana", "informe para Dana", ">Descargar<")
	speaks(t, "Spanish review page", page(c, "/review"), spanish, "<title>Repaso · leadup</title>", "Borrador en Markdown",
		"todos los responsables.", "jue, 26 nov 2026")

	// The next weekly mail, and the Markdown drafts.
	now = time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)
	m = mail(now)
	speaks(t, "Spanish weekly mail", m.Subject+"\n"+m.Text+"\n"+m.HTML, spanish,
		"Tu semana liderando hacia arriba: 30 nov – 6 dic 2026", "Hola, Bea Example:", "Esta semana anotaste 1 entrada.",
		"Dar resultados: 1", "Nada de «Llegar con soluciones» esta semana.", "<p>Compromisos que vencen o ya vencieron:</p>",
		"Le debes a Dana: Zusammenfassung schicken", "Dana te debe: Enviar el resumen", "Abrir el resumen semanal")
	speaks(t, "Spanish week update", markdown("/weeks/2026-W49.md"), spanish,
		"# Novedades de la semana: 2026-W49 (30 nov – 6 dic 2026)", "Hola:", "Así están las cosas esta semana.",
		"Hablamos del lanzamiento (mar, 1 dic", "Gracias,")
	speaks(t, "Spanish 1:1 prep", markdown("/bosses/"+dana+"/prep.md"), spanish,
		"# 1:1 con Dana: viernes, 4 de diciembre de 2026", "Zusammenfassung schicken", "Hablamos del lanzamiento (mar, 1 dic)")
	speaks(t, "Spanish review draft", markdown("/review.md"), spanish,
		"# Borrador de autoevaluación: del ", "Un primer borrador a partir de mi diario", "## Dar resultados")
}

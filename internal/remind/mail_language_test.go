package remind

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

var updateMail = flag.Bool("update-mail", false, "rewrite testdata/mail/*.golden from the mail sent now")

// unsubToken matches an unsubscribe link's user id and signature, which
// differ with each database.
var unsubToken = regexp.MustCompile(`/unsubscribe/[^.\s"<>]+\.([a-z_]+\.[0-9]+)\.[A-Za-z0-9_-]+`)

// mailOf is a received mail as a golden file holds it: the subject, the
// text part and the HTML part, with the unsubscribe link's signature and
// user id and line ends made the same on every run.
func mailOf(m received) string {
	norm := func(s string) string {
		return unsubToken.ReplaceAllString(strings.ReplaceAll(s, "\r\n", "\n"), "/unsubscribe/USER.$1.SIGNATURE")
	}
	return "Subject: " + m.Subject + "\n\n" + norm(m.Text) + "\n=== HTML\n" + norm(m.HTML)
}

// everyMail sends each mail leadup sends to a user of language lang
// ("" for the server's default): the reminder after a 1:1, the follow-up
// digest (of one follow-up, then of two), the weekly review, a test mail and the note that someone tried
// to sign up with the address; and the sign-up link mailed, in lang, to
// an address with no account yet. It returns them by name.
func everyMail(t *testing.T, lang string) map[string]received {
	t.Helper()
	f := newFixture(t, false, "https://example.com/leadup/")
	f.clock.Set(mustTime("2026-11-20T00:00:00Z"))
	ctx := context.Background()
	u, err := f.db.CreateUser(ctx, journal.Signup{Email: "robin@example.com", DisplayName: "Robin", TimeZone: "Europe/Berlin", Language: lang}, "x")
	if err != nil {
		t.Fatal(err)
	}
	b := f.boss(u, "Ana")
	f.schedule(u, b, monday10)
	f.settings(u, journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "16:00", FollowUpsDigest: true, DigestTime: "07:00"})
	f.passAt("2026-11-23T09:30:00Z") // the 1:1 ends
	f.clock.Set(mustTime("2026-11-23T10:00:00Z"))
	e, err := f.db.CreateEntry(ctx, u.ID, journal.EntryInput{BossID: b.ID, OccurredOn: "2026-11-23", Kind: "one_on_one", Summary: "Budget", Practices: []string{"results", "solutions"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []journal.FollowUpInput{
		{Text: "Send the budget", Owner: "me", DueOn: "2026-11-20"},
		{Text: "Approve the hire", Owner: "boss", DueOn: "2026-11-27"},
	} {
		if _, err := f.db.CreateFollowUp(ctx, u.ID, e.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	f.passAt("2026-11-24T06:00:00Z") // Tuesday 07:00 in Berlin: the digest
	f.passAt("2026-11-27T06:00:00Z") // Friday 07:00: a digest of two
	f.passAt("2026-11-27T15:00:00Z") // Friday 16:00 in Berlin: the weekly review
	f.clock.Set(mustTime("2026-11-27T15:30:00Z"))
	if err := f.run.SendTest(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := f.run.SendSignupTaken(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := f.run.SendSignupLink(ctx, "new@example.com", lang, "TOKEN"); err != nil {
		t.Fatal(err)
	}
	names := []string{"after_meeting", "digest", "digest_two", "weekly_review", "test", "signup_taken", "signup_link"}
	msgs := f.relay.messages()
	if len(msgs) != len(names) {
		t.Fatalf("relay got %d messages, want %d: %v", len(msgs), len(names), names)
	}
	out := map[string]received{}
	for i, name := range names {
		out[name] = msgs[i]
	}
	return out
}

// TestEnglishMailUnchanged keeps every English mail byte for byte as it
// was before mail was translated: subject, text part and HTML part.
func TestEnglishMailUnchanged(t *testing.T) {
	for name, m := range everyMail(t, "") {
		path := filepath.Join("testdata", "mail", name+".golden")
		got := mailOf(m)
		if *updateMail {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s mail changed:\n--- got\n%s\n--- want\n%s", name, got, want)
		}
	}
}

// TestMailInTheRecipientsLanguage sends every mail to a German and to a
// Spanish user (the sign-up link to a German and a Spanish browser) and
// reads each one's subject, text part and HTML part in that language,
// with no English sentence left.
func TestMailInTheRecipientsLanguage(t *testing.T) {
	type want struct{ subject, text, html string }
	for _, tc := range []struct {
		lang string
		want map[string]want
	}{
		{"de", map[string]want{
			"after_meeting": {"Dein 1:1 mit Ana: Halt es fest, solange es frisch ist", "Dein 1:1 mit Ana ist gerade zu Ende gegangen.", ">Eintrag schreiben</a>"},
			"digest":        {"1 Zusage fällig oder überfällig", "- Du schuldest Ana: Send the budget (überfällig seit Fr., 20. Nov. 2026)", ">Diese Erinnerung abbestellen</a>."},
			"digest_two":    {"2 Zusagen fällig oder überfällig", "- Ana schuldet dir: Approve the hire (fällig Fr., 27. Nov. 2026)", "<p>Fällige und überfällige Zusagen:</p>"},
			"weekly_review": {"Deine Woche im Führen nach oben: 23.–29. Nov. 2026", "Diese Woche hast du 1 Eintrag festgehalten.", "<li>Ergebnisse liefern: 1</li>"},
			"test":          {"Testmail von leadup", "Benachrichtigungen öffnen: https://example.com/leadup/settings/notifications", "<p>Hallo Robin,</p>"},
			"signup_taken":  {"Jemand wollte sich mit deiner Adresse bei leadup registrieren", "Anmelden: https://example.com/leadup/login", "Du hast schon ein Konto."},
			"signup_link":   {"Schließ die Einrichtung deines leadup-Kontos ab", "Er funktioniert einmal, 24 Stunden lang.", "<p>Hallo,</p>"},
		}},
		{"es", map[string]want{
			"after_meeting": {"Tu 1:1 con Ana: anótalo mientras lo tienes fresco", "Tu 1:1 con Ana acaba de terminar.", ">Escribir la entrada</a>"},
			"digest":        {"1 compromiso por vencer o vencido", "- Le debes a Ana: Send the budget (vencido desde el vie, 20 nov 2026)", ">Desactivar este recordatorio</a>."},
			"digest_two":    {"2 compromisos por vencer o vencidos", "- Ana te debe: Approve the hire (vence el vie, 27 nov 2026)", "<p>Compromisos que vencen o ya vencieron:</p>"},
			"weekly_review": {"Tu semana liderando hacia arriba: 23–29 nov 2026", "Esta semana anotaste 1 entrada.", "<li>Dar resultados: 1</li>"},
			"test":          {"Correo de prueba de leadup", "Abrir tus ajustes de avisos: https://example.com/leadup/settings/notifications", "<p>Hola, Robin:</p>"},
			"signup_taken":  {"Alguien intentó registrarse en leadup con tu dirección", "Iniciar sesión: https://example.com/leadup/login", "Ya tienes una cuenta"},
			"signup_link":   {"Termina de crear tu cuenta de leadup", "Funciona una sola vez, durante 24 horas.", "<p>Hola:</p>"},
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			english := everyMail(t, "")
			for name, m := range everyMail(t, tc.lang) {
				w := tc.want[name]
				if m.Subject != w.subject {
					t.Errorf("%s: subject %q, want %q", name, m.Subject, w.subject)
				}
				contains(t, name+" text part", m.Text, w.text)
				contains(t, name+" HTML part", m.HTML, w.html)
				// Not one line of the English mail's text is left, but for
				// what is not words: links, the signature's dashes, the
				// follow-ups' own text.
				for _, line := range strings.Split(english[name].Text, "\n") {
					line = strings.TrimSpace(line)
					if len(line) > 12 && !strings.HasPrefix(line, "https://") && strings.Contains(m.Text, line) {
						t.Errorf("%s: the %s text part still has the English line %q", name, tc.lang, line)
					}
				}
			}
		})
	}
}

package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/signer"
)

// notIn fails the test when body holds any of the English phrases.
func notIn(t *testing.T, what, body string, english ...string) {
	t.Helper()
	for _, e := range english {
		if strings.Contains(body, e) {
			t.Errorf("the %s holds the English %q", what, e)
		}
	}
}

// TestRemindersPageInGerman: a German user reads the reminders and
// calendar page, its notices (the test mail, a relay that refused, a
// reminder given up, a new feed) and its refusals in German, with what
// they typed kept; the 1:1 schedule on a boss's page and the unsubscribe
// page too.
func TestRemindersPageInGerman(t *testing.T) {
	app := newTestApp(t)
	now := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	app.useClock(func() time.Time { return now })
	c := app.client()
	c.signupAs("ann@example.com", "de-DE,de;q=0.9")
	id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")

	// The 1:1 schedule on the boss's page, refused and kept as typed.
	boss := c.get("/bosses/" + id)
	wantBody(t, boss, "<h2 id=\"schedule-heading\">1:1-Termin</h2>", "Wann du dich mit Ana triffst.", ">Termin speichern</button>", "<option value=\"2\">Alle zwei Wochen</option>", `<label for="weekday-1">Montag</label>`)
	r := c.post("/bosses/"+id+"/schedule", scheduleForm("duration_min", "4000", "time", "25:99"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Gib eine Dauer von 5 bis 480 Minuten ein.", "Gib die Anfangszeit wie 10:00 ein.", `value="4000"`, `value="25:99"`)
	wantStatus(t, c.post("/bosses/"+id+"/schedule", scheduleForm("every_weeks", "1")), http.StatusSeeOther)

	// A reminder the relay keeps refusing, until it is given up.
	run := app.withMail(&outbox{err: errors.New("451 mailbox busy")})
	end := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	for m := 0; m <= 120; m++ {
		now = end.Add(time.Duration(m) * time.Minute)
		if _, err := run.Pass(context.Background(), now); err != nil {
			t.Fatal(err)
		}
	}
	page := c.get("/settings/notifications")
	wantStatus(t, page, http.StatusOK)
	wantBody(t, page, `<html lang="de">`, "<title>Erinnerungen und Kalender · leadup</title>", "<h1>Erinnerungen und Kalender</h1>",
		"Erinnerungen gehen an ann@example.com.", "Einige Erinnerungen konnten nicht verschickt werden:",
		"Erinnerung nach dem 1:1 am Mo., 23. Nov. 2026: Der Mailserver konnte die Nachricht nicht annehmen. (4-mal versucht, aufgegeben)",
		"Wochenrückblick per Mail:", `<option value="1">Montag</option>`, ">Erinnerungen speichern</button>", ">Schick mir eine Testmail</button>",
		"Ana</a>: Erinnerung an", ">Kalender-Feed erstellen</button>", "Wenn du dein Passwort änderst, wird der Feed gelöscht.")
	notIn(t, "German reminders page", page.body, "Monday", "Reminders and calendar", "Save reminders", "Some reminders", "given up", "Calendar feed", "reminder on")

	// Bad times: refused in German, the form as typed.
	r = c.post("/settings/notifications", url.Values{"weekly_review": {"on"}, "weekly_day": {"9"}, "weekly_time": {"16:61"}, "digest_time": {"8 Uhr"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Bitte korrigiere die markierten Felder.", "Wähl einen Tag von Montag bis Sonntag.", "Gib eine Uhrzeit wie 16:00 ein.",
		"Gib eine Uhrzeit wie 08:00 ein.", `value="16:61"`, `value="8 Uhr"`)
	notIn(t, "refused reminders form", r.body, "Choose a day", "Enter a time")

	// The test mail: on its way, then refused by the relay, then too many.
	app.withMail(&outbox{})
	wantBody(t, c.post("/settings/notifications/test", nil), "Eine Testmail an ann@example.com ist unterwegs.")
	app.withMail(&outbox{err: errors.New("550 no such user")})
	r = c.post("/settings/notifications/test", nil)
	wantBody(t, r, "Die Testmail wurde nicht verschickt. Der Mailserver konnte die Nachricht nicht annehmen. Wer diesen Server betreibt, findet die Einzelheiten im Log unter Anfrage ")
	c.post("/settings/notifications/test", nil)
	r = c.post("/settings/notifications/test", nil)
	wantStatus(t, r, http.StatusTooManyRequests)
	wantBody(t, r, "Du hast in den letzten 10 Minuten 3 Testmails angefordert, mehr geht nicht.")

	// A new calendar feed: the notice and the address, once.
	r = c.post("/settings/calendar", url.Values{"password": {annPassword}})
	wantStatus(t, r, http.StatusSeeOther)
	r = c.get(r.header.Get("Location"))
	wantBody(t, r, "Kalender-Feed erstellt.", "Die Adresse deines Feeds, nur dieses eine Mal angezeigt:", `aria-label="Adresse des Kalender-Feeds"`)
	r = c.post("/settings/calendar", url.Values{"password": {"wrong password"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Nichts erstellt: Bestätige zuerst, dass du es bist.")

	// The unsubscribe page, in the language of the browser that opens it.
	u := app.user("ann@example.com")
	if err := app.db.SaveNotificationSettings(context.Background(), u.ID, journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "17:00", DigestTime: "08:00"}); err != nil {
		t.Fatal(err)
	}
	epoch, err := app.db.ReminderEpoch(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	token := remind.UnsubscribeToken(signer.New(app.db.Secret()), u.PublicID, journal.KindWeeklyReview, epoch)
	anon := app.client()
	req, _ := http.NewRequest(http.MethodGet, app.ts.URL+"/unsubscribe/"+token, nil)
	req.Header.Set("Accept-Language", "de")
	wantBody(t, anon.do(req), "<title>Erinnerung abbestellen · leadup</title>", "„Wochenrückblick per Mail“ abbestellen?", ">Abbestellen</button>")
	r = anon.post("/unsubscribe/"+token, url.Values{}, "Accept-Language", "de")
	wantBody(t, r, "Erledigt: „Wochenrückblick per Mail“ ist abgeschaltet.")
}

// TestRemindersPageEnglishUnchanged: an English user's page still says
// what it said, word for word, in the parts the golden files cannot hold
// (a reminder given up, the test mail's notices).
func TestRemindersPageEnglishUnchanged(t *testing.T) {
	app, c := newAnnApp(t)
	app.withMail(&outbox{err: errors.New("550 no such user")})
	r := c.post("/settings/notifications/test", nil)
	wantBody(t, r, "<title>Reminders and calendar · leadup</title>", "The test mail was not sent. The mail server could not take the message. Whoever runs this server finds the details in its log, under request ")
}

// TestValidationMessagesInGerman: journal's messages for an entry, a
// boss, a follow-up, a priority, a token and a search reach a German user
// in German, with the status and the form as typed; the limits built into
// a message with Sprintf keep their numbers.
func TestValidationMessagesInGerman(t *testing.T) {
	app := newTestApp(t)
	c := app.client()
	c.signupAs("ann@example.com", "de-DE,de;q=0.9")
	id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")

	r := c.post("/entries", entryForm("boss_id", id, "summary", "", "occurred_on", "2999-01-01", "notes", "Was ich schrieb", "practice", "nope"))
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Schreib eine Zusammenfassung in einer Zeile.", "Dieses Datum liegt in der Zukunft.", "Wähl Praktiken aus der Liste.", "Was ich schrieb", `value="2999-01-01"`)
	notIn(t, "refused entry", r.body, "Write a one-line summary.", "still in the future", "Choose practices")

	r = c.post("/bosses", url.Values{"name": {""}, "relation": {"cousin"}, "role": {"Vorständin"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Gib einen Namen ein.", "Wähl eine der aufgeführten Beziehungen.", `value="Vorständin"`)

	entry := c.createdID("/entries", entryForm("boss_id", id), "/entries/")
	r = c.post("/entries/"+entry+"/followups", url.Values{"text": {""}, "owner": {"someone"}, "due_on": {"morgen"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Schreib auf, was zugesagt wurde.", "Wähl aus, wer es schuldet.", "Gib das Datum als JJJJ-MM-TT ein oder lass das Feld leer.", `value="morgen"`)

	r = c.post("/bosses/"+id+"/priorities", url.Values{"text": {strings.Repeat("x", 301)}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Verwende höchstens 300 Zeichen.")

	r = c.post("/settings/tokens", url.Values{"name": {""}, "scope": {"all"}, "expires_on": {"2000-01-01"}, "password": {annPassword}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r, "Benenne das Token danach, wo es verwendet wird, etwa „Handy“.", "Wähl „Nur lesen“ oder „Lesen und schreiben“.", "Dieses Datum ist vorbei.")

	words := "eins zwei drei vier fünf sechs sieben acht neun zehn elf"
	r = c.get("/entries?q=" + url.QueryEscape(words))
	wantStatus(t, r, http.StatusBadRequest)
	wantBody(t, r, "Such nach höchstens 10 Wörtern auf einmal.", `value="`+words+`"`)
	r = c.get("/entries?q=" + strings.Repeat("a", 201))
	wantBody(t, r, "Such nach höchstens 200 Zeichen.")
	notIn(t, "refused search", r.body, "Search for at most")

	// The API's messages stay English.
	if got := journal.CheckSearch(words); got != "Search for at most 10 words at a time." {
		t.Errorf("journal's message is %q", got)
	}
}

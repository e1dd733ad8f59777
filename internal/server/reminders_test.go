package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/mailer"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/signer"
)

// outbox is a Sender that keeps messages, or fails with err.
type outbox struct {
	mu   sync.Mutex
	msgs []mailer.Message
	err  error
}

func (o *outbox) Send(_ context.Context, m mailer.Message) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return o.err
	}
	o.msgs = append(o.msgs, m)
	return nil
}

// withMail turns mail on for the app, sending into box.
func (a *testApp) withMail(box *outbox) *remind.Runner {
	a.t.Helper()
	r, err := remind.New(core.New(a.db), box, "https://example.com/leadup/", a.srv.Cfg.Languages, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		a.t.Fatal(err)
	}
	a.srv.Cfg.Reminders = r
	return r
}

func (a *testApp) user(email string) *journal.User {
	a.t.Helper()
	u, err := a.db.FindUserByEmail(context.Background(), email)
	if err != nil {
		a.t.Fatal(err)
	}
	return u
}

func scheduleForm(pairs ...string) url.Values {
	v := url.Values{"weekday": {"1"}, "time": {"10:00"}, "duration_min": {"30"}, "every_weeks": {"2"}, "starts_on": {"2026-11-23"}, "remind": {"on"}}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Set(pairs[i], pairs[i+1])
	}
	return v
}

// scheduledBoss adds c's boss Ana, met every two weeks on Monday and
// Wednesday, and returns her id.
func (c *client) scheduledBoss() string {
	c.app.t.Helper()
	id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")
	form := scheduleForm()
	form.Add("weekday", "3")
	if r := c.post("/bosses/"+id+"/schedule", form); r.status != http.StatusSeeOther {
		c.app.t.Fatalf("schedule: status %d, want 303\n%.1500s", r.status, r.body)
	}
	return id
}

func TestScheduleForm(t *testing.T) {
	app, c := newAnnApp(t)
	id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")

	r := c.get("/bosses/" + id)
	wantBody(t, r, "1:1 schedule", `action="/bosses/`+id+`/schedule"`, "Mail is off on this server")

	bad := c.post("/bosses/"+id+"/schedule", scheduleForm("time", "25:99", "every_weeks", "3", "starts_on", "2026-11-23"))
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantBody(t, bad, "Enter the start time like 10:00.", "Choose every week or every two weeks.", `value="25:99"`, `value="2026-11-23"`)
	if n := app.count("schedules"); n != 0 {
		t.Fatalf("an invalid schedule wrote %d rows", n)
	}

	form := scheduleForm()
	form.Add("weekday", "4")
	wantStatus(t, c.post("/bosses/"+id+"/schedule", form), http.StatusSeeOther)
	r = c.get("/bosses/" + id)
	wantBody(t, r, "1:1 schedule saved.", `id="weekday-1" name="weekday" value="1" checked`, `id="weekday-4" name="weekday" value="4" checked`, `value="2026-11-23"`)
	s, err := app.db.FindSchedule(context.Background(), app.user("ann@example.com").ID, mustInt(t, id))
	if err != nil || s.EveryWeeks != 2 || len(s.Weekdays) != 2 || !s.Remind {
		t.Fatalf("saved schedule %+v, %v", s, err)
	}

	other := app.signedUp("eve@example.com")
	wantStatus(t, other.post("/bosses/"+id+"/schedule", scheduleForm()), http.StatusNotFound)
}

func TestNotificationSettings(t *testing.T) {
	app, c := newAnnApp(t)

	r := c.get("/settings/notifications")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Mail is off on this server", "Calendar feed")
	if strings.Contains(r.body, `name="weekly_review"`) {
		t.Error("with mail off the page offers the weekly review mail")
	}

	app.withMail(&outbox{})
	r = c.get("/settings/notifications")
	wantBody(t, r, `name="weekly_review"`, `name="digest_time"`, "Send me a test mail")

	bad := c.post("/settings/notifications", url.Values{"weekly_review": {"on"}, "weekly_day": {"9"}, "weekly_time": {"5pm"}, "digest_time": {"08:00"}})
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantBody(t, bad, "Choose a day from Monday to Sunday.", "Enter a time like 16:00.", `value="5pm"`)

	ok := c.post("/settings/notifications", url.Values{"weekly_review": {"on"}, "weekly_day": {"5"}, "weekly_time": {"17:00"}, "followups_digest": {"on"}, "digest_time": {"07:30"}})
	wantStatus(t, ok, http.StatusSeeOther)
	n, err := app.db.FindNotificationSettings(context.Background(), app.user("ann@example.com").ID)
	if err != nil || !n.WeeklyReview || n.WeeklyDay != 5 || n.WeeklyTime != "17:00" || !n.FollowUpsDigest || n.DigestTime != "07:30" {
		t.Errorf("saved %+v, %v", n, err)
	}
}

func TestTestMail(t *testing.T) {
	app, c := newAnnApp(t)
	box := &outbox{}
	app.withMail(box)
	r := c.post("/settings/notifications/test", nil)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "A test mail is on its way to ann@example.com.")
	if len(box.msgs) != 1 || box.msgs[0].To != "ann@example.com" || !strings.Contains(box.msgs[0].Text, "https://example.com/leadup/settings/notifications") {
		t.Fatalf("outbox %+v", box.msgs)
	}
	box.err = errors.New("send mail via smtp.example.net:587: 535 authentication failed")
	r = c.post("/settings/notifications/test", nil)
	wantBody(t, r, "The test mail was not sent. The mail server could not take the message.")
	if strings.Contains(r.body, "smtp.example.net") || strings.Contains(r.body, "535 authentication") {
		t.Errorf("the page shows the relay's host or words:\n%s", r.body)
	}
}

// TestFailedReminderShowsOnSettings runs passes against a failing relay
// until the reminder is given up, then reads the settings page.
func TestFailedReminderShowsOnSettings(t *testing.T) {
	app := newTestApp(t)
	now := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	app.useClock(func() time.Time { return now })
	c := app.signedUp("ann@example.com")
	id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")
	wantStatus(t, c.post("/bosses/"+id+"/schedule", scheduleForm("every_weeks", "1")), http.StatusSeeOther)
	box := &outbox{err: errors.New("451 mailbox busy")}
	run := app.withMail(box)
	// 10:30 Berlin on Monday 23 November, then every minute for two hours.
	end := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	for m := 0; m <= 120; m++ {
		now = end.Add(time.Duration(m) * time.Minute)
		if _, err := run.Pass(context.Background(), now); err != nil {
			t.Fatal(err)
		}
	}
	r := c.get("/settings/notifications")
	wantBody(t, r, "Some reminders could not be sent", "Reminder after the 1:1 on Mon 23 Nov 2026", "The mail server could not take the message.", "tried 4 times, given up")
	if strings.Contains(r.body, "mailbox busy") {
		t.Error("the page shows the relay's own words")
	}
}

func TestUnsubscribe(t *testing.T) {
	app, c := newAnnApp(t)
	u := app.user("ann@example.com")
	if err := app.db.SaveNotificationSettings(context.Background(), u.ID, journal.NotificationSettings{WeeklyReview: true, WeeklyDay: 5, WeeklyTime: "17:00", DigestTime: "08:00"}); err != nil {
		t.Fatal(err)
	}
	epoch, err := app.db.ReminderEpoch(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	token := remind.UnsubscribeToken(signer.New(app.db.Secret()), u.PublicID, journal.KindWeeklyReview, epoch)

	// A mail client's one-click POST: no cookie, from another origin.
	anon := app.client()
	r := anon.get("/unsubscribe/" + token)
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Stop the weekly review mail?", `action="/unsubscribe/`+token+`"`)
	if n, _ := app.db.FindNotificationSettings(context.Background(), u.ID); !n.WeeklyReview {
		t.Fatal("GET turned the reminder off")
	}
	r = anon.post("/unsubscribe/"+token, url.Values{"List-Unsubscribe": {"One-Click"}}, "Origin", "https://mail.example.net", "Sec-Fetch-Site", "cross-site")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Done: the weekly review mail is off.")
	if r.header.Get("Location") != "" || r.header.Get("Set-Cookie") != "" {
		t.Errorf("one-click answer has Location %q, Set-Cookie %q", r.header.Get("Location"), r.header.Get("Set-Cookie"))
	}
	if n, _ := app.db.FindNotificationSettings(context.Background(), u.ID); n.WeeklyReview {
		t.Error("the weekly review is still on")
	}

	forged := remind.UnsubscribeToken(signer.New(make([]byte, 32)), u.PublicID, journal.KindWeeklyReview, epoch)
	wantStatus(t, anon.post("/unsubscribe/"+forged, nil), http.StatusNotFound)
	wantStatus(t, anon.get("/unsubscribe/"+u.PublicID+".weekly_review.x"), http.StatusNotFound)
	// Other POSTs are still refused cross-site.
	wantStatus(t, c.post("/settings/notifications", url.Values{}, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"), http.StatusForbidden)
}

var feedURL = regexp.MustCompile(`value="(http://[^"]+/cal/[^"]+\.ics)"`)

// feedPath creates (or remakes) the feed and returns its path.
func (c *client) feedPath() string {
	c.app.t.Helper()
	r := c.post("/settings/calendar", url.Values{"password": {annPassword}})
	wantStatus(c.app.t.(*testing.T), r, http.StatusSeeOther)
	r = c.get(r.header.Get("Location"))
	m := feedURL.FindStringSubmatch(r.body)
	if m == nil {
		c.app.t.Fatalf("no feed URL on the page:\n%.2000s", r.body)
	}
	return strings.TrimPrefix(m[1], c.app.ts.URL)
}

// TestFeedCreationRedirects: making a feed answers 303 to a URL without
// the address; the page it leads to shows the address, a webcal:// link, a
// Copy button and what happened, once. Reloading that page makes no new
// address: the first one still works.
func TestFeedCreationRedirects(t *testing.T) {
	app, c := newAnnApp(t)
	r := c.post("/settings/calendar", url.Values{"password": {annPassword}})
	wantStatus(t, r, http.StatusSeeOther)
	loc := r.header.Get("Location")
	if loc != "/settings/notifications" {
		t.Fatalf("Location %q, want /settings/notifications (no address in a URL)", loc)
	}
	page := c.get(loc)
	wantStatus(t, page, http.StatusOK)
	m := feedURL.FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("no feed address on the page after the redirect\n%.3000s", page.body)
	}
	webcal := "webcal://" + strings.TrimPrefix(m[1], "http://")
	wantBody(t, page, "Calendar feed made.", `href="`+webcal+`"`, `data-copy="feed-url"`)
	reload := c.get(loc)
	if strings.Contains(reload.body, m[1]) || strings.Contains(reload.body, "Calendar feed made.") {
		t.Error("a reload shows the address and the notice again")
	}
	wantBody(t, reload, "You have a feed.")
	if n := app.count("calendar_feeds"); n != 1 {
		t.Errorf("%d feeds, want 1", n)
	}
	wantStatus(t, app.client().get(strings.TrimPrefix(m[1], app.ts.URL)), http.StatusOK)
}

func TestCalendarFeed(t *testing.T) {
	app, c := newAnnApp(t)
	id := c.scheduledBoss()
	entry := c.createdID("/entries", entryForm("boss_id", id), "/entries/")
	c.createdID("/entries/"+entry+"/followups", url.Values{"text": {"Send the budget"}, "owner": {"me"}, "due_on": {"2026-12-02"}}, "/entries/")
	c.post("/entries/"+entry+"/followups", url.Values{"text": {"Ana reviews the plan"}, "owner": {"boss"}, "due_on": {"2026-12-04"}})
	c.post("/entries/"+entry+"/followups", url.Values{"text": {"No date"}, "owner": {"me"}})

	path := c.feedPath()
	anon := app.client()
	r := anon.get(path)
	wantStatus(t, r, http.StatusOK)
	if ct, cc := r.header.Get("Content-Type"), r.header.Get("Cache-Control"); !strings.HasPrefix(ct, "text/calendar") || cc != "no-store" {
		t.Errorf("Content-Type %q, Cache-Control %q", ct, cc)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(r.body))
	if err != nil {
		t.Fatalf("parse feed: %v\n%s", err, r.body)
	}
	events := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		events[e.GetProperty(ics.ComponentPropertySummary).Value] = e
	}
	if len(events) != 3 {
		t.Fatalf("feed has %d events, want 3 (the schedule and two dated follow-ups): %v", len(events), r.body)
	}
	sched := events["1:1 with Ana"]
	if sched == nil {
		t.Fatalf("no 1:1 event in\n%s", r.body)
	}
	start := sched.GetProperty(ics.ComponentPropertyDtStart)
	if start.Value != "20261123T100000" || start.ICalParameters["TZID"][0] != "Europe/Berlin" {
		t.Errorf("DTSTART %q %v", start.Value, start.ICalParameters)
	}
	if rr := sched.GetProperty(ics.ComponentPropertyRrule).Value; rr != "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=MO" {
		t.Errorf("RRULE %q", rr)
	}
	mine := events["You owe Ana: Send the budget"]
	if mine == nil || events["Ana owes you: Ana reviews the plan"] == nil {
		t.Fatalf("follow-up events missing: %v", r.body)
	}
	if d := mine.GetProperty(ics.ComponentPropertyDtStart); d.Value != "20261202" {
		t.Errorf("follow-up DTSTART %q", d.Value)
	}
	if !strings.Contains(r.body, "BEGIN:VALARM") || len(mine.Alarms()) != 1 {
		t.Errorf("follow-up without an alarm:\n%s", r.body)
	}
	tzs := cal.Timezones()
	if len(tzs) != 1 || tzs[0].GetProperty(ics.ComponentPropertyTzid).Value != "Europe/Berlin" {
		t.Fatalf("VTIMEZONE: %v", tzs)
	}
	for _, want := range []string{"TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("VTIMEZONE lacks %s:\n%s", want, r.body)
		}
	}

	// Another user's feed never shows Ana.
	eve := app.signedUp("eve@example.com")
	evePath := eve.feedPath()
	if body := anon.get(evePath).body; strings.Contains(body, "Ana") || strings.Contains(body, "budget") {
		t.Errorf("another user's feed shows this user's data:\n%s", body)
	}

	// A new address retires the old one.
	newPath := c.feedPath()
	wantStatus(t, anon.get(path), http.StatusNotFound)
	wantStatus(t, anon.get(newPath), http.StatusOK)
	wantStatus(t, c.post("/settings/calendar/delete", nil), http.StatusSeeOther)
	wantStatus(t, anon.get(newPath), http.StatusNotFound)
	wantStatus(t, anon.get(evePath), http.StatusOK)
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("%q is not a number", s)
		}
		n = n*10 + int64(r-'0')
	}
	return n
}

func mustSettings(t *testing.T) journal.NotificationSettings {
	t.Helper()
	n, err := journal.NotificationInput{WeeklyReview: true, WeeklyDay: "5", WeeklyTime: "17:00", DigestTime: "08:00"}.Validate()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

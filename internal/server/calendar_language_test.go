package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/leadup/leadup/internal/calendar/icaltest"
)

// TestCalendarFeedInOwnersLanguage: a German user's feed, fetched without
// a session by a client that asks for English, titles the 1:1 and the
// follow-ups in German; an outside reader (golang-ical, and icaltest's
// expansion of the recurrence through the feed's own VTIMEZONE) still
// reads it, long titles with umlauts folded and unfolded intact.
func TestCalendarFeedInOwnersLanguage(t *testing.T) {
	app := newTestApp(t)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	app.setNow(now)
	c := app.client()
	c.signupAs("ann@example.com", "de-DE,de;q=0.9")
	id := c.scheduledBoss()
	entry := c.createdID("/entries", entryForm("boss_id", id, "occurred_on", "2026-11-30"), "/entries/")
	long := "Überarbeitete Gehaltsübersicht für das Führungsteam schicken, mit allen Änderungen gegenüber März"
	c.createdID("/entries/"+entry+"/followups", url.Values{"text": {long}, "owner": {"me"}, "due_on": {"2026-12-02"}}, "/entries/")
	c.post("/entries/"+entry+"/followups", url.Values{"text": {"Plan prüfen"}, "owner": {"boss"}, "due_on": {"2026-12-04"}})

	anon := app.client()
	req, _ := http.NewRequest(http.MethodGet, app.ts.URL+c.feedPath(), nil)
	req.Header.Set("Accept-Language", "en-US,en;q=0.9")
	r := anon.do(req)
	wantStatus(t, r, http.StatusOK)
	cal, err := ics.ParseCalendar(strings.NewReader(r.body))
	if err != nil {
		t.Fatalf("parse feed: %v\n%s", err, r.body)
	}
	events := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		events[e.GetProperty(ics.ComponentPropertySummary).Value] = e
	}
	sched := events["1:1 mit Ana"]
	if sched == nil || events["Du schuldest Ana: "+long] == nil || events["Ana schuldet dir: Plan prüfen"] == nil {
		t.Fatalf("events titled %v, want the German titles:\n%s", keys(events), r.body)
	}
	if got := events["Du schuldest Ana: "+long].Alarms()[0].GetProperty(ics.ComponentPropertyDescription).Value; got != "Du schuldest Ana: "+long {
		t.Errorf("the alarm says %q", got)
	}
	tzs := cal.Timezones()
	if len(tzs) != 1 {
		t.Fatalf("%d VTIMEZONEs, want 1", len(tzs))
	}
	z, err := icaltest.ReadZone(tzs[0], now.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	meetings, err := icaltest.Occurrences(sched, z, now.AddDate(1, 0, 0))
	if err != nil || len(meetings) < 50 {
		t.Fatalf("%d meetings of the German 1:1 in a year (%v), want 52", len(meetings), err)
	}
	for _, line := range strings.Split(r.body, "\r\n") {
		if len(line) > 75 {
			t.Errorf("a content line of %d octets, over RFC 5545's 75: %q", len(line), line)
		}
	}
	for _, english := range []string{"1:1 with", "You owe", "owes you"} {
		if strings.Contains(r.body, english) {
			t.Errorf("the German feed holds %q", english)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

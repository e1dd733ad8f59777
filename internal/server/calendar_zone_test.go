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

// TestCalendarFeedZonesHoldForTenYears reads the feed as a client that
// trusts the feed's own VTIMEZONE (RFC 5545 lets it): golang-ical parses
// it, rrule-go expands the weekly 1:1 and the zone's yearly rules, and
// every meeting of ten years must fall at the instant Go's zone database
// gives 10:00 on that day. Sydney's summer spans the new year, Kolkata has
// no daylight time, and Casablanca follows no yearly rule at all.
func TestCalendarFeedZonesHoldForTenYears(t *testing.T) {
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Africa/Casablanca"} {
		t.Run(strings.ReplaceAll(zone, "/", "_"), func(t *testing.T) {
			app, c := newAnnApp(t)
			now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
			app.setNow(now)
			wantStatus(t, c.post("/settings", url.Values{"action": {"profile"}, "display_name": {"Ann"}, "timezone": {zone}}), http.StatusSeeOther)
			id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")
			form := scheduleForm("every_weeks", "1", "starts_on", "2026-11-30", "time", "10:00")
			wantStatus(t, c.post("/bosses/"+id+"/schedule", form), http.StatusSeeOther)

			r := app.client().get(c.feedPath())
			wantStatus(t, r, http.StatusOK)
			cal, err := ics.ParseCalendar(strings.NewReader(r.body))
			if err != nil {
				t.Fatalf("parse feed: %v", err)
			}
			until := now.AddDate(10, 0, 0)
			tzs := cal.Timezones()
			if len(tzs) != 1 {
				t.Fatalf("%d VTIMEZONEs, want 1:\n%s", len(tzs), r.body)
			}
			z, err := icaltest.ReadZone(tzs[0], until)
			if err != nil {
				t.Fatalf("%v\n%s", err, r.body)
			}
			var meetings []time.Time
			for _, e := range cal.Events() {
				if e.GetProperty(ics.ComponentPropertySummary).Value == "1:1 with Ana" {
					if meetings, err = icaltest.Occurrences(e, z, until); err != nil {
						t.Fatalf("%v\n%s", err, r.body)
					}
				}
			}
			if len(meetings) < 520 {
				t.Fatalf("%d meetings in ten years, want 52 a year:\n%s", len(meetings), r.body)
			}
			loc, _ := time.LoadLocation(zone)
			wrong := 0
			for _, m := range meetings {
				// The day the feed's reader puts the meeting on, at 10:00 by Go.
				off, _ := z.OffsetAt(m)
				day := m.Add(time.Duration(off) * time.Second).UTC()
				want := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, loc)
				if !m.Equal(want) || want.Weekday() != time.Monday {
					if wrong++; wrong <= 3 {
						t.Errorf("the 1:1 of %s falls at %s by the feed, %s by Go", want.Format("2006-01-02"), m.UTC().Format(time.RFC3339), want.UTC().Format(time.RFC3339))
					}
				}
			}
			if wrong > 0 {
				t.Errorf("%d of %d meetings are off:\n%s", wrong, len(meetings), r.body)
			}
		})
	}
}

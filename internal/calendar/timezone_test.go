package calendar

import (
	"archive/zip"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/leadup/leadup/internal/calendar/icaltest"
)

// zoneNames lists every zone in Go's own zone database.
func zoneNames(t *testing.T) []string {
	t.Helper()
	zr, err := zip.OpenReader(filepath.Join(runtime.GOROOT(), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatalf("Go's zone list: %v", err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, "/") {
			names = append(names, f.Name)
		}
	}
	return names
}

// readBack serialises tz in a calendar and reads it back with golang-ical
// and icaltest, as a client reads the feed.
func readBack(t *testing.T, tz *ics.VTimezone, until time.Time) (*icaltest.Zone, string) {
	t.Helper()
	cal := ics.NewCalendar()
	cal.AddVTimezone(tz)
	text := cal.Serialize(ics.WithNewLineWindows)
	parsed, err := ics.ParseCalendar(strings.NewReader(text))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, text)
	}
	z, err := icaltest.ReadZone(parsed.Timezones()[0], until)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	return z, text
}

// TestTimezoneMatchesGoForThirtyYears: for every zone Go knows, the offset
// a reader takes from the VTIMEZONE alone equals Go's at every change and
// either side of it, and every week, for 30 years.
func TestTimezoneMatchesGoForThirtyYears(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	horizon := now.AddDate(horizonYears, 0, 0)
	ruled := 0
	for _, name := range zoneNames(t) {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		z, text := readBack(t, Timezone(loc, now, horizon), horizon)
		if strings.Contains(text, "RRULE:") {
			ruled++
		}
		check := func(at time.Time) bool {
			_, want := at.In(loc).Zone()
			if got, ok := z.OffsetAt(at); !ok || got != want {
				t.Errorf("%s at %s: the VTIMEZONE gives %d (%v), Go %d\n%s", name, at.Format(time.RFC3339), got, ok, want, text)
				return false
			}
			return true
		}
		// The VTIMEZONE begins with the change that began the offset in
		// force at now; before it, it says nothing.
		for i, tr := range transitions(loc, now, horizon) {
			if (i > 0 && !check(tr.at.Add(-time.Second))) || !check(tr.at) {
				break
			}
		}
		for d := now; d.Before(horizon); d = d.Add(7 * 24 * time.Hour) {
			if !check(d) {
				break
			}
		}
	}
	t.Logf("%d zones written with yearly rules", ruled)
}

// TestTimezoneRules: the four zones of the issue and one without a yearly
// rule, as the RFC's reader expects them.
func TestTimezoneRules(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	horizon := now.AddDate(horizonYears, 0, 0)
	tests := []struct {
		zone string
		want []string
		not  []string
	}{
		{"Europe/Berlin", []string{"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "DTSTART:20270328T020000", "DTSTART:20261025T030000"}, []string{"RDATE"}},
		{"America/New_York", []string{"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "DTSTART:20270314T020000", "DTSTART:20261101T020000"}, []string{"RDATE"}},
		{"Australia/Sydney", []string{"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU", "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "DTSTART:20270404T030000", "DTSTART:20261004T020000"}, []string{"RDATE"}},
		{"Asia/Kolkata", []string{"BEGIN:STANDARD", "TZOFFSETTO:+0530"}, []string{"DAYLIGHT", "RRULE", "RDATE"}},
		{"Africa/Casablanca", []string{"RDATE:2055"}, []string{"RRULE"}},
	}
	for _, tt := range tests {
		loc, err := time.LoadLocation(tt.zone)
		if err != nil {
			t.Fatal(err)
		}
		_, text := readBack(t, Timezone(loc, now, horizon), horizon)
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %s:\n%s", tt.zone, w, text)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(text, n) {
				t.Errorf("%s has %s:\n%s", tt.zone, n, text)
			}
		}
	}
}

func BenchmarkTimezone(b *testing.B) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	for _, name := range []string{"Europe/Berlin", "Africa/Casablanca"} {
		loc, _ := time.LoadLocation(name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Timezone(loc, now, now.AddDate(horizonYears, 0, 0))
			}
		})
	}
}

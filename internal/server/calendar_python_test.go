package server

import (
	"bytes"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/testenv"
)

const pythonICalInstall = "apt-get install python3-icalendar python3-recurring-ical-events"

// TestCalendarFeedReadByPython hands the feed to Debian's python3-icalendar
// and python3-recurring-ical-events, readers nobody here wrote: the weekly
// 1:1 expands to the instants Go gives 10:00 each Monday for ten years,
// and the feed's VTIMEZONE, turned into a tzinfo by icalendar from its own
// rules, agrees with the zone database on every one of those Mondays up to
// 2038 (as far as icalendar expands a rule).
func TestCalendarFeedReadByPython(t *testing.T) {
	python := debianPython(t)
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"} {
		t.Run(strings.ReplaceAll(zone, "/", "_"), func(t *testing.T) {
			app, c := newAnnApp(t)
			now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
			app.setNow(now)
			wantStatus(t, c.post("/settings", url.Values{"action": {"profile"}, "display_name": {"Ann"}, "timezone": {zone}}), http.StatusSeeOther)
			id := c.createdID("/bosses", url.Values{"name": {"Ana"}, "relation": {"manager"}}, "/bosses/")
			wantStatus(t, c.post("/bosses/"+id+"/schedule", scheduleForm("every_weeks", "1", "starts_on", "2026-11-30", "time", "10:00")), http.StatusSeeOther)
			feed := app.client().get(c.feedPath())
			wantStatus(t, feed, http.StatusOK)

			cmd := exec.Command(python, "testdata/ical_read.py", zone, "2026-11-30", "2036-11-30")
			cmd.Stdin = strings.NewReader(feed.body)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("python: %v\n%s", err, stderr.String())
			}
			loc, _ := time.LoadLocation(zone)
			var meetings int
			for line := range strings.Lines(string(out)) {
				f := strings.Fields(line)
				switch f[0] {
				case "occurrence":
					got, err := time.Parse(time.RFC3339, f[1])
					if err != nil {
						t.Fatal(err)
					}
					l := got.In(loc)
					if l.Hour() != 10 || l.Minute() != 0 || l.Weekday() != time.Monday {
						t.Errorf("Python puts a 1:1 at %s, which Go reads as %s", f[1], l.Format(time.RFC1123Z))
					}
					meetings++
				case "checked":
					if f[1] == "0" {
						t.Errorf("Python checked no Mondays against the VTIMEZONE")
					}
				default:
					t.Errorf("Python: %s", strings.TrimSpace(line))
				}
			}
			if meetings != 522 {
				t.Errorf("Python expands %d meetings in ten years, want 522", meetings)
			}
		})
	}
}

// debianPython returns a python3 that imports Debian's icalendar and
// recurring_ical_events: Debian's own first (another python3 earlier on
// PATH, such as pyenv's, does not see Debian's packages), or ends the test
// through testenv.Missing.
func debianPython(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(p)
		if err == nil && exec.Command(path, "-c", "import icalendar, recurring_ical_events").Run() == nil {
			return path
		}
	}
	testenv.Missing(t, "python3 with icalendar and recurring_ical_events", pythonICalInstall)
	return ""
}

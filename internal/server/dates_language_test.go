package server

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestDatesInTheUsersLanguage: a German user reads the week's heading,
// the days and an entry's date in German, the review's period and months
// too, and the Markdown drafts and export write German dates; an English
// user reads the same pages with the dates leadup has always written.
func TestDatesInTheUsersLanguage(t *testing.T) {
	app := newTestApp(t)
	app.setNow(time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)) // a Thursday in 2026-W49

	type page struct{ path, want string }
	for _, tc := range []struct {
		lang, accept string
		pages        []page
		notWant      []string
	}{
		{"de", "de-DE,de;q=0.9", []page{
			{"/weeks/2026-W49", `<span class="muted">30. Nov. – 6. Dez. 2026</span>`},
			{"/weeks/2026-W49", `<time datetime="2026-12-01">Di., 1. Dez. 2026</time>`},
			{"/weeks/2026-W48", `<span class="muted">23.–29. Nov. 2026</span>`},
			{"/weeks/2026-W48", `<time datetime="2026-11-27">Fr., 27. Nov. 2026</time>`},
			{"entry", `<time datetime="2026-11-27">Fr., 27. Nov. 2026</time>`},
			{"/review?from=2026-11-01&to=2026-12-31", `1. Nov. – 31. Dez. 2026`},
			{"/review?from=2026-11-01&to=2026-12-31", `<th scope="row">November 2026</th>`},
			{"/weeks/2026-W48.md", "# Wochen-Update: 2026-W48 (23.–29. Nov. 2026)"},
			{"/export.md", "(30. Nov. – 6. Dez. 2026)\n\n### Di., 1. Dez. 2026: "},
			{"/review.md?from=2026-11-01&to=2026-12-31", "Sonntag, 1. November 2026 bis Donnerstag, 31. Dezember 2026"},
		}, []string{"Nov 2026", "Dec 2026", "Fri 27", "Tue 1"}},
		{"en", "en-US,en;q=0.9", []page{
			{"/weeks/2026-W49", `<span class="muted">30 Nov – 6 Dec 2026</span>`},
			{"/weeks/2026-W49", `<time datetime="2026-12-01">Tue 1 Dec 2026</time>`},
			{"/weeks/2026-W48", `<span class="muted">23–29 Nov 2026</span>`},
			{"/weeks/2026-W48", `<time datetime="2026-11-27">Fri 27 Nov 2026</time>`},
			{"entry", `<time datetime="2026-11-27">Fri 27 Nov 2026</time>`},
			{"/review?from=2026-11-01&to=2026-12-31", `1 Nov – 31 Dec 2026`},
			{"/review?from=2026-11-01&to=2026-12-31", `<th scope="row">November 2026</th>`},
			{"/weeks/2026-W48.md", "# Weekly update: 2026-W48 (23–29 Nov 2026)"},
			{"/export.md", "(30 Nov – 6 Dec 2026)\n\n### Tue 1 Dec 2026: "},
			{"/review.md?from=2026-11-01&to=2026-12-31", "Sunday 1 November 2026 to Thursday 31 December 2026"},
		}, []string{"Nov.", "Dez.", "Fr.,"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			c := app.client()
			c.signupAs(tc.lang+"@example.com", tc.accept)
			boss := c.createdID("/bosses", map[string][]string{"name": {"Dana"}, "relation": {"manager"}}, "/bosses/")
			entry := c.createdID("/entries", entryForm("boss_id", boss, "occurred_on", "2026-11-27"), "/entries/")
			c.createdID("/entries", entryForm("boss_id", boss, "occurred_on", "2026-12-01"), "/entries/")
			for _, p := range tc.pages {
				path := p.path
				if path == "entry" {
					path = "/entries/" + entry
				}
				r := c.get(path)
				wantStatus(t, r, http.StatusOK)
				if !strings.HasSuffix(path, ".md") && !strings.Contains(path, ".md?") {
					wantBody(t, r, `<html lang="`+tc.lang+`">`)
				}
				wantBody(t, r, p.want)
				for _, other := range tc.notWant {
					if strings.Contains(r.body, other) {
						t.Errorf("%s in %s holds %q", path, tc.lang, other)
					}
				}
			}
		})
	}
}

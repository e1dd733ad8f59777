package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

// TestCalendarFeedLinesEndInCRLF: RFC 5545 §3.1 ends every content line in
// CRLF and folds lines longer than 75 octets with CRLF and one space. A
// follow-up long enough to fold, in a script of many bytes a character,
// must come back whole from an outside parser.
func TestCalendarFeedLinesEndInCRLF(t *testing.T) {
	app, c := newAnnApp(t)
	id := c.scheduledBoss()
	entry := c.createdID("/entries", entryForm("boss_id", id), "/entries/")
	long := "Prepare the Überblick für Ana — 予算の見直しと次の四半期の計画を共有する, with the numbers, the risks and the asks"
	c.post("/entries/"+entry+"/followups", url.Values{"text": {long}, "owner": {"me"}, "due_on": {"2026-12-02"}})

	r := app.client().get(c.feedPath())
	wantStatus(t, r, http.StatusOK)
	if !strings.HasSuffix(r.body, "\r\n") {
		t.Errorf("the feed does not end in CRLF: %q", r.body[max(0, len(r.body)-20):])
	}
	lines := strings.Split(strings.TrimSuffix(r.body, "\r\n"), "\r\n")
	folded := 0
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, longer than 75: %q", i+1, len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Errorf("no line was folded, so the test proves nothing:\n%s", r.body)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(r.body))
	if err != nil {
		t.Fatalf("parse feed: %v", err)
	}
	var summaries []string
	for _, e := range cal.Events() {
		summaries = append(summaries, e.GetProperty(ics.ComponentPropertySummary).Value)
	}
	if !slices.Contains(summaries, "You owe Ana: "+long) {
		t.Errorf("summaries %q, want one %q", summaries, "You owe Ana: "+long)
	}
}

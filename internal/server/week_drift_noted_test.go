package server

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// negativeWeeks is a count of weeks below zero, as a page would write it.
var negativeWeeks = regexp.MustCompile(`-\d+ weeks?`)

// TestWeekBeforeAPriorityWasNoted: a week's drift is judged as of that
// week, so a priority noted after it did not exist yet and is not listed;
// one noted before it counts its weeks from when it was noted. Before the
// fix, /weeks/2026-W30 said "no entry in the -17 weeks since it was
// noted".
func TestWeekBeforeAPriorityWasNoted(t *testing.T) {
	f := evidenceFixture(t) // Hire a QA lead noted 1 Oct; Ship the Q4 plan noted 27 Nov
	r := f.ann.get("/weeks/2026-W30")
	wantStatus(t, r, http.StatusOK)
	if m := negativeWeeks.FindString(r.body); m != "" {
		t.Errorf("week 30 counts negative weeks: %q", m)
	}
	for _, absent := range []string{"Hire a QA lead", "Ship the Q4 plan", "since it was noted", "Priority drift"} {
		if strings.Contains(r.body, absent) {
			t.Errorf("week 30, before both priorities were noted, shows %q", absent)
		}
	}
	r = f.ann.get("/weeks/2026-W45")
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Hire a QA lead", "no entry in the 5 weeks since it was noted")
	if strings.Contains(r.body, "Ship the Q4 plan") {
		t.Error("week 45 lists Ship the Q4 plan, noted three weeks after it")
	}
	if m := negativeWeeks.FindString(r.body); m != "" {
		t.Errorf("week 45 counts negative weeks: %q", m)
	}
}

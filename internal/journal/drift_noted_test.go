package journal

import "testing"

// TestPriorityDriftLeavesOutWhatWasNotedLater: judged as of a day before
// a priority was noted, the priority did not exist yet: it is left out,
// and no count of weeks goes below zero.
func TestPriorityDriftLeavesOutWhatWasNotedLater(t *testing.T) {
	acts := []PriorityActivity{
		{PriorityID: 1, NotedOn: "2026-10-01"},
		{PriorityID: 2, NotedOn: "2026-11-23"},
		{PriorityID: 3, NotedOn: "2026-07-26"}, // noted on the day judged
	}
	got := PriorityDrift(acts, "2026-07-26")
	if len(got) != 1 || got[0].PriorityID != 3 || got[0].WeeksSince != 0 || got[0].Flag {
		t.Fatalf("judged on 26 Jul: %+v, want only priority 3, 0 weeks, not flagged", got)
	}
	for _, d := range PriorityDrift(acts, "2026-11-08") {
		if d.WeeksSince < 0 || d.PriorityID == 2 {
			t.Errorf("judged on 8 Nov: %+v", d)
		}
	}
}

package report

import (
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

func TestWeeklyUpdateDecisionsINeed(t *testing.T) {
	w, _ := journal.ParseWeek("2026-W48")
	p := &journal.Problem{Problem: "Builds *take* an hour", Options: []string{"Cache [deps]", "Split the suite"},
		Recommendation: "Cache first_then split", BlockEntry: journal.BlockEntry{OccurredOn: "2026-11-23"}, Decision: "open"}
	md := WeeklyUpdate(english, Update{Summary: &journal.WeekSummary{Week: w}, Author: "Ann", Decisions: []*journal.Problem{p}, Today: "2026-11-27"})
	want := "## Decisions I need\n\n- **Builds \\*take\\* an hour** (raised Mon 23 Nov)\n  - Option 1: Cache \\[deps\\]\n  - Option 2: Split the suite\n  - I recommend: Cache first\\_then split\n"
	if !strings.Contains(md, want) {
		t.Errorf("update lacks\n%s\ngot\n%s", want, md)
	}
	if strings.Contains(md, "Nothing to report") {
		t.Error("an update with a decision to ask for says there is nothing to report")
	}
}

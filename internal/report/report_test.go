package report

import (
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/golden"
	"github.com/leadup/leadup/internal/journal"
)

const today = "2026-11-27" // a Friday, in week 2026-W48

func done(on string) *time.Time {
	t, _ := time.Parse(journal.DateLayout, on)
	return &t
}

func weekFixture(t *testing.T) *journal.WeekSummary {
	t.Helper()
	w, err := journal.ParseWeek("2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	return &journal.WeekSummary{Week: w}
}

func TestWeeklyUpdate(t *testing.T) {
	entries := []*journal.Entry{
		{OccurredOn: "2026-11-23", Summary: "Shipped the   billing\nmigration", Practices: []string{"results", "responsibility"}, BossName: "Dana Reyes",
			PriorityText: "Cut churn\nby Q1"},
		{OccurredOn: "2026-11-24", Summary: "Proposed two fixes for the on-call load", Practices: []string{"solutions"}, BossName: "Dana Reyes"},
		{OccurredOn: "2026-11-25", Summary: "Let Sam lead the design review", Practices: []string{"team", "risk"}, BossName: "Lee Park"},
	}
	kept := []*journal.FollowUp{
		{Text: "Send the plan", Owner: "me", DueOn: "2026-11-24", DoneAt: done("2026-11-24"), DoneOn: "2026-11-24", State: journal.PromiseOnTime},
		{Text: "Book the offsite", Owner: "me", DueOn: "2026-11-20", DoneAt: done("2026-11-25"), DoneOn: "2026-11-25", State: journal.PromiseLate},
	}
	open := []*journal.FollowUp{
		{Text: "Review the budget", Owner: "me", DueOn: "2026-11-26", OverdueAfter: "2026-11-26"},
		{Text: "Intro to finance", Owner: "boss", DueOn: "2026-12-02", OverdueAfter: "2026-12-02"},
		{Text: "Feedback on the draft", Owner: "boss"},
	}
	tests := []struct {
		name, golden string
		u            Update
	}{
		{"to one boss", "weekly-dana.md", Update{Summary: weekFixture(t), BossName: "Dana Reyes", Author: "Ann Lee",
			Entries: entries[:2], Kept: kept, Open: open, Today: today}},
		{"to no boss in particular", "weekly-all.md", Update{Summary: weekFixture(t), Author: "Ann Lee",
			Entries: entries, Kept: kept, Open: open, Today: today}},
		{"an empty week", "weekly-empty.md", Update{Summary: weekFixture(t), BossName: "Dana Reyes", Author: "Ann Lee", Today: today}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { golden.Check(t, tt.golden, WeeklyUpdate(english, tt.u)) })
	}
}

func TestPrepAgenda(t *testing.T) {
	boss := &journal.Boss{ID: 1, Name: "Dana Reyes"}
	p := &core.Prep{
		Boss: boss,
		FollowUps: []*journal.FollowUp{
			{Text: "Review the budget", Owner: "me", DueOn: "2026-11-20", OverdueAfter: "2026-11-20"},
			{Text: "Share the hiring plan", Owner: "me"},
			{Text: "Intro to finance", Owner: "boss", DueOn: "2026-12-02", OverdueAfter: "2026-12-02"},
		},
		Priorities: []*journal.Priority{
			{ID: 7, Text: "Cut churn by Q1"},
			{ID: 8, Text: "Hire two engineers"},
		},
		LastTouched: map[int64]string{7: "2026-11-23"},
		Problems:    []*journal.Entry{{OccurredOn: "2026-11-24", Summary: "On-call load is too high"}},
		Risks:       []*journal.Entry{{OccurredOn: "2026-11-25", Summary: "Let Sam lead the review"}},
		Neglected:   []string{"team", "not-a-practice"},
		Recent:      []*journal.Entry{{OccurredOn: "2026-11-23", Summary: "Weekly 1:1"}},
		Today:       today,
	}
	golden.Check(t, "prep-dana.md", PrepAgenda(english, p))
	golden.Check(t, "prep-empty.md", PrepAgenda(english, &core.Prep{Boss: boss, Today: today}))
}

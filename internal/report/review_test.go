package report

import (
	"testing"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/golden"
	"github.com/leadup/leadup/internal/journal"
)

// reviewFixture is a small half-year with evidence in two practices, a
// served priority, promises both ways, a decided problem, a reviewed bet
// and two forecasts.
func reviewFixture() *journal.Review {
	shipped := &journal.Entry{ID: 7, OccurredOn: "2026-10-05", Summary: "Shipped *billing* v2", BossName: "Dana Reyes"}
	pitched := &journal.Entry{ID: 9, OccurredOn: "2026-11-12", Summary: "Pitched the [QA] fix", BossName: "Dana Reyes"}
	return &journal.Review{
		Filter: journal.ReviewFilter{From: "2026-06-01", To: "2026-11-30"},
		Today:  "2026-11-27",
		Practices: []journal.ReviewPractice{
			{Key: "results", Label: "Deliver results", Count: 4, Entries: []journal.Evidence{{Entry: shipped, Kept: 2, Priority: true}}},
			{Key: "solutions", Label: "Be the solution seeker", Count: 1, Entries: []journal.Evidence{{Entry: pitched, Decided: true}}},
			{Key: "risk", Label: "Take calculated risks", Count: 1, Entries: []journal.Evidence{{Entry: pitched, BetReviewed: true}}},
		},
		Months: []journal.MonthCount{
			{Month: "2026-06", Practices: map[string]int{}}, {Month: "2026-07", Practices: map[string]int{}},
			{Month: "2026-08", Practices: map[string]int{}}, {Month: "2026-09", Practices: map[string]int{}},
			{Month: "2026-10", Practices: map[string]int{"results": 3}, Total: 3},
			{Month: "2026-11", Practices: map[string]int{"results": 1, "solutions": 1, "risk": 1}, Total: 3},
		},
		Priorities: []journal.PriorityServed{{Text: "Cut churn", Status: "active", BossName: "Dana Reyes", Entries: 3}},
		Promises: journal.Ledger{
			Me:   journal.PromiseCounts{Due: 3, OnTime: 2, Late: 1, Open: 1},
			Boss: journal.PromiseCounts{Due: 1, Overdue: 1, Withdrawn: 1},
		},
		Problems:   journal.ProblemStats{Raised: 2, Open: 1, Taken: 1},
		Bets:       journal.BetStats{Placed: 1, Reviewed: 1, AsExpected: 1},
		HasEntries: true,
		Forecasts:  &journal.NoSurprises{Forecasts: 2, WarningDays: 26.5, RaiseDays: 1},
	}
}

func TestReviewDraft(t *testing.T) {
	golden.Check(t, "review.md", ReviewDraft(english, reviewFixture(), "https://leadup.example.com/me", "Ann Lee"))
	golden.Check(t, "review-relative.md", ReviewDraft(english, reviewFixture(), "", "Ann Lee"))
	empty := &journal.Review{Filter: journal.ReviewFilter{From: "2026-06-01", To: "2026-11-30"}, Today: "2026-11-27"}
	golden.Check(t, "review-empty.md", ReviewDraft(english, empty, "", "Ann Lee"))
}

func TestPrepAgendaWithEvidence(t *testing.T) {
	boss := &journal.Boss{ID: 1, Name: "Dana Reyes"}
	p := &core.Prep{
		Boss:  boss,
		Today: today,
		Evidence: &journal.BossEvidence{
			Manual: journal.Manual{Prefers: "writing", Channel: "Slack, mornings", Cares: "Churn *below* 2%", Frustrations: "Surprises", Notes: "Send numbers first."},
			Drift: []journal.Drift{
				{PriorityActivity: journal.PriorityActivity{Text: "Cut churn", NotedOn: "2026-09-01", LastTouched: "2026-10-20"}, WeeksSince: 5, Flag: true},
			},
			Ledger:     journal.Ledger{Me: journal.PromiseCounts{Due: 2, OnTime: 1, Late: 1}},
			LedgerFrom: "2026-10-01", LedgerTo: "2026-11-27",
		},
		OpenProblems: []*journal.Problem{{Problem: "QA is slow", Options: []string{"Automate", "Hire"}, Recommendation: "Automate", BlockEntry: journal.BlockEntry{OccurredOn: "2026-11-20"}}},
		DueBets:      []*journal.Bet{{Bet: "Pilot pays back", BlockEntry: journal.BlockEntry{OccurredOn: "2026-11-01"}, ReviewOn: "2026-11-20"}},
		DueForecasts: []*journal.Forecast{{Forecast: "Vendor slips", ExpectedBy: "2026-11-25", Likelihood: "high", Prepared: "A second quote", BlockEntry: journal.BlockEntry{OccurredOn: "2026-11-10"}}},
	}
	golden.Check(t, "prep-evidence.md", PrepAgenda(english, p))
}

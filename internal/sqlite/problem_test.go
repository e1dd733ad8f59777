package sqlite

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// problemBetQueries are the week page's and the prep page's problem and
// bet queries, for the plan test in journal_test.go.
func problemBetQueries() [][]any {
	return [][]any{
		{qProblemsRaised, 1, "2026-11-23", "2026-11-29"},
		{qProblemsOpen, 1, "2026-11-29"},
		{qProblemsDecided, 1, "2026-11-23", "2026-11-29"},
		{qSolutionsRate, 1, "2025-11-30", "2026-11-29"},
		{qBetsPlaced, 1, "2026-11-23", "2026-11-29"},
		{qBetsDue, 1, "2026-11-27"},
		{qBetOutcomes, 1, "2026-11-23", "2026-11-29"},
		planQuery(dueBetsQuery(1, 0, "2026-11-27", 50)),
		planQuery(dueBetsQuery(1, 1, "2026-11-27", 50)),
		planQuery(openProblemsQuery(1, 1, 50)),
		planQuery(openProblemsQuery(1, 0, 50)),
	}
}

// TestProblemBetQueriesSearchByUser checks that each new query searches an
// index by user id first, not just any index.
func TestProblemBetQueriesSearchByUser(t *testing.T) {
	f := newFixture(t)
	checkSearchByUser(t, f.db, "_user_", problemBetQueries())
	// "Open" and "due" are counted as of now over all time: they must read
	// the partial indexes that hold only open problems and unreviewed bets,
	// not walk the whole history by date.
	for q, idx := range map[string]string{qProblemsOpen: "problems_user_open_idx", qBetsDue: "bets_user_due_idx"} {
		if plan := explain(t, f.db, q, 1, "2026-11-29"); !strings.Contains(strings.Join(plan, " "), idx) {
			t.Errorf("plan of %s is %v, want %s", q, plan, idx)
		}
	}
}

func problemEntry(f *fixture, date string) journal.EntryInput {
	in := entryIn(f.annBoss.ID, date, "results")
	in.Problem = &journal.ProblemInput{Problem: "Releases stall on manual QA", Options: []string{"Automate smoke tests", "Hire a tester"}, Recommendation: "Automate the smoke tests first"}
	return in
}

func TestProblemLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e := f.entry(t, problemEntry(f, "2026-11-20"))
	p := e.Problem
	if p == nil || p.Problem != "Releases stall on manual QA" || !reflect.DeepEqual(p.Options, []string{"Automate smoke tests", "Hire a tester"}) ||
		p.Decision != "open" || p.DecidedOn != "" || p.BossName != "Dana" {
		t.Fatalf("problem after create: %+v", p)
	}

	// Another user cannot decide it.
	err := f.db.CloseBlock(ctx, f.bob.ID, e.ID, journal.ProblemBlock, &journal.DecisionInput{Decision: "taken", DecidedOn: "2026-11-21"})
	if journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob's decision: %v, want not found", err)
	}
	if err := f.db.CloseBlock(ctx, f.ann.ID, e.ID, journal.ProblemBlock, &journal.DecisionInput{Decision: "taken", DecidedOn: "2026-11-21", Note: "Pilot in Q1"}); err != nil {
		t.Fatal(err)
	}

	// Editing the text keeps the decision; moving the entry moves the problem.
	in := problemEntry(f, "2026-11-19")
	in.Problem.Options = []string{"Automate smoke tests"}
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Fatal(err)
	}
	e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID)
	if p := e.Problem; p.Decision != "taken" || p.DecidedOn != "2026-11-21" || p.DecisionNote != "Pilot in Q1" || len(p.Options) != 1 || p.OccurredOn != "2026-11-19" {
		t.Errorf("problem after edit: %+v", p)
	}
	// Nor can it move after its decision.
	late := problemEntry(f, "2026-11-22")
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, late); journal.FieldErrors(err)["occurred_on"] == "" {
		t.Errorf("moving the entry after its decision: %v", err)
	}
	// The search index holds the options and the decision note.
	for _, q := range []string{"smoke", "pilot", "recommend"} {
		list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: q})
		if err != nil || (len(list) != 1) != (q == "recommend") {
			t.Errorf("search %q: %d entries, %v", q, len(list), err)
		}
	}
	// An input without the block leaves it; an empty block removes it.
	in.Problem = nil
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Fatal(err)
	}
	if e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID); e.Problem == nil {
		t.Fatal("a nil block removed the problem")
	}
	in.Problem = &journal.ProblemInput{}
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Fatal(err)
	}
	if e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID); e.Problem != nil {
		t.Errorf("an empty block kept the problem: %+v", e.Problem)
	}
	if list, _, _ := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: "smoke"}); len(list) != 0 {
		t.Errorf("search still finds the removed problem")
	}
}

package sqlite

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/migrations"
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
		{"SELECT " + betColumns + " FROM bets t" + betJoins + " WHERE t.user_id = ? AND t.outcome IS NULL AND t.review_on <= ? ORDER BY t.review_on, t.entry_id LIMIT ?", 1, "2026-11-27", 50},
		{"SELECT " + betColumns + " FROM bets t" + betJoins + " WHERE t.user_id = ? AND t.outcome IS NULL AND t.review_on <= ? AND t.boss_id = ? ORDER BY t.review_on, t.entry_id LIMIT ?", 1, "2026-11-27", 1, 50},
		{"SELECT " + problemColumns + " FROM problems p" + problemJoins + " WHERE p.user_id = ? AND p.decision = 'open' AND p.boss_id = ? ORDER BY p.occurred_on, p.entry_id LIMIT ?", 1, 1, 50},
		{"SELECT " + problemColumns + " FROM problems p" + problemJoins + " WHERE p.user_id = ? AND p.decision = 'open' ORDER BY p.occurred_on, p.entry_id LIMIT ?", 1, 50},
	}
}

// TestProblemBetQueriesSearchByUser checks that each new query searches an
// index by user id first, not just any index.
func TestProblemBetQueriesSearchByUser(t *testing.T) {
	f := newFixture(t)
	for _, q := range problemBetQueries() {
		plan := explain(t, f.db, q[0].(string), q[1:]...)
		byUser := false
		for _, line := range plan {
			byUser = byUser || (strings.HasPrefix(line, "SEARCH") && strings.Contains(line, "_user_") && strings.Contains(line, "(user_id=?"))
		}
		if !byUser {
			t.Errorf("plan of\n%s\nhas no SEARCH on an index led by user_id: %v", q[0], plan)
		}
	}
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
	e, err := f.db.CreateEntry(ctx, f.ann.ID, problemEntry(f, "2026-11-20"))
	if err != nil {
		t.Fatal(err)
	}
	p := e.Problem
	if p == nil || p.Problem != "Releases stall on manual QA" || !reflect.DeepEqual(p.Options, []string{"Automate smoke tests", "Hire a tester"}) ||
		p.Decision != "open" || p.DecidedOn != "" || p.BossName != "Dana" {
		t.Fatalf("problem after create: %+v", p)
	}

	// Another user cannot decide it.
	err = f.db.RecordDecision(ctx, f.bob.ID, e.ID, journal.DecisionInput{Decision: "taken", DecidedOn: "2026-11-21"})
	if journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob's decision: %v, want not found", err)
	}
	if err := f.db.RecordDecision(ctx, f.ann.ID, e.ID, journal.DecisionInput{Decision: "taken", DecidedOn: "2026-11-21", Note: "Pilot in Q1"}); err != nil {
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

func TestDeletingAnEntryDeletesItsProblemAndBet(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := problemEntry(f, "2026-11-20")
	in.Bet = &journal.BetInput{Bet: "Automation pays back in a month", ReviewOn: "2026-12-20"}
	e, err := f.db.CreateEntry(ctx, f.ann.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	count := func(table string) int {
		var n int
		f.db.Reader().QueryRow("SELECT count(*) FROM "+table+" WHERE entry_id = ?", e.ID).Scan(&n)
		return n
	}
	if count("problems") != 1 || count("bets") != 1 {
		t.Fatalf("before delete: problems %d bets %d", count("problems"), count("bets"))
	}
	if err := f.db.DeleteEntry(ctx, f.ann.ID, e.ID); err != nil {
		t.Fatal(err)
	}
	if count("problems") != 0 || count("bets") != 0 {
		t.Errorf("after delete: problems %d bets %d, want 0 and 0", count("problems"), count("bets"))
	}
}

// TestProblemsMigrationGoesDownAndUp undoes 00010 on a journal with a
// problem, checks that search still finds the entry by its summary but no
// longer by its problem, and applies it again.
func TestProblemsMigrationGoesDownAndUp(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := f.db.CreateEntry(ctx, f.ann.ID, problemEntry(f, "2026-11-20")); err != nil {
		t.Fatal(err)
	}
	p, err := newProvider(f.db.Writer(), migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	// Down to 00009, so that 00010 is undone even with later migrations on top.
	if _, err := p.DownTo(ctx, 9); err != nil {
		t.Fatalf("down: %v", err)
	}
	match := func(q string) int {
		var n int
		if err := f.db.Writer().QueryRow("SELECT count(*) FROM entry_search WHERE entry_search MATCH ?", q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := match("talked"); n != 1 {
		t.Errorf("after down, the index finds %d entries by summary, want 1", n)
	}
	if n := match("smoke"); n != 0 {
		t.Errorf("after down, the index finds %d entries by a problem's option, want 0", n)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	// Down dropped the problem itself; one made now is searched again.
	if _, err := f.db.CreateEntry(ctx, f.ann.ID, problemEntry(f, "2026-11-21")); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"talked": 2, "smoke": 1} {
		if list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: q}); err != nil || len(list) != want {
			t.Errorf("after up again, %q: %d entries, %v; want %d", q, len(list), err, want)
		}
	}
}

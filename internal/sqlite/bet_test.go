package sqlite

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

func TestBetLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(f.annBoss.ID, "2026-11-10", "results")
	in.Bet = &journal.BetInput{Bet: "Skipping the design review saves a week", Downside: "Rework", Mitigation: "Review the risky part only", ReviewOn: "2026-11-24"}
	e := f.entry(t, in)
	if b := e.Bet; b == nil || b.Bet != in.Bet.Bet || b.Downside != "Rework" || b.ReviewOn != "2026-11-24" || b.Outcome != "" {
		t.Fatalf("bet after create: %+v", b)
	}
	due := func(date string) int {
		list, err := f.db.FindDueBets(ctx, f.ann.ID, 0, date, 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	if due("2026-11-23") != 0 || due("2026-11-24") != 1 {
		t.Errorf("due the day before %d, on the day %d; want 0 and 1", due("2026-11-23"), due("2026-11-24"))
	}
	if list, _ := f.db.FindDueBets(ctx, f.bob.ID, 0, "2026-12-31", 10); len(list) != 0 {
		t.Errorf("bob sees %d of ann's bets", len(list))
	}
	if err := f.db.CloseBlock(ctx, f.bob.ID, e.ID, journal.BetBlock, &journal.OutcomeInput{Outcome: "worse", ReviewedOn: "2026-11-25"}); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob's outcome: %v, want not found", err)
	}
	out := journal.OutcomeInput{Outcome: "worse", Lesson: "Reviews catch the expensive mistakes", ReviewedOn: "2026-11-25"}
	if err := f.db.CloseBlock(ctx, f.ann.ID, e.ID, journal.BetBlock, &out); err != nil {
		t.Fatal(err)
	}
	if due("2026-12-31") != 0 {
		t.Error("a reviewed bet is still due")
	}
	list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: "expensive"})
	if err != nil || len(list) != 1 {
		t.Errorf("search for the lesson: %d entries, %v", len(list), err)
	}
	e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID)
	if e.Bet.Outcome != "worse" || e.Bet.Lesson != out.Lesson || e.Bet.ReviewedOn != "2026-11-25" {
		t.Errorf("bet after review: %+v", e.Bet)
	}
	// The entry cannot move to on or after what was recorded about its bet.
	moved := entryIn(f.annBoss.ID, "2026-11-26", "results")
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, moved); journal.FieldErrors(err)["occurred_on"] == "" {
		t.Errorf("moving the entry after its review: %v", err)
	}
	if e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID); e.OccurredOn != "2026-11-10" {
		t.Errorf("a refused move still changed the date to %s", e.OccurredOn)
	}
	// An entry without a bet has nothing to review.
	plain, _ := f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, "2026-11-10", "results"))
	if err := f.db.CloseBlock(ctx, f.ann.ID, plain.ID, journal.BetBlock, &out); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("outcome on an entry without a bet: %v", err)
	}
}

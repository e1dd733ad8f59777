package sqlite

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestWithdrawnFollowUpLeavesSearch: withdrawing a follow-up takes its
// text out of the entry's document, and putting it back re-indexes it.
func TestWithdrawnFollowUpLeavesSearch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e := f.entry(t, entryIn(f.annBoss.ID, "2026-11-20", "results"))
	fu, err := f.db.CreateFollowUp(ctx, f.ann.ID, e.ID, journal.FollowUpInput{Text: "Send spreadsheet", Owner: "me"})
	if err != nil {
		t.Fatal(err)
	}
	find := func() int { return len(search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "spreadsheet"})) }
	if n := find(); n != 1 {
		t.Fatalf("before withdrawing, found %d entries, want 1", n)
	}
	if err := f.db.WithdrawFollowUp(ctx, f.ann.ID, fu.ID, f.db.Now()); err != nil {
		t.Fatal(err)
	}
	if n := find(); n != 0 {
		t.Errorf("after withdrawing, found %d entries, want 0", n)
	}
	if n := len(search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "talked"})); n != 1 {
		t.Errorf("after withdrawing, the entry itself is found %d times, want 1", n)
	}
	if _, err := f.db.Writer().ExecContext(ctx, "UPDATE followups SET withdrawn_at = NULL WHERE id = ?", fu.ID); err != nil {
		t.Fatal(err)
	}
	if n := find(); n != 1 {
		t.Errorf("after restoring, found %d entries, want 1", n)
	}
}

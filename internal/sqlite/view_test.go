package sqlite

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// Inside View every read sees one snapshot: an entry written meanwhile is
// not half-seen by the page being gathered, and is there afterwards.
func TestViewReadsOneSnapshot(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	count := func(db *DB) int {
		list, _, err := db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	before := count(f.db)
	err := f.db.View(ctx, func(v *DB) error {
		if n := count(v); n != before {
			t.Errorf("first read in the view: %d entries, want %d", n, before)
		}
		if _, err := f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, "2026-11-02", "team")); err != nil {
			return err
		}
		if n := count(v); n != before {
			t.Errorf("the view saw a write made after it began: %d entries, want %d", n, before)
		}
		if _, err := v.WeekSummary(ctx, f.ann.ID, journal.WeekOfDate("2026-11-02"), "2026-11-27"); err != nil {
			t.Errorf("a read that opens its own transaction, inside the view: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(f.db); n != before+1 {
		t.Errorf("after the view: %d entries, want %d", n, before+1)
	}
}

package sqlite

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

func TestArchivedBossAndInactivePriority(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(f.annBoss.ID, "2026-11-20", "results")
	in.PriorityID = f.annActive.ID
	e, _ := f.db.CreateEntry(ctx, f.ann.ID, in)
	if err := f.db.SetBossArchived(ctx, f.ann.ID, f.annBoss.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SetPriorityStatus(ctx, f.ann.ID, f.annActive.ID, "done"); err != nil {
		t.Fatal(err)
	}
	// The existing entry keeps its archived boss and done priority when edited.
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Errorf("editing an entry of an archived boss: %v", err)
	}
	// A new entry can use neither.
	_, err := f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, "2026-11-21", "results"))
	if journal.FieldErrors(err)["boss"] == "" {
		t.Errorf("new entry for an archived boss: %v", err)
	}
	f.db.SetBossArchived(ctx, f.ann.ID, f.annBoss.ID, false)
	_, err = f.db.CreateEntry(ctx, f.ann.ID, in)
	if journal.FieldErrors(err)["priority"] == "" {
		t.Errorf("new entry linking a done priority: %v", err)
	}
	active, _ := f.db.FindBosses(ctx, f.ann.ID, false)
	if len(active) != 1 {
		t.Errorf("active bosses %d, want 1", len(active))
	}
}

package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestPrioritiesAndMix(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p2, _ := f.db.CreatePriority(ctx, f.ann.ID, f.annBoss.ID, "Hire two engineers", "2026-11-10")
	before := p2.StatusChangedAt
	f.db.Now = func() time.Time { return before.Add(time.Hour) }
	done, err := f.db.SetPriorityStatus(ctx, f.ann.ID, p2.ID, "dropped")
	if err != nil || done.Status != "dropped" || !done.StatusChangedAt.After(before) {
		t.Errorf("dropped: %+v %v", done, err)
	}
	active, _ := f.db.FindPriorities(ctx, f.ann.ID, f.annBoss.ID, "active")
	all, _ := f.db.FindPriorities(ctx, f.ann.ID, f.annBoss.ID, "")
	if len(active) != 1 || len(all) != 2 || all[0].Status != "active" {
		t.Errorf("active %d, all %d", len(active), len(all))
	}
	for i := range 3 {
		f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, fmt.Sprintf("2026-11-0%d", i+1), "results", "team"))
	}
	f.db.CreateEntry(ctx, f.bob.ID, entryIn(f.bobBoss.ID, "2026-11-01", "results"))
	mix, _ := f.db.BossPracticeMix(ctx, f.ann.ID, f.annBoss.ID)
	if mix["results"] != 3 || mix["team"] != 3 || mix["risk"] != 0 {
		t.Errorf("mix %v", mix)
	}
}

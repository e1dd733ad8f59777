package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestExportBatchesSortNothing checks, with no statistics, that every
// export batch reads the (user, date, id) index from where the last batch
// ended and sorts nothing.
func TestExportBatchesSortNothing(t *testing.T) {
	f := newFixture(t)
	if _, err := f.db.Writer().Exec("DROP TABLE IF EXISTS sqlite_stat1"); err != nil {
		t.Fatal(err)
	}
	for q, args := range map[string][]any{
		exportFirstBatch: {f.ann.ID, exportBatch},
		exportNextBatch:  {f.ann.ID, "2026-01-01", 5, exportBatch},
	} {
		plan := strings.Join(explain(t, f.db, q, args...), " | ")
		if strings.Contains(plan, "TEMP B-TREE") || !strings.Contains(plan, "entries_user_date_idx (user_id=?") {
			t.Errorf("export batch does not page by the index:\n%s\n%s", q, plan)
		}
	}
}

type entryOrder struct{ keys []string }

func (o *entryOrder) Boss(*journal.Boss) error         { return nil }
func (o *entryOrder) Priority(*journal.Priority) error { return nil }
func (o *entryOrder) Entry(e *journal.Entry) error {
	o.keys = append(o.keys, fmt.Sprintf("%s/%09d", e.OccurredOn, e.ID))
	return nil
}

// TestExportPagesByDate exports more than two batches of entries whose
// dates tie and run against their ids, and gets each entry once, in date
// order either way.
func TestExportPagesByDate(t *testing.T) {
	f := newFixture(t)
	tx, err := f.db.Writer().Begin()
	if err != nil {
		t.Fatal(err)
	}
	n := 2*exportBatch + 203
	for i := range n {
		_, err := tx.Exec(`INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, created_at, updated_at)
			VALUES (?, ?, ?, ?, 'other', 's', '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z')`,
			fmt.Sprint("p-", i), f.ann.ID, f.annBoss.ID, fmt.Sprintf("2026-01-%02d", 28-i%7))
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var o entryOrder
	if err := f.db.Export(context.Background(), f.ann.ID, &o); err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(o.keys)
	slices.Sort(want)
	slices.Reverse(want)
	if len(o.keys) != n || !slices.Equal(o.keys, want) || len(slices.Compact(slices.Clone(want))) != n {
		t.Errorf("%d entries, not each once, newest date first", len(o.keys))
	}
}

package sqlite

import (
	"context"
	"strings"
	"testing"
)

// TestOptimizeGathersStatistics checks that Optimize, as run at start,
// leaves statistics for a table that has grown.
func TestOptimizeGathersStatistics(t *testing.T) {
	f := newFixture(t)
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 2000, "Weekly sync")
	if err := f.db.Optimize(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := f.db.Reader().QueryRow("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'entries'").Scan(&n); err != nil || n == 0 {
		t.Errorf("no statistics for entries after Optimize (%d rows, %v)", n, err)
	}
}

// TestWeekQueriesUseDateIndexes checks, with no statistics at all, that
// the week's counts read the week's range of an index, not the user's
// whole history.
func TestWeekQueriesUseDateIndexes(t *testing.T) {
	f := newFixture(t)
	if _, err := f.db.Writer().Exec("DROP TABLE IF EXISTS sqlite_stat1"); err != nil {
		t.Fatal(err)
	}
	plan := strings.Join(explain(t, f.db, weekBossesQuery, f.ann.ID, "2026-11-02", "2026-11-08"), " | ")
	if !strings.Contains(plan, "SEARCH entries USING INDEX entries_user_date_idx (user_id=? AND occurred_on>? AND occurred_on<?)") {
		t.Errorf("the per-boss week count does not read the week's range:\n%s", plan)
	}
}

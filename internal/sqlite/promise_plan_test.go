package sqlite

import (
	"strings"
	"testing"
)

// TestPromiseQueriesUseIndexes: the queries that read the rules' columns
// use the indexes migration 00016 made on them. (SQLite reads a virtual
// column's value from the row, not from an index that holds it: these
// ranges are not covering, as 00012's expression indexes were.)
func TestPromiseQueriesUseIndexes(t *testing.T) {
	f := newFixture(t)
	const today, from, to = "2026-11-25", "2021-01-01", "2026-12-31"
	for _, q := range []struct {
		query string
		args  []any
		index string
	}{
		{qFollowUpsOverdue, []any{1, today}, "INDEX followups_user_overdue_idx (user_id=? AND overdue_after<?)"},
		{qBossPromises, []any{today, 1, 1, from, to, from, to}, "SEARCH f USING INDEX"}, // the user's, as before 00016
		{qUndatedPromises, []any{today, 1, from, to}, "INDEX followups_user_judged_idx (user_id=? AND judged_on=?)"},
		{qOpenPromises, []any{today, 1, "me", from, to}, "INDEX followups_user_open_judged_idx (user_id=? AND owner=? AND judged_on>? AND judged_on<?)"},
		{qPromiseMonths, []any{1, "2021-01", "2026-12"}, "PRIMARY KEY"},
		{qSettledPromises, []any{1, from, to}, "INDEX followups_user_judged_idx (user_id=? AND judged_on>? AND judged_on<?)"},
	} {
		plan := strings.Join(explain(t, f.db, q.query, q.args...), " | ")
		if !strings.Contains(plan, q.index) {
			t.Errorf("plan of %s:\n%s\nwants %s", q.query, plan, q.index)
		}
		for _, line := range strings.Split(plan, " | ") {
			if strings.HasPrefix(line, "SCAN ") && !strings.Contains(line, "INDEX") {
				t.Errorf("full scan %q in the plan of\n%s", line, q.query)
			}
		}
		t.Logf("%s\n  -> %s", strings.Join(strings.Fields(q.query), " "), plan)
	}
}

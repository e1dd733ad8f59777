package sqlite

import (
	"fmt"
	"strings"
	"testing"
)

// TestDueQueriesSearchTheirIndex reads the plan of each query an idle
// reminder pass runs: each must start by searching its partial index on
// the due time, so it reads only what is due, never every user.
func TestDueQueriesSearchTheirIndex(t *testing.T) {
	db := newTestDB(t)
	for _, q := range []struct{ sql, index string }{
		{dueSchedulesQuery, "schedules_due_idx"},
		{fmt.Sprintf(dueSettingsQuery, "weekly_next_at"), "notification_weekly_due_idx"},
		{fmt.Sprintf(dueSettingsQuery, "digest_next_at"), "notification_digest_due_idx"},
		{retryableClaimsQuery, "reminder_claims_retry_idx"},
	} {
		plan := explain(t, db, q.sql, 1)
		if len(plan) == 0 || !strings.HasPrefix(plan[0], "SEARCH") || !strings.Contains(plan[0], q.index) {
			t.Errorf("%s\nplan %q, want it to start with a search of %s", q.sql, plan, q.index)
		}
	}
}

package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestDueQueriesSearchTheirIndex reads the plan of each query an idle
// reminder pass runs: each must start by searching its partial index on
// the due time, so it reads only what is due, never every user.
func TestDueQueriesSearchTheirIndex(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "leadup.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []struct{ sql, index string }{
		{dueSchedulesQuery, "schedules_due_idx"},
		{fmt.Sprintf(dueSettingsQuery, "weekly_next_at"), "notification_weekly_due_idx"},
		{fmt.Sprintf(dueSettingsQuery, "digest_next_at"), "notification_digest_due_idx"},
		{retryableClaimsQuery, "reminder_claims_retry_idx"},
	} {
		rows, err := db.Reader().Query("EXPLAIN QUERY PLAN "+q.sql, 1)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if len(plan) == 0 || !strings.HasPrefix(plan[0], "SEARCH") || !strings.Contains(plan[0], q.index) {
			t.Errorf("%s\nplan %q, want it to start with a search of %s", q.sql, plan, q.index)
		}
	}
}

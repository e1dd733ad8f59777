package sqlite

import (
	"context"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// promiseGroups counts the user's promises whose period date (the first due
// date, or the entry's date when there is none) falls between from and to,
// grouped by boss, side and the facts journal.PromiseGroup judges. Withdrawn
// promises are counted too: the ledger shows them. bossID 0 is every boss.
func promiseGroups(ctx context.Context, q queryer, userID, bossID int64, from, to, today string) ([]journal.PromiseGroup, error) {
	const facts = `SELECT e.boss_id, f.owner, f.withdrawn_at IS NOT NULL, f.done_on IS NOT NULL,
		  coalesce(f.done_on <= coalesce(f.first_due_on, f.due_on), 0),
		  coalesce(f.first_due_on, f.due_on) IS NOT NULL,
		  coalesce(coalesce(f.first_due_on, f.due_on) < ?, 0), count(*)
		FROM followups f JOIN entries e ON e.id = f.entry_id `
	cond, args := bossCond("e.boss_id", bossID, []any{today, userID, from, to})
	cond2, args2 := bossCond("e.boss_id", bossID, []any{today, userID, from, to})
	rows, err := q.QueryContext(ctx,
		facts+`WHERE f.user_id = ? AND coalesce(f.first_due_on, f.due_on) BETWEEN ? AND ?`+cond+` GROUP BY 1, 2, 3, 4, 5, 6, 7
		 UNION ALL `+
			facts+`WHERE f.user_id = ? AND coalesce(f.first_due_on, f.due_on) IS NULL AND e.occurred_on BETWEEN ? AND ?`+cond2+` GROUP BY 1, 2, 3, 4, 5, 6, 7`,
		append(args, args2...)...)
	if err != nil {
		return nil, fmt.Errorf("promises: %w", err)
	}
	defer rows.Close()
	var out []journal.PromiseGroup
	for rows.Next() {
		var g journal.PromiseGroup
		if err := rows.Scan(&g.BossID, &g.Owner, &g.Withdrawn, &g.Done, &g.DoneByDue, &g.HasDue, &g.PastDue, &g.N); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

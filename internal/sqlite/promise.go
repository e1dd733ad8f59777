package sqlite

import (
	"context"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// promiseFacts are the columns journal.PromiseGroup judges, for one
// follow-up f; the first parameter is today.
const promiseFacts = `f.owner, f.withdrawn_at IS NOT NULL, f.done_on IS NOT NULL,
	coalesce(f.done_on <= coalesce(f.first_due_on, f.due_on), 0),
	coalesce(f.first_due_on, f.due_on) IS NOT NULL,
	coalesce(coalesce(f.first_due_on, f.due_on) < ?, 0)`

// promiseGroups counts the user's promises whose period date (the first due
// date, or the entry's date when there is none) falls between from and to,
// grouped by side and the facts journal.PromiseGroup judges, and by boss
// when bossID is set. Withdrawn promises are counted too: the ledger shows
// them.
//
// For every boss (bossID 0, groups with BossID 0) the cost does not grow
// with the period: kept and withdrawn promises of whole months come from
// promise_months, open ones are two index counts per side, and only the
// partial months at either end and promises without a date read rows.
func promiseGroups(ctx context.Context, q txQueryer, userID, bossID int64, from, to, today string) ([]journal.PromiseGroup, error) {
	counts := map[journal.PromiseGroup]int{}
	if bossID != 0 {
		err := promiseRows(ctx, q, counts, bossID,
			`SELECT e.boss_id, `+promiseFacts+` FROM followups f JOIN entries e ON e.id = f.entry_id
			 WHERE f.user_id = ? AND e.boss_id = ? AND (coalesce(f.first_due_on, f.due_on) BETWEEN ? AND ?
			   OR (coalesce(f.first_due_on, f.due_on) IS NULL AND e.occurred_on BETWEEN ? AND ?))`,
			today, userID, bossID, from, to, from, to)
		return groupsOf(counts), err
	}
	// Without a date: placed by the entry's day.
	err := promiseRows(ctx, q, counts, 0,
		`SELECT 0, `+promiseFacts+` FROM followups f JOIN entries e ON e.id = f.entry_id
		 WHERE f.user_id = ? AND coalesce(f.first_due_on, f.due_on) IS NULL AND e.occurred_on BETWEEN ? AND ?`,
		today, userID, from, to)
	if err != nil {
		return nil, err
	}
	// Open, dated: overdue before today, not yet due from today on.
	yesterday := journal.AddDays(today, -1)
	for _, owner := range []string{"me", "boss"} {
		for _, r := range []struct {
			from, to string
			past     bool
		}{{from, min(to, yesterday), true}, {max(from, today), to, false}} {
			if r.from > r.to {
				continue
			}
			var n int
			err := q.QueryRowContext(ctx,
				`SELECT count(*) FROM followups WHERE user_id = ? AND owner = ? AND coalesce(first_due_on, due_on) BETWEEN ? AND ?
				 AND done_on IS NULL AND withdrawn_at IS NULL`, userID, owner, r.from, r.to).Scan(&n)
			if err != nil {
				return nil, fmt.Errorf("open promises: %w", err)
			}
			if n > 0 {
				counts[journal.PromiseGroup{Owner: owner, HasDue: true, PastDue: r.past}] += n
			}
		}
	}
	// Kept or withdrawn, dated: whole months from the aggregate, the rest
	// from the rows.
	full, edges := splitMonths(from, to)
	if len(full) > 0 {
		rows, err := q.QueryContext(ctx,
			`SELECT owner, withdrawn, done, done_by_due, sum(n) FROM promise_months
			 WHERE user_id = ? AND month BETWEEN ? AND ? GROUP BY 1, 2, 3, 4`, userID, full[0], full[len(full)-1])
		if err != nil {
			return nil, fmt.Errorf("promise months: %w", err)
		}
		for rows.Next() {
			g := journal.PromiseGroup{HasDue: true}
			var n int
			if err := rows.Scan(&g.Owner, &g.Withdrawn, &g.Done, &g.DoneByDue, &n); err != nil {
				rows.Close()
				return nil, err
			}
			counts[g] += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for _, e := range edges {
		err := promiseRows(ctx, q, counts, 0,
			`SELECT 0, `+promiseFacts+` FROM followups f
			 WHERE f.user_id = ? AND coalesce(f.first_due_on, f.due_on) BETWEEN ? AND ? AND (f.done_on IS NOT NULL OR f.withdrawn_at IS NOT NULL)`,
			today, userID, e[0], e[1])
		if err != nil {
			return nil, err
		}
	}
	return groupsOf(counts), nil
}

// txQueryer is a *sql.Tx or *sql.DB.
type txQueryer interface {
	queryer
	rowQueryer
}

// promiseRows adds the facts of each row to counts. Grouped here rather
// than by SQL: a GROUP BY over these expressions cost SQLite a sort and was
// twice as slow as reading the rows. The facts of a kept promise no longer
// depend on today, so PastDue is cleared for it, as the aggregate has none.
func promiseRows(ctx context.Context, q queryer, counts map[journal.PromiseGroup]int, bossID int64, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("promises: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var g journal.PromiseGroup
		if err := rows.Scan(&g.BossID, &g.Owner, &g.Withdrawn, &g.Done, &g.DoneByDue, &g.HasDue, &g.PastDue); err != nil {
			return err
		}
		if g.Done || g.Withdrawn {
			g.PastDue = false
		}
		counts[g]++
	}
	return rows.Err()
}

func groupsOf(counts map[journal.PromiseGroup]int) []journal.PromiseGroup {
	out := make([]journal.PromiseGroup, 0, len(counts))
	for g, n := range counts {
		g.N = n
		out = append(out, g)
	}
	return out
}

// splitMonths returns the whole months between from and to, and the date
// ranges of the partial months at either end.
func splitMonths(from, to string) (full []string, edges [][2]string) {
	for _, m := range journal.Months(from, to) {
		start, end := monthBounds(m)
		if start >= from && end <= to {
			full = append(full, m)
		} else {
			edges = append(edges, [2]string{max(start, from), min(end, to)})
		}
	}
	return full, edges
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// overdueOn is whether follow-up f is overdue on today, the parameter (the
// date in the user's zone). The rule is migration 00016's overdue_after
// column; this only applies the day.
const overdueOn = `f.overdue_after < ?`

// promiseStateOn is the state of follow-up f on today, the query's first
// parameter: its promise_state (00016), or overdue.
const promiseStateOn = `CASE WHEN ` + overdueOn + ` THEN 'overdue' ELSE f.promise_state END`

// The ledger's queries; each reads an index that starts with the user id
// (TestPromiseQueriesUseIndexes).
const (
	// qBossPromises: one boss's promises, (boss, side, state) per row; the
	// parameters are today, user, boss, and the period twice.
	qBossPromises = `SELECT e.boss_id, f.owner, ` + promiseStateOn + ` FROM followups f JOIN entries e ON e.id = f.entry_id
		WHERE f.user_id = ? AND e.boss_id = ? AND (f.judged_on BETWEEN ? AND ?
		  OR (f.judged_on IS NULL AND e.occurred_on BETWEEN ? AND ?))`
	// qUndatedPromises: promises without a date, placed by their entry's day.
	qUndatedPromises = `SELECT 0, f.owner, ` + promiseStateOn + ` FROM followups f JOIN entries e ON e.id = f.entry_id
		WHERE f.user_id = ? AND f.judged_on IS NULL AND e.occurred_on BETWEEN ? AND ?`
	// qOpenPromises: one side's open, dated promises counted by state.
	qOpenPromises = `SELECT ` + promiseStateOn + `, count(*) FROM followups f
		WHERE f.user_id = ? AND f.owner = ? AND f.promise_state = 'open' AND f.judged_on BETWEEN ? AND ? GROUP BY 1`
	// qPromiseMonths: settled promises of whole months, from the aggregate.
	qPromiseMonths = `SELECT owner, state, sum(n) FROM promise_months
		WHERE user_id = ? AND month BETWEEN ? AND ? GROUP BY 1, 2`
	// qSettledPromises: settled, dated promises of part of a month.
	qSettledPromises = `SELECT 0, f.owner, f.promise_state FROM followups f
		WHERE f.user_id = ? AND f.judged_on BETWEEN ? AND ? AND f.promise_state <> 'open'`
)

// promiseStates are the states the SQL names, as the journal's.
var promiseStates = map[string]journal.PromiseState{
	"open": journal.PromiseOpen, "on_time": journal.PromiseOnTime, "late": journal.PromiseLate,
	"overdue": journal.PromiseOverdue, "withdrawn": journal.PromiseWithdrawn, "unjudged": journal.PromiseUnjudged,
}

// promiseState scans a state the SQL names.
type promiseState struct{ s *journal.PromiseState }

func (p promiseState) Scan(v any) error {
	var name string
	switch v := v.(type) {
	case string:
		name = v
	case []byte:
		name = string(v)
	}
	st, ok := promiseStates[name]
	if !ok {
		return fmt.Errorf("promise state %v", v)
	}
	*p.s = st
	return nil
}

// promiseGroups counts the user's promises whose period date (judged_on,
// the first due date, or the entry's date when there is none) falls between
// from and to, grouped by side and state on today, and by boss when bossID
// is set. Withdrawn promises are counted too: the ledger shows them.
//
// For every boss (bossID 0, groups with BossID 0) the cost does not grow
// with the period: settled promises of whole months come from
// promise_months, open ones are one index range per side, and only the
// partial months at either end and promises without a date read rows.
func promiseGroups(ctx context.Context, q txQueryer, userID, bossID int64, from, to, today string) ([]journal.PromiseGroup, error) {
	counts := map[journal.PromiseGroup]int{}
	if bossID != 0 {
		err := promiseRows(ctx, q, counts, qBossPromises, today, userID, bossID, from, to, from, to)
		return groupsOf(counts), err
	}
	// Without a date: placed by the entry's day.
	err := promiseRows(ctx, q, counts, qUndatedPromises, today, userID, from, to)
	if err != nil {
		return nil, err
	}
	// Open, dated: counted per side and state from the open index.
	for _, owner := range []string{"me", "boss"} {
		err := eachRow(ctx, q, "open promises", func(rows *sql.Rows) error {
			g := journal.PromiseGroup{Owner: owner}
			var n int
			if err := rows.Scan(promiseState{&g.State}, &n); err != nil {
				return err
			}
			counts[g] += n
			return nil
		}, qOpenPromises, today, userID, owner, from, to)
		if err != nil {
			return nil, err
		}
	}
	// Settled (on time, late, withdrawn), dated: whole months from the
	// aggregate, the rest from the rows.
	full, edges := splitMonths(from, to)
	if len(full) > 0 {
		err := eachRow(ctx, q, "promise months", func(rows *sql.Rows) error {
			var g journal.PromiseGroup
			var n int
			if err := rows.Scan(&g.Owner, promiseState{&g.State}, &n); err != nil {
				return err
			}
			counts[g] += n
			return nil
		}, qPromiseMonths, userID, full[0], full[len(full)-1])
		if err != nil {
			return nil, err
		}
	}
	for _, e := range edges {
		err := promiseRows(ctx, q, counts, qSettledPromises, userID, e[0], e[1])
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

// promiseRows counts rows of (boss, side, state). Grouped here rather than
// by SQL: a GROUP BY over these expressions cost SQLite a sort and was twice
// as slow as reading the rows.
func promiseRows(ctx context.Context, q queryer, counts map[journal.PromiseGroup]int, query string, args ...any) error {
	return eachRow(ctx, q, "promises", func(rows *sql.Rows) error {
		var g journal.PromiseGroup
		if err := rows.Scan(&g.BossID, &g.Owner, promiseState{&g.State}); err != nil {
			return err
		}
		counts[g]++
		return nil
	}, query, args...)
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

package sqlite

import (
	"context"
	"database/sql"

	"github.com/leadup/leadup/internal/journal"
)

// priorityDrift reads the activity of the active priorities of active
// bosses (one boss when bossID is set) up to today, and judges it. Each
// count is one range of entries_priority_date_idx or
// entries_user_boss_date_idx, one query for all priorities.
func priorityDrift(ctx context.Context, q queryer, userID, bossID int64, today string) ([]journal.Drift, error) {
	short, long := journal.DriftWindows(today)
	cond, args := bossCond("p.boss_id", bossID, []any{short, today, long, today, today, long, today, userID})
	query := `SELECT p.id, p.public_id, p.text, p.noted_on, p.boss_id, b.name,
		   (SELECT count(*) FROM entries e WHERE e.priority_id = p.id AND e.occurred_on BETWEEN ? AND ?),
		   (SELECT count(*) FROM entries e WHERE e.priority_id = p.id AND e.occurred_on BETWEEN ? AND ?),
		   coalesce((SELECT max(e.occurred_on) FROM entries e WHERE e.priority_id = p.id AND e.occurred_on <= ?), ''),
		   (SELECT count(*) FROM entries e WHERE e.user_id = p.user_id AND e.boss_id = p.boss_id AND e.occurred_on BETWEEN ? AND ?)
		 FROM priorities p JOIN bosses b ON b.id = p.boss_id
		 WHERE p.user_id = ? AND p.status = 'active' AND b.archived = 0` + cond + `
		 ORDER BY b.name COLLATE NOCASE, b.id, p.noted_on DESC, p.id DESC`
	acts, err := queryAll(ctx, q, "priority drift", func(row scanner) (journal.PriorityActivity, error) {
		var a journal.PriorityActivity
		err := row.Scan(&a.PriorityID, &a.PublicID, &a.Text, &a.NotedOn, &a.BossID, &a.BossName, &a.Short, &a.Long, &a.LastTouched, &a.BossEntries)
		return a, err
	}, query, args...)
	if err != nil {
		return nil, err
	}
	return journal.PriorityDrift(acts, today), nil
}

// weekDrift judges drift as of the week's end, or today while the week
// runs.
func weekDrift(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, today string) error {
	var err error
	s.Drift, err = priorityDrift(ctx, tx, userID, 0, min(s.Week.End, today))
	return err
}

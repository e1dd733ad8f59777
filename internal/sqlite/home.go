package sqlite

import (
	"context"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// WeekGlance is a week's counts at a glance: the entries tagged with each
// practice (all six keys), the entries, and the follow-ups overdue today.
type WeekGlance struct {
	Practices map[string]int
	Total     int
	Overdue   int
}

// WeekGlance counts the user's week w at a glance, as of today.
func (db *DB) WeekGlance(ctx context.Context, userID int64, w journal.Week, today string) (g WeekGlance, err error) {
	tx, done, err := db.beginRead(ctx)
	if err != nil {
		return g, fmt.Errorf("begin: %w", err)
	}
	defer done()
	if g.Practices, err = practiceCounts(ctx, tx, userID, w.Start, w.End); err != nil {
		return g, err
	}
	if err = tx.QueryRowContext(ctx, qFollowUpsOverdue, userID, today).Scan(&g.Overdue); err != nil {
		return g, fmt.Errorf("week overdue: %w", err)
	}
	if err = tx.QueryRowContext(ctx, qEntriesBetween, userID, w.Start, w.End).Scan(&g.Total); err != nil {
		return g, fmt.Errorf("week total: %w", err)
	}
	return g, nil
}

package sqlite

import (
	"context"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// HomeSizes are how much of each list the home page holds; the use-case
// layer decides them.
type HomeSizes struct {
	Entries   int // the week's latest entries
	FollowUps int // open follow-ups
	Due       int // bets and forecasts due
}

// HomePage gathers the home page below the capture form in one read
// transaction, in the sizes n: only the week's counts the glance shows,
// its latest entries, the open follow-ups, and what is due today.
func (db *DB) HomePage(ctx context.Context, userID int64, today string, n HomeSizes) (*journal.Home, error) {
	h := &journal.Home{Week: journal.WeekOfDate(today)}
	err := db.View(ctx, func(db *DB) error {
		tx := db.view
		var err error
		if h.Practices, err = practiceCounts(ctx, tx, userID, h.Week.Start, h.Week.End); err != nil {
			return err
		}
		h.Neglected = journal.Zeros(h.Practices)
		err = tx.QueryRowContext(ctx, qFollowUpsOverdue,
			userID, today).Scan(&h.Overdue)
		if err != nil {
			return fmt.Errorf("home overdue: %w", err)
		}
		err = tx.QueryRowContext(ctx, qEntriesBetween,
			userID, h.Week.Start, h.Week.End).Scan(&h.WeekTotal)
		if err != nil {
			return fmt.Errorf("home week total: %w", err)
		}
		if h.WeekEntries, _, err = db.FindEntries(ctx, userID, journal.EntryFilter{From: h.Week.Start, To: h.Week.End, Limit: n.Entries}); err != nil {
			return err
		}
		if h.FollowUps, err = db.FindOpenFollowUps(ctx, userID, 0, n.FollowUps); err != nil {
			return err
		}
		if h.BetsDue, err = db.FindDueBets(ctx, userID, 0, today, n.Due); err != nil {
			return err
		}
		h.ForecastsDue, err = db.FindDueForecasts(ctx, userID, 0, today, n.Due)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

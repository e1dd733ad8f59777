package sqlite

import (
	"context"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// HomePage gathers the home page below the capture form in one read
// transaction: only the week's counts the glance shows, up to entries of
// its latest entries and followUps open follow-ups, and what is due today.
func (db *DB) HomePage(ctx context.Context, userID int64, today string, entries, followUps int) (*journal.Home, error) {
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
		if h.WeekEntries, _, err = db.FindEntries(ctx, userID, journal.EntryFilter{From: h.Week.Start, To: h.Week.End, Limit: entries}); err != nil {
			return err
		}
		if h.FollowUps, err = db.FindOpenFollowUps(ctx, userID, 0, followUps); err != nil {
			return err
		}
		if h.BetsDue, err = db.FindDueBets(ctx, userID, 0, today, maxBetsDue); err != nil {
			return err
		}
		h.ForecastsDue, err = db.FindDueForecasts(ctx, userID, 0, today, maxForecastsDue)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// maxBetsDue bounds the bets listed as due on a page.
const maxBetsDue = 50

// FindDueBets returns the user's bets whose review date is on or before
// date and that have no outcome yet, soonest first; bossID 0 means every
// boss.
func (db *DB) FindDueBets(ctx context.Context, userID, bossID int64, date string, limit int) ([]*journal.Bet, error) {
	return dueBets(ctx, db.reader(), userID, bossID, date, limit)
}

func dueBets(ctx context.Context, q queryer, userID, bossID int64, date string, limit int) ([]*journal.Bet, error) {
	query, args := dueBetsQuery(userID, bossID, date, limit)
	return queryBlocks(ctx, q, journal.BetBlock, func(e *journal.Entry) *journal.Bet { return e.Bet }, query, args...)
}

// dueBetsQuery is the query of dueBets, and of its plan test.
func dueBetsQuery(userID, bossID int64, date string, limit int) (string, []any) {
	cond, args := bossCond("t.boss_id", bossID, []any{userID, date})
	return blockSelect(journal.BetBlock, "t.user_id = ? AND t.outcome IS NULL AND t.review_on <= ?"+cond) +
		" ORDER BY t.review_on, t.entry_id LIMIT ?", append(args, limit)
}

// The week page's bet queries, named so that the plan test reads them.
const (
	qBetsPlaced  = `SELECT count(*) FROM bets WHERE user_id = ? AND occurred_on BETWEEN ? AND ?`
	qBetsDue     = `SELECT count(*) FROM bets WHERE user_id = ? AND outcome IS NULL AND review_on <= ?`
	qBetOutcomes = `SELECT outcome, count(*) FROM bets WHERE user_id = ? AND reviewed_on BETWEEN ? AND ? GROUP BY outcome`
)

// weekBets counts the week's bets, lists those due, and measures the
// calibration over the window that ends with the week.
func weekBets(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, today string) error {
	w, bs := s.Week, &s.Bets
	due := journal.DueDate(w, today)
	err := tx.QueryRowContext(ctx, qBetsPlaced,
		userID, w.Start, w.End).Scan(&bs.Placed)
	if err != nil {
		return fmt.Errorf("bets placed: %w", err)
	}
	err = tx.QueryRowContext(ctx, qBetsDue,
		userID, due).Scan(&bs.Due)
	if err != nil {
		return fmt.Errorf("bets due: %w", err)
	}
	if err := eachCount(ctx, tx, "bet outcomes", bs.AddOutcome, qBetOutcomes, userID, w.Start, w.End); err != nil {
		return err
	}
	err = eachCount(ctx, tx, "bet calibration", s.Calibration.AddOutcome, qBetOutcomes, userID, journal.RateWindowStart(w.End), w.End)
	if err != nil {
		return err
	}
	s.BetsDue, err = dueBets(ctx, tx, userID, 0, due, maxBetsDue)
	return err
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

var errBetNotFound = journal.Errorf(journal.ENOTFOUND, "That entry placed no bet.")

// maxBetsDue bounds the bets listed as due on a page.
const maxBetsDue = 50

// betColumns reads a bet with its entry's summary and boss name, from
// bets t joined to entries e and bosses b.
const betColumns = `t.entry_id, t.bet, t.downside, t.mitigation, t.review_on, coalesce(t.outcome, ''), t.lesson,
	coalesce(t.reviewed_on, ''), t.occurred_on, e.summary, t.boss_id, b.name`

const betJoins = ` JOIN entries e ON e.id = t.entry_id JOIN bosses b ON b.id = t.boss_id`

// writeBet stores the bet block of an entry: nil leaves the stored one
// alone, an empty block removes it, anything else replaces the bet and
// keeps any outcome already recorded.
func writeBet(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, occurredOn string, in *journal.BetInput) error {
	if in == nil {
		return nil
	}
	if in.Empty() {
		return deleteBlock(ctx, tx, betsTable, userID, entryID)
	}
	_, err := tx.ExecContext(ctx,
		`INSERT INTO bets (entry_id, user_id, boss_id, occurred_on, bet, downside, mitigation, review_on)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (entry_id) DO UPDATE SET bet = excluded.bet, downside = excluded.downside,
		   mitigation = excluded.mitigation, review_on = excluded.review_on`,
		entryID, userID, bossID, occurredOn, in.Bet, in.Downside, in.Mitigation, in.ReviewOn)
	if err != nil {
		return fmt.Errorf("write bet: %w", err)
	}
	return nil
}

// RecordOutcome records how the bet placed in one of the user's entries
// turned out.
func (db *DB) RecordOutcome(ctx context.Context, userID, entryID int64, in journal.OutcomeInput) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			"UPDATE bets SET outcome = ?, lesson = ?, reviewed_on = ? WHERE user_id = ? AND entry_id = ?",
			in.Outcome, in.Lesson, in.ReviewedOn, userID, entryID)
		return notFoundAs(checkOneRow(res, err, "record outcome"), errBetNotFound)
	})
}

// FindDueBets returns the user's bets whose review date is on or before
// date and that have no outcome yet, soonest first; bossID 0 means every
// boss.
func (db *DB) FindDueBets(ctx context.Context, userID, bossID int64, date string, limit int) ([]*journal.Bet, error) {
	return dueBets(ctx, db.reader(), userID, bossID, date, limit)
}

func dueBets(ctx context.Context, q queryer, userID, bossID int64, date string, limit int) ([]*journal.Bet, error) {
	query, args := dueBetsQuery(userID, bossID, date, limit)
	return queryBets(ctx, q, query, args...)
}

// dueBetsQuery is the query of dueBets, and of its plan test.
func dueBetsQuery(userID, bossID int64, date string, limit int) (string, []any) {
	cond, args := bossCond("t.boss_id", bossID, []any{userID, date})
	return "SELECT " + betColumns + " FROM bets t" + betJoins +
		" WHERE t.user_id = ? AND t.outcome IS NULL AND t.review_on <= ?" + cond + " ORDER BY t.review_on, t.entry_id LIMIT ?", append(args, limit)
}

func queryBets(ctx context.Context, q queryer, query string, args ...any) ([]*journal.Bet, error) {
	return queryAll(ctx, q, "find bets", scanBet, query, args...)
}

func scanBet(row scanner) (*journal.Bet, error) {
	var b journal.Bet
	err := row.Scan(&b.EntryID, &b.Bet, &b.Downside, &b.Mitigation, &b.ReviewOn, &b.Outcome, &b.Lesson,
		&b.ReviewedOn, &b.OccurredOn, &b.EntrySummary, &b.BossID, &b.BossName)
	if err != nil {
		return nil, fmt.Errorf("scan bet: %w", err)
	}
	return &b, nil
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

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// FindOpenProblems returns the user's problems still waiting for a
// decision, oldest first; bossID 0 means every boss.
func (db *DB) FindOpenProblems(ctx context.Context, userID, bossID int64, limit int) ([]*journal.Problem, error) {
	query, args := openProblemsQuery(userID, bossID, limit)
	return queryBlocks(ctx, db.reader(), journal.ProblemBlock, func(e *journal.Entry) *journal.Problem { return e.Problem }, query, args...)
}

// openProblemsQuery is the query of FindOpenProblems, and of its plan test.
func openProblemsQuery(userID, bossID int64, limit int) (string, []any) {
	cond, args := bossCond("t.boss_id", bossID, []any{userID})
	return blockSelect(journal.ProblemBlock, "t.user_id = ? AND t.decision = 'open'"+cond) +
		" ORDER BY t.occurred_on, t.entry_id LIMIT ?", append(args, limit)
}

// The week page's problem queries, named so that the plan test reads them.
const (
	qProblemsRaised  = `SELECT count(*) FROM problems WHERE user_id = ? AND occurred_on BETWEEN ? AND ?`
	qProblemsOpen    = `SELECT count(*) FROM problems WHERE user_id = ? AND decision = 'open' AND occurred_on <= ?`
	qProblemsDecided = `SELECT decision, count(*) FROM problems WHERE user_id = ? AND decided_on BETWEEN ? AND ? GROUP BY decision`
	qSolutionsRate   = `SELECT count(*), coalesce(sum(decision = 'taken'), 0) FROM problems WHERE user_id = ? AND occurred_on BETWEEN ? AND ?`
)

// weekProblems counts the week's problems and the solutions rate over the
// window that ends with the week.
func weekProblems(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, _ string) error {
	w, ps := s.Week, &s.Problems
	err := tx.QueryRowContext(ctx, qProblemsRaised,
		userID, w.Start, w.End).Scan(&ps.Raised)
	if err != nil {
		return fmt.Errorf("problems raised: %w", err)
	}
	err = tx.QueryRowContext(ctx, qProblemsOpen,
		userID, w.End).Scan(&ps.Open)
	if err != nil {
		return fmt.Errorf("problems open: %w", err)
	}
	if err := eachCount(ctx, tx, "problems decided", ps.AddDecision, qProblemsDecided, userID, w.Start, w.End); err != nil {
		return err
	}
	err = tx.QueryRowContext(ctx,
		qSolutionsRate,
		userID, journal.RateWindowStart(w.End), w.End).Scan(&s.Solutions.Raised, &s.Solutions.Taken)
	if err != nil {
		return fmt.Errorf("solutions rate: %w", err)
	}
	return nil
}

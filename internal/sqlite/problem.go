package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

var errProblemNotFound = journal.Errorf(journal.ENOTFOUND, "That entry raised no problem.")

// problemColumns reads a problem with its entry's summary and boss name,
// from problems p joined to entries e and bosses b.
const problemColumns = `p.entry_id, p.problem, p.options, p.recommendation, p.decision, coalesce(p.decided_on, ''), p.decision_note,
	p.occurred_on, e.summary, p.boss_id, b.name`

const problemJoins = ` JOIN entries e ON e.id = p.entry_id JOIN bosses b ON b.id = p.boss_id`

// writeProblem stores the problem block of an entry: nil leaves the stored
// one alone, an empty block removes it, anything else replaces the text
// and keeps any decision already recorded.
func writeProblem(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, occurredOn string, in *journal.ProblemInput) error {
	if in == nil {
		return nil
	}
	if in.Empty() {
		return deleteBlock(ctx, tx, problemsTable, userID, entryID)
	}
	opts, err := json.Marshal(in.Options)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		`INSERT INTO problems (entry_id, user_id, boss_id, occurred_on, problem, options, recommendation)
		 VALUES (?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (entry_id) DO UPDATE SET problem = excluded.problem, options = excluded.options,
		   recommendation = excluded.recommendation`,
		entryID, userID, bossID, occurredOn, in.Problem, string(opts), in.Recommendation)
	if err != nil {
		return fmt.Errorf("write problem: %w", err)
	}
	return nil
}

// RecordDecision records what became of the problem raised in one of the
// user's entries.
func (db *DB) RecordDecision(ctx context.Context, userID, entryID int64, in journal.DecisionInput) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			"UPDATE problems SET decision = ?, decided_on = ?, decision_note = ? WHERE user_id = ? AND entry_id = ?",
			in.Decision, in.DecidedOn, in.Note, userID, entryID)
		return notFoundAs(checkOneRow(res, err, "record decision"), errProblemNotFound)
	})
}

// FindOpenProblems returns the user's problems still waiting for a
// decision, oldest first; bossID 0 means every boss.
func (db *DB) FindOpenProblems(ctx context.Context, userID, bossID int64, limit int) ([]*journal.Problem, error) {
	query, args := openProblemsQuery(userID, bossID, limit)
	return queryProblems(ctx, db.reader(), query, args...)
}

// openProblemsQuery is the query of FindOpenProblems, and of its plan test.
func openProblemsQuery(userID, bossID int64, limit int) (string, []any) {
	cond, args := bossCond("p.boss_id", bossID, []any{userID})
	return "SELECT " + problemColumns + " FROM problems p" + problemJoins +
		" WHERE p.user_id = ? AND p.decision = 'open'" + cond + " ORDER BY p.occurred_on, p.entry_id LIMIT ?", append(args, limit)
}

func queryProblems(ctx context.Context, q queryer, query string, args ...any) ([]*journal.Problem, error) {
	return queryAll(ctx, q, "find problems", scanProblem, query, args...)
}

func scanProblem(row scanner) (*journal.Problem, error) {
	var p journal.Problem
	var opts string
	err := row.Scan(&p.EntryID, &p.Problem, &opts, &p.Recommendation, &p.Decision, &p.DecidedOn, &p.DecisionNote,
		&p.OccurredOn, &p.EntrySummary, &p.BossID, &p.BossName)
	if err != nil {
		return nil, fmt.Errorf("scan problem: %w", err)
	}
	if err := json.Unmarshal([]byte(opts), &p.Options); err != nil {
		return nil, fmt.Errorf("problem options: %w", err)
	}
	return &p, nil
}

// loadBlocks fills in the entries' problems, bets and forecasts, with one
// query each.
func loadBlocks(ctx context.Context, q queryer, userID int64, ids entryIndex) error {
	in, args := ids.in(userID)
	problems, err := queryProblems(ctx, q, "SELECT "+problemColumns+" FROM problems p"+problemJoins+
		" WHERE p.user_id = ? AND p.entry_id"+in, args...)
	if err != nil {
		return err
	}
	for _, p := range problems {
		ids.each(p.EntryID, func(e *journal.Entry) { e.Problem = p })
	}
	bets, err := queryBets(ctx, q, "SELECT "+betColumns+" FROM bets t"+betJoins+" WHERE t.user_id = ? AND t.entry_id"+in, args...)
	if err != nil {
		return err
	}
	for _, b := range bets {
		ids.each(b.EntryID, func(e *journal.Entry) { e.Bet = b })
	}
	forecasts, err := queryForecasts(ctx, q, "SELECT "+forecastColumns+" FROM forecasts f"+forecastJoins+
		" WHERE f.user_id = ? AND f.entry_id"+in, args...)
	if err != nil {
		return err
	}
	for _, f := range forecasts {
		ids.each(f.EntryID, func(e *journal.Entry) { e.Forecast = f })
	}
	return nil
}

// writeBlocks stores an entry's problem and bet blocks, then checks that
// the entry's date still comes before what was recorded about them: moving
// an entry later must not leave a decision or review dated before it.
func writeBlocks(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, in journal.EntryInput) error {
	if err := writeProblem(ctx, tx, userID, bossID, entryID, in.OccurredOn, in.Problem); err != nil {
		return err
	}
	if err := writeBet(ctx, tx, userID, bossID, entryID, in.OccurredOn, in.Bet); err != nil {
		return err
	}
	if err := writeForecast(ctx, tx, userID, bossID, entryID, in.OccurredOn, in.Forecast); err != nil {
		return err
	}
	var n int
	err := tx.QueryRowContext(ctx,
		`SELECT (SELECT count(*) FROM problems WHERE user_id = ?1 AND entry_id = ?2 AND decided_on < ?3) +
		        (SELECT count(*) FROM bets WHERE user_id = ?1 AND entry_id = ?2 AND (review_on <= ?3 OR reviewed_on < ?3))`,
		userID, entryID, in.OccurredOn).Scan(&n)
	if err != nil {
		return fmt.Errorf("check block dates: %w", err)
	}
	if n > 0 {
		return fieldError("occurred_on", "This entry's problem or bet has a decision, review date or outcome dated on or before this day. Change those first.")
	}
	return nil
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

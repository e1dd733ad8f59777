package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/leadup/leadup/internal/journal"
)

// sameBlocks reports whether an imported entry's problem and bet match the
// stored ones. A block the file does not carry (an older export) leaves the
// stored one alone, so it counts as the same.
func sameBlocks(cur, in *journal.Entry) bool {
	if p, q := cur.Problem, in.Problem; q != nil && (p == nil || p.Problem != q.Problem || !slices.Equal(p.Options, q.Options) ||
		p.Recommendation != q.Recommendation || p.Decision != q.Decision || p.DecidedOn != q.DecidedOn || p.DecisionNote != q.DecisionNote) {
		return false
	}
	if b, c := cur.Bet, in.Bet; c != nil && (b == nil || b.Bet != c.Bet || b.Downside != c.Downside || b.Mitigation != c.Mitigation ||
		b.ReviewOn != c.ReviewOn || b.Outcome != c.Outcome || b.Lesson != c.Lesson || b.ReviewedOn != c.ReviewedOn) {
		return false
	}
	return true
}

// importBlocks writes an imported entry's problem and bet whole, with any
// decision and outcome. The entry's date and boss come from the entry row.
func importBlocks(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, e *journal.Entry) error {
	if p := e.Problem; p != nil {
		opts, err := json.Marshal(p.Options)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx,
			`INSERT INTO problems (entry_id, user_id, boss_id, occurred_on, problem, options, recommendation, decision, decided_on, decision_note)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (entry_id) DO UPDATE SET problem = excluded.problem, options = excluded.options,
			   recommendation = excluded.recommendation, decision = excluded.decision, decided_on = excluded.decided_on,
			   decision_note = excluded.decision_note`,
			entryID, userID, bossID, e.OccurredOn, p.Problem, string(opts), p.Recommendation, p.Decision, nullString(p.DecidedOn), p.DecisionNote)
		if err != nil {
			return fmt.Errorf("import problem: %w", err)
		}
	}
	if b := e.Bet; b != nil {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO bets (entry_id, user_id, boss_id, occurred_on, bet, downside, mitigation, review_on, outcome, lesson, reviewed_on)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (entry_id) DO UPDATE SET bet = excluded.bet, downside = excluded.downside, mitigation = excluded.mitigation,
			   review_on = excluded.review_on, outcome = excluded.outcome, lesson = excluded.lesson, reviewed_on = excluded.reviewed_on`,
			entryID, userID, bossID, e.OccurredOn, b.Bet, b.Downside, b.Mitigation, b.ReviewOn, nullString(b.Outcome), b.Lesson, nullString(b.ReviewedOn))
		if err != nil {
			return fmt.Errorf("import bet: %w", err)
		}
	}
	return nil
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// Counts that the home page and the week page both show.
const (
	qEntriesBetween   = `SELECT count(*) FROM entries WHERE user_id = ? AND occurred_on BETWEEN ? AND ?`
	qFollowUpsOverdue = `SELECT count(*) FROM followups f WHERE f.user_id = ? AND ` + overdueOn
)

// maxWeekEntries bounds the entries listed on a week's page.
const maxWeekEntries = 500

// WeekSummary computes the review of one week for one user. Every query
// reads an index that starts with the user id and is bounded by dates, so
// the cost does not grow with the size of the journal. today is the current
// date in the user's zone.
func (db *DB) WeekSummary(ctx context.Context, userID int64, w journal.Week, today string) (*journal.WeekSummary, error) {
	s := &journal.WeekSummary{Week: w}
	steps := []func(context.Context, *sql.Tx, int64, *journal.WeekSummary, string) error{
		weekPractices, weekBosses, weekFollowUps, weekNeglect, weekQuietBosses, weekTrend, weekStreak, weekEntries,
		weekProblems, weekBets, weekForecasts, weekDrift,
	}
	// One read transaction: every number comes from the same snapshot.
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		for _, step := range steps {
			if err := step(ctx, tx, userID, s, today); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// practiceCounts counts entry tags per practice between two dates.
func practiceCounts(ctx context.Context, tx *sql.Tx, userID int64, from, to string) (map[string]int, error) {
	return queryPracticeCounts(ctx, tx,
		"SELECT practice, count(*) FROM entry_practices WHERE user_id = ? AND occurred_on BETWEEN ? AND ? GROUP BY practice",
		userID, from, to)
}

// queryPracticeCounts runs a query of (practice, count) rows into a map that
// holds all six practices.
func queryPracticeCounts(ctx context.Context, q queryer, query string, args ...any) (map[string]int, error) {
	counts := journal.NewPracticeCounts()
	err := eachCount(ctx, q, "practice counts", func(k string, n int) { counts[k] = n }, query, args...)
	if err != nil {
		return nil, err
	}
	return counts, nil
}

func weekPractices(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, _ string) error {
	var err error
	if s.Practices, err = practiceCounts(ctx, tx, userID, s.Week.Start, s.Week.End); err != nil {
		return err
	}
	s.Neglected = journal.Zeros(s.Practices)
	err = tx.QueryRowContext(ctx, qEntriesBetween,
		userID, s.Week.Start, s.Week.End).Scan(&s.Total)
	if err != nil {
		return fmt.Errorf("week total: %w", err)
	}
	return nil
}

// weekBossesQuery counts the week's entries per boss. "+boss_id" keeps the
// planner on the (user, date) index: grouping by the bare column lets it
// pick (user, boss, date) for its order and, without statistics, read the
// user's whole history.
const weekBossesQuery = `SELECT b.id, b.public_id, b.name, c.n FROM
	(SELECT boss_id, count(*) AS n FROM entries WHERE user_id = ? AND occurred_on BETWEEN ? AND ? GROUP BY +boss_id) c
	JOIN bosses b ON b.id = c.boss_id
	ORDER BY c.n DESC, b.name COLLATE NOCASE`

func weekBosses(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, _ string) error {
	rows, err := tx.QueryContext(ctx, weekBossesQuery, userID, s.Week.Start, s.Week.End)
	if err != nil {
		return fmt.Errorf("week bosses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b journal.BossCount
		if err := rows.Scan(&b.BossID, &b.PublicID, &b.Name, &b.Count); err != nil {
			return err
		}
		s.Bosses = append(s.Bosses, b)
	}
	return rows.Err()
}

func weekFollowUps(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, today string) error {
	f := &s.FollowUps
	err := tx.QueryRowContext(ctx,
		`SELECT count(*) FROM entries e JOIN followups f ON f.entry_id = e.id
		 WHERE e.user_id = ? AND e.occurred_on BETWEEN ? AND ? AND f.withdrawn_at IS NULL`, userID, s.Week.Start, s.Week.End).Scan(&f.Opened)
	if err != nil {
		return fmt.Errorf("follow-ups opened: %w", err)
	}
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM followups WHERE user_id = ? AND done_on BETWEEN ? AND ? AND withdrawn_at IS NULL",
		userID, s.Week.Start, s.Week.End).Scan(&f.Done)
	if err != nil {
		return fmt.Errorf("follow-ups done: %w", err)
	}
	err = tx.QueryRowContext(ctx, qFollowUpsOverdue,
		userID, today).Scan(&f.Overdue)
	if err != nil {
		return fmt.Errorf("follow-ups overdue: %w", err)
	}
	// Judged by the ledger's rule: a follow-up due later in the week (or
	// today) and still open is not yet due, so it does not count as missed.
	gs, err := promiseGroups(ctx, tx, userID, 0, s.Week.Start, s.Week.End, today)
	if err != nil {
		return err
	}
	s.Promises = journal.LedgerOf(gs)
	f.Mine, f.Boss = s.Promises.Me.OnTimeOf(), s.Promises.Boss.OnTimeOf()
	return nil
}

func weekNeglect(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, _ string) error {
	counts, err := practiceCounts(ctx, tx, userID, s.Week.Add(-3).Start, s.Week.End)
	if err != nil {
		return err
	}
	first, err := firstEntryDate(ctx, tx, userID)
	if err != nil {
		return err
	}
	s.NeglectedFourWeeks = journal.NeglectedFourWeeks(counts, first, s.Week)
	return nil
}

// firstEntryDate is the date of the user's earliest entry, "" without one:
// the user's history, which the neglect rules judge by.
func firstEntryDate(ctx context.Context, tx *sql.Tx, userID int64) (string, error) {
	var first sql.NullString
	if err := tx.QueryRowContext(ctx, "SELECT min(occurred_on) FROM entries WHERE user_id = ?", userID).Scan(&first); err != nil {
		return "", fmt.Errorf("first entry: %w", err)
	}
	return first.String, nil
}

// weekQuietBosses finds active bosses whose last entry (up to the week's
// end) is older than journal.QuietWeeks weeks, by the entries, not by when
// the boss row was made, so back-filled history counts.
func weekQuietBosses(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, _ string) error {
	first, err := firstEntryDate(ctx, tx, userID)
	if err != nil {
		return err
	}
	if first > s.Week.End {
		first = ""
	}
	query := `SELECT b.id, b.name, coalesce((SELECT max(e.occurred_on) FROM entries e
		   WHERE e.user_id = b.user_id AND e.boss_id = b.id AND e.occurred_on <= ?), '')
		 FROM bosses b WHERE b.user_id = ? AND b.archived = 0
		 ORDER BY b.name COLLATE NOCASE`
	return eachRow(ctx, tx, "quiet bosses", func(rows *sql.Rows) error {
		var q journal.QuietBoss
		if err := rows.Scan(&q.BossID, &q.Name, &q.LastEntry); err != nil {
			return err
		}
		if journal.IsQuiet(q.LastEntry, first, s.Week) {
			s.QuietBosses = append(s.QuietBosses, q)
		}
		return nil
	}, query, s.Week.End, userID)
}

// weekTrend counts the 12 weeks ending with this one, oldest first.
func weekTrend(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, _ string) error {
	first := s.Week.Add(-11)
	byStart := map[string]*journal.TrendWeek{}
	for i := range 12 {
		w := first.Add(i)
		s.Trend = append(s.Trend, journal.TrendWeek{Week: w, Practices: journal.NewPracticeCounts()})
	}
	for i := range s.Trend {
		byStart[s.Trend[i].Week.Start] = &s.Trend[i]
	}
	weekOf := func(date string) *journal.TrendWeek { return byStart[journal.WeekOfDate(date).Start] }

	query := `SELECT occurred_on, practice, count(*) FROM entry_practices
		 WHERE user_id = ? AND occurred_on BETWEEN ? AND ? GROUP BY occurred_on, practice`
	err := eachRow(ctx, tx, "trend", func(rows *sql.Rows) error {
		var date, k string
		var n int
		if err := rows.Scan(&date, &k, &n); err != nil {
			return err
		}
		if tw := weekOf(date); tw != nil {
			tw.Practices[k] += n
		}
		return nil
	}, query, userID, first.Start, s.Week.End)
	if err != nil {
		return err
	}
	query = "SELECT occurred_on, count(*) FROM entries WHERE user_id = ? AND occurred_on BETWEEN ? AND ? GROUP BY occurred_on"
	return eachCount(ctx, tx, "trend totals", func(date string, n int) {
		if tw := weekOf(date); tw != nil {
			tw.Total += n
		}
	}, query,
		userID, first.Start, s.Week.End)
}

// weekStreak counts consecutive weeks with at least one entry, ending with
// this week (or, while this week is still empty, the week before), walking
// back one index probe per week and stopping at MaxStreak.
func weekStreak(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, today string) error {
	w := journal.StreakStart(s.Week, s.Total, today)
	var rows int
	err := tx.QueryRowContext(ctx,
		`WITH RECURSIVE weeks(n, s, e) AS (
		   SELECT 0, ?, ?
		   UNION ALL
		   SELECT n + 1, date(s, '-7 days'), date(e, '-7 days') FROM weeks
		   WHERE n < ? AND EXISTS (SELECT 1 FROM entries WHERE user_id = ? AND occurred_on BETWEEN weeks.s AND weeks.e)
		 )
		 SELECT count(*) FROM weeks`, w.Start, w.End, journal.MaxStreak, userID).Scan(&rows)
	if err != nil {
		return fmt.Errorf("streak: %w", err)
	}
	// Row n+1 exists only when week n had an entry.
	s.Streak = rows - 1
	s.StreakCapped = s.Streak >= journal.MaxStreak
	return nil
}

func weekEntries(ctx context.Context, tx *sql.Tx, userID int64, s *journal.WeekSummary, _ string) error {
	var err error
	s.Entries, err = queryEntries(ctx, tx, userID,
		"SELECT "+entryColumns+" FROM entries e"+entryJoins+
			" WHERE e.user_id = ? AND e.occurred_on BETWEEN ? AND ? ORDER BY e.occurred_on, e.id LIMIT ?",
		userID, s.Week.Start, s.Week.End, maxWeekEntries)
	return err
}

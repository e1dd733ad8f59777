package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// maxReviewPriorities bounds the priorities a review lists.
const maxReviewPriorities = 50

// ReviewData reads the review composer's page for one period in one read
// transaction. Its cost is bounded whatever the period: months come from
// the practice_months aggregate (only the two edge months read tags), and
// each practice reads at most journal.ReviewCandidates entries. A boss id
// that is not the user's is ENOTFOUND.
func (db *DB) ReviewData(ctx context.Context, userID int64, f journal.ReviewFilter, today string) (*journal.Review, error) {
	r := &journal.Review{Filter: f, Today: today}
	steps := []func(context.Context, *sql.Tx, int64, *journal.Review) error{
		reviewBoss, reviewBosses, reviewMonths, reviewPractices, reviewPriorities, reviewPromises, reviewProblems, reviewBets, reviewForecasts,
	}
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		for _, step := range steps {
			if err := step(ctx, tx, userID, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// reviewBoss names the period's boss, when it has one.
func reviewBoss(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	if r.Filter.BossID == 0 {
		return nil
	}
	err := tx.QueryRowContext(ctx, "SELECT name FROM bosses WHERE user_id = ? AND id = ?", userID, r.Filter.BossID).Scan(&r.BossName)
	if err == sql.ErrNoRows {
		return errBossNotFound
	}
	if err != nil {
		return fmt.Errorf("review boss: %w", err)
	}
	return nil
}

// reviewForecasts measures the forecasts raised in the period, with the
// period's boss when it has one.
func reviewForecasts(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	dates, err := raisedForecasts(ctx, tx, userID, r.Filter.BossID, r.Filter.From, r.Filter.To)
	if err != nil {
		return fmt.Errorf("review forecasts: %w", err)
	}
	if len(dates) > 0 {
		n := journal.NoSurprisesOf(dates)
		r.Forecasts = &n
	}
	return nil
}

// reviewBosses lists the user's bosses for the filter, active first.
func reviewBosses(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	var err error
	query := "SELECT id, name, archived FROM bosses WHERE user_id = ? ORDER BY archived, name COLLATE NOCASE, id"
	r.Bosses, err = queryAll(ctx, tx, "review bosses", func(row scanner) (journal.BossChoice, error) {
		var b journal.BossChoice
		err := row.Scan(&b.ID, &b.Name, &b.Archived)
		return b, err
	}, query, userID)
	return err
}

// monthBounds returns the first and last day of a YYYY-MM month.
func monthBounds(m string) (string, string) {
	t, _ := time.Parse("2006-01", m)
	return t.Format(journal.DateLayout), t.AddDate(0, 1, -1).Format(journal.DateLayout)
}

// reviewMonths counts tags per month and practice: whole months from the
// aggregate, the partial months at either end from the tags themselves.
func reviewMonths(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	f := r.Filter
	byMonth := map[string]*journal.MonthCount{}
	var full []string
	for _, m := range journal.Months(f.From, f.To) {
		r.Months = append(r.Months, journal.MonthCount{Month: m, Practices: journal.NewPracticeCounts()})
		start, end := monthBounds(m)
		if start >= f.From && end <= f.To {
			full = append(full, m)
		}
	}
	for i := range r.Months {
		byMonth[r.Months[i].Month] = &r.Months[i]
	}
	// scan adds (sign 1) or takes away (sign -1) rows of (month, practice, n).
	scan := func(sign int, query string, args ...any) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("review months: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var m, k string
			var n int
			if err := rows.Scan(&m, &k, &n); err != nil {
				return err
			}
			if mc := byMonth[m]; mc != nil {
				mc.Practices[k] += sign * n
				mc.Total += sign * n
			}
		}
		return rows.Err()
	}
	aggregate := func(first, last string) error {
		cond, args := bossCond("boss_id", f.BossID, []any{userID, first, last})
		return scan(1, "SELECT month, practice, sum(n) FROM practice_months WHERE user_id = ? AND month BETWEEN ? AND ?"+cond+" GROUP BY month, practice", args...)
	}
	tags := func(sign int, from, to string) error {
		cond, args := bossCond("boss_id", f.BossID, []any{userID, from, to})
		return scan(sign, "SELECT substr(occurred_on, 1, 7), practice, count(*) FROM entry_practices WHERE user_id = ? AND occurred_on BETWEEN ? AND ?"+cond+" GROUP BY 1, 2", args...)
	}
	if len(full) > 0 {
		if err := aggregate(full[0], full[len(full)-1]); err != nil {
			return err
		}
	}
	// A partial month at an end reads the fewer tags: those in the period,
	// or the month's aggregate less those outside it (when the period ends
	// today, the rest of the month is empty).
	for _, m := range []string{r.Months[0].Month, r.Months[len(r.Months)-1].Month} {
		if len(full) > 0 && m >= full[0] && m <= full[len(full)-1] {
			continue
		}
		mStart, mEnd := monthBounds(m)
		start, end := max(mStart, f.From), min(mEnd, f.To)
		inside := journal.DaysBetween(start, end) + 1
		var err error
		switch {
		case start > mStart && end < mEnd, 2*inside <= journal.DaysBetween(mStart, mEnd)+1:
			err = tags(1, start, end)
		case start > mStart:
			if err = aggregate(m, m); err == nil {
				err = tags(-1, mStart, journal.AddDays(start, -1))
			}
		default:
			if err = aggregate(m, m); err == nil {
				err = tags(-1, journal.AddDays(end, 1), mEnd)
			}
		}
		if err != nil {
			return err
		}
		if len(r.Months) == 1 {
			break
		}
	}
	cond, args := bossCond("boss_id", f.BossID, []any{userID, f.From, f.To})
	var one int
	err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM entries WHERE user_id = ? AND occurred_on BETWEEN ? AND ?"+cond+")", args...).Scan(&one)
	if err != nil {
		return fmt.Errorf("review has entries: %w", err)
	}
	r.HasEntries = one == 1
	return nil
}

// reviewPractices reads, per practice, the latest journal.ReviewCandidates
// entries of the period with their evidence signals, and keeps the
// strongest.
func reviewPractices(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	f := r.Filter
	var strongest []*journal.Entry
	for _, p := range journal.Practices {
		rp := journal.ReviewPractice{Key: p.Key, Label: p.Label}
		for _, m := range r.Months {
			rp.Count += m.Practices[p.Key]
		}
		cond, args := bossCond("boss_id", f.BossID, []any{userID, p.Key, f.From, f.To})
		cands, err := queryAll(ctx, tx, "review candidates", scanCandidate,
			`SELECT `+entryColumns+`,
			   (SELECT count(*) FROM followups fu WHERE fu.entry_id = e.id AND fu.promise_state = 'on_time'),
			   EXISTS (SELECT 1 FROM problems pb WHERE pb.entry_id = e.id AND pb.decision <> 'open'),
			   EXISTS (SELECT 1 FROM bets bt WHERE bt.entry_id = e.id AND bt.outcome IS NOT NULL)
			 FROM (SELECT entry_id FROM entry_practices WHERE user_id = ? AND practice = ? AND occurred_on BETWEEN ? AND ?`+cond+`
			       ORDER BY occurred_on DESC, entry_id DESC LIMIT ?) c
			 JOIN entries e ON e.id = c.entry_id`+entryJoins, append(args, journal.ReviewCandidates)...)
		if err != nil {
			return err
		}
		rp.Entries = journal.SelectStrongest(cands, journal.ReviewStrongest)
		for _, ev := range rp.Entries {
			strongest = append(strongest, ev.Entry)
		}
		r.Practices = append(r.Practices, rp)
	}
	// Only the strongest are shown: they alone are filled, in one step.
	return fillEntries(ctx, tx, userID, strongest)
}

// scanCandidate scans an entry followed by what it showed: follow-ups
// kept, a problem decided, a bet reviewed.
func scanCandidate(row scanner) (journal.Evidence, error) {
	var e journal.Entry
	ev := journal.Evidence{Entry: &e}
	if err := scanOne(row, errEntryNotFound, "entry", entryDest(&e, &ev.Kept, &ev.Decided, &ev.BetReviewed)...); err != nil {
		return ev, err
	}
	ev.Priority = e.PriorityID != 0
	return ev, nil
}

// reviewPriorities counts each priority's entries in the period through
// entries_priority_date_idx: one index range per priority.
func reviewPriorities(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	f := r.Filter
	cond, args := bossCond("p.boss_id", f.BossID, []any{f.From, f.To, userID})
	query := `SELECT public_id, text, status, name, n FROM (
		   SELECT p.public_id, p.text, p.status, b.name,
		     (SELECT count(*) FROM entries e WHERE e.priority_id = p.id AND e.occurred_on BETWEEN ? AND ?) AS n
		   FROM priorities p JOIN bosses b ON b.id = p.boss_id WHERE p.user_id = ?` + cond + `)
		 WHERE n > 0 ORDER BY n DESC, text COLLATE NOCASE LIMIT ?`
	return eachRow(ctx, tx, "review priorities", func(rows *sql.Rows) error {
		var p journal.PriorityServed
		if err := rows.Scan(&p.PublicID, &p.Text, &p.Status, &p.BossName, &p.Entries); err != nil {
			return err
		}
		r.Priorities = append(r.Priorities, p)
		return nil
	}, query, append(args, maxReviewPriorities)...)
}

func reviewPromises(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	gs, err := promiseGroups(ctx, tx, userID, r.Filter.BossID, r.Filter.From, r.Filter.To, r.Today)
	if err != nil {
		return err
	}
	r.Promises = journal.LedgerOf(gs)
	return nil
}

// reviewProblems counts the problems raised in the period by their
// decision now.
func reviewProblems(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	f := r.Filter
	cond, args := bossCond("boss_id", f.BossID, []any{userID, f.From, f.To})
	ps := &r.Problems
	query := "SELECT decision, count(*) FROM problems WHERE user_id = ? AND occurred_on BETWEEN ? AND ?" + cond + " GROUP BY decision"
	return eachCount(ctx, tx, "review problems", func(d string, n int) {
		ps.Raised += n
		if d == "open" {
			ps.Open += n
		}
		ps.AddDecision(d, n)
	}, query, args...)
}

// reviewBets counts the bets placed in the period by their outcome now;
// Due is the ones still waiting whose review date has passed.
func reviewBets(ctx context.Context, tx *sql.Tx, userID int64, r *journal.Review) error {
	f := r.Filter
	cond, args := bossCond("boss_id", f.BossID, []any{r.Today, userID, f.From, f.To})
	bs := &r.Bets
	query := "SELECT coalesce(outcome, ''), review_on < ?, count(*) FROM bets WHERE user_id = ? AND occurred_on BETWEEN ? AND ?" + cond + " GROUP BY 1, 2"
	return eachRow(ctx, tx, "review bets", func(rows *sql.Rows) error {
		var o string
		var past bool
		var n int
		if err := rows.Scan(&o, &past, &n); err != nil {
			return err
		}
		bs.Placed += n
		if o == "" && past {
			bs.Due += n
		}
		bs.AddOutcome(o, n)
		return nil
	}, query, args...)
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

const sourceUserColumns = "u.id, u.public_id, u.email, u.display_name, u.timezone"

// The queries of an idle pass. Each searches a partial index on the due
// time (a test reads their plans).
const (
	dueSchedulesQuery = "SELECT " + sourceUserColumns + ", s.next_due_at, " + scheduleColumns +
		" FROM schedules s" + scheduleJoins + " JOIN users u ON u.id = s.user_id WHERE s.next_due_at <= ?"
	dueSettingsQuery = "SELECT " + sourceUserColumns + ", n.%[1]s, n.weekly_review, n.weekly_day, n.weekly_time, n.followups_digest, n.digest_time" +
		" FROM notification_settings n JOIN users u ON u.id = n.user_id WHERE n.%[1]s <= ?"
	retryableClaimsQuery = "SELECT " + claimColumns + " FROM reminder_claims WHERE retry_at <= ? ORDER BY retry_at"
)

// DueReminderSources returns every schedule and setting whose stored next
// time is at or before now. Each query reads a partial index on that time,
// so a pass with nothing due reads no user at all.
func (db *DB) DueReminderSources(ctx context.Context, now time.Time) ([]*journal.ReminderSource, error) {
	tx, done, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer done()
	var out []*journal.ReminderSource
	rows, err := tx.QueryContext(ctx, dueSchedulesQuery, now.Unix())
	if err != nil {
		return nil, fmt.Errorf("due schedules: %w", err)
	}
	for rows.Next() {
		src := &journal.ReminderSource{Kind: journal.KindAfterMeeting, Schedule: &journal.Schedule{}}
		var due int64
		var days string
		s := src.Schedule
		if err := rows.Scan(&src.User.ID, &src.User.PublicID, &src.User.Email, &src.User.DisplayName, &src.User.TimeZone, &due,
			&s.ID, &s.PublicID, &s.UserID, &s.BossID, &s.BossPublicID, &s.BossName, &days, &s.Time, &s.DurationMin,
			&s.EveryWeeks, &s.StartsOn, &s.Remind); err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan due schedule: %w", err)
		}
		if s.Weekdays, err = splitWeekdays(days); err != nil {
			rows.Close()
			return nil, err
		}
		src.DueAt = time.Unix(due, 0)
		out = append(out, src)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, k := range []struct{ kind, column string }{
		{journal.KindWeeklyReview, "weekly_next_at"},
		{journal.KindFollowUpsDigest, "digest_next_at"},
	} {
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(dueSettingsQuery, k.column), now.Unix())
		if err != nil {
			return nil, fmt.Errorf("due %s: %w", k.kind, err)
		}
		for rows.Next() {
			src := &journal.ReminderSource{Kind: k.kind}
			var due int64
			n := &src.Settings
			if err := rows.Scan(&src.User.ID, &src.User.PublicID, &src.User.Email, &src.User.DisplayName, &src.User.TimeZone, &due,
				&n.WeeklyReview, &n.WeeklyDay, &n.WeeklyTime, &n.FollowUpsDigest, &n.DigestTime); err != nil {
				rows.Close()
				return nil, fmt.Errorf("scan due %s: %w", k.kind, err)
			}
			src.DueAt = time.Unix(due, 0)
			out = append(out, src)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ClaimFirings claims each firing of src that no pass has claimed yet and
// moves src's stored time on to next (nothing when next is zero), in one
// transaction. It returns the claims this call won: only their sender may
// send them.
func (db *DB) ClaimFirings(ctx context.Context, src *journal.ReminderSource, firings []journal.Firing, next time.Time, messageID func(journal.Firing) string) ([]journal.Claim, error) {
	now := db.Now()
	var won []journal.Claim
	err := db.tx(ctx, func(tx *sql.Tx) error {
		won = won[:0]
		for _, f := range firings {
			c := journal.Claim{UserID: src.User.ID, Kind: f.Kind, Period: f.Period, FireAt: f.At, State: journal.ClaimSending,
				Attempts: 1, MessageID: messageID(f), RetryAt: now.Add(journal.SendLease), UpdatedAt: now}
			res, err := tx.ExecContext(ctx,
				`INSERT INTO reminder_claims (user_id, kind, period, fire_at, state, attempts, message_id, retry_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
				c.UserID, c.Kind, c.Period, c.FireAt.Unix(), c.State, c.Attempts, c.MessageID, c.RetryAt.Unix(), now.Unix())
			if err != nil {
				return fmt.Errorf("claim reminder: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 1 {
				won = append(won, c)
			}
		}
		return advanceSource(ctx, tx, src, next)
	})
	return won, err
}

// advanceSource stores src's next time, unless the user changed the
// setting since it was read (its stored time is then no longer DueAt).
func advanceSource(ctx context.Context, tx *sql.Tx, src *journal.ReminderSource, next time.Time) error {
	var nextAt any
	if !next.IsZero() {
		nextAt = next.Unix()
	}
	var err error
	switch src.Kind {
	case journal.KindAfterMeeting:
		_, err = tx.ExecContext(ctx, "UPDATE schedules SET next_due_at = ? WHERE user_id = ? AND id = ? AND next_due_at = ?",
			nextAt, src.User.ID, src.Schedule.ID, src.DueAt.Unix())
	case journal.KindWeeklyReview:
		_, err = tx.ExecContext(ctx, "UPDATE notification_settings SET weekly_next_at = ? WHERE user_id = ? AND weekly_next_at = ?",
			nextAt, src.User.ID, src.DueAt.Unix())
	case journal.KindFollowUpsDigest:
		_, err = tx.ExecContext(ctx, "UPDATE notification_settings SET digest_next_at = ? WHERE user_id = ? AND digest_next_at = ?",
			nextAt, src.User.ID, src.DueAt.Unix())
	}
	if err != nil {
		return fmt.Errorf("advance %s: %w", src.Kind, err)
	}
	return nil
}

const claimColumns = "user_id, kind, period, fire_at, state, attempts, last_error, message_id, coalesce(retry_at, 0), updated_at"

// RetryableClaims returns claims whose retry time has come: failed ones
// past their backoff and ones whose sender died holding the lease.
func (db *DB) RetryableClaims(ctx context.Context, now time.Time) ([]journal.Claim, error) {
	return db.findClaims(ctx, retryableClaimsQuery, now.Unix())
}

// RetakeClaim takes a retryable claim for one more attempt; it reports
// false when another pass took it first.
func (db *DB) RetakeClaim(ctx context.Context, c *journal.Claim) (bool, error) {
	now := db.Now()
	var won bool
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`UPDATE reminder_claims SET state = 'sending', attempts = attempts + 1, retry_at = ?, updated_at = ?
			 WHERE user_id = ? AND kind = ? AND period = ? AND retry_at = ?`,
			now.Add(journal.SendLease).Unix(), now.Unix(), c.UserID, c.Kind, c.Period, c.RetryAt.Unix())
		if err != nil {
			return fmt.Errorf("retake claim: %w", err)
		}
		n, _ := res.RowsAffected()
		won = n == 1
		return nil
	})
	if won {
		c.Attempts++
		c.State = journal.ClaimSending
	}
	return won, err
}

// SettleClaim records the outcome of an attempt: sent, skipped, or failed
// with its error and, while attempts remain, when to try again.
func (db *DB) SettleClaim(ctx context.Context, c journal.Claim) error {
	var retry any
	if !c.RetryAt.IsZero() {
		retry = c.RetryAt.Unix()
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			"UPDATE reminder_claims SET state = ?, last_error = ?, retry_at = ?, updated_at = ? WHERE user_id = ? AND kind = ? AND period = ?",
			c.State, c.LastError, retry, db.Now().Unix(), c.UserID, c.Kind, c.Period)
		if err != nil {
			return fmt.Errorf("settle claim: %w", err)
		}
		return nil
	})
}

// maxFailedShown bounds the failed reminders the settings page lists.
const maxFailedShown = 5

// FindFailedReminders returns the user's latest reminders that could not be
// sent, newest first.
func (db *DB) FindFailedReminders(ctx context.Context, userID int64) ([]journal.Claim, error) {
	return db.findClaims(ctx, "SELECT "+claimColumns+" FROM reminder_claims WHERE user_id = ? AND state = 'failed' ORDER BY updated_at DESC LIMIT ?",
		userID, maxFailedShown)
}

// FindClaim returns one claim, for tests and tools.
func (db *DB) FindClaim(ctx context.Context, userID int64, kind, period string) (*journal.Claim, error) {
	list, err := db.findClaims(ctx, "SELECT "+claimColumns+" FROM reminder_claims WHERE user_id = ? AND kind = ? AND period = ?", userID, kind, period)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, journal.Errorf(journal.ENOTFOUND, "No such reminder.")
	}
	return &list[0], nil
}

func (db *DB) findClaims(ctx context.Context, q string, args ...any) ([]journal.Claim, error) {
	return queryAll(ctx, db.reader(), "find claims", scanClaim, q, args...)
}

func scanClaim(row scanner) (journal.Claim, error) {
	var c journal.Claim
	var fire, retry, updated int64
	if err := row.Scan(&c.UserID, &c.Kind, &c.Period, &fire, &c.State, &c.Attempts, &c.LastError, &c.MessageID, &retry, &updated); err != nil {
		return c, fmt.Errorf("scan claim: %w", err)
	}
	c.FireAt, c.UpdatedAt = time.Unix(fire, 0), time.Unix(updated, 0)
	if retry != 0 {
		c.RetryAt = time.Unix(retry, 0)
	}
	return c, nil
}

// HasEntryWithBoss reports whether the user wrote an entry with the boss
// on a local date: then the after-1:1 reminder has nothing to ask.
func (db *DB) HasEntryWithBoss(ctx context.Context, userID, bossID int64, date string) (bool, error) {
	var n int
	err := db.reader().QueryRowContext(ctx,
		"SELECT count(*) FROM entries WHERE user_id = ? AND boss_id = ? AND occurred_on = ?", userID, bossID, date).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("entry with boss: %w", err)
	}
	return n > 0, nil
}

// FindOpenFollowUpsWithDueDate returns the user's open follow-ups due on or
// before `through` (a local date; "" for any date), soonest first: the one
// query behind the daily digest, the weekly review mail and the calendar
// feed.
func (db *DB) FindOpenFollowUpsWithDueDate(ctx context.Context, userID int64, through string, limit int) ([]*journal.FollowUp, error) {
	q := "SELECT " + followUpColumns + " FROM followups f" + followUpJoins +
		" WHERE f.user_id = ? AND f.done_at IS NULL AND f.due_on IS NOT NULL"
	args := []any{userID}
	if through != "" {
		q += " AND f.due_on <= ?"
		args = append(args, through)
	}
	q += " ORDER BY f.due_on, f.id LIMIT ?"
	return db.findFollowUps(ctx, q, append(args, limit)...)
}

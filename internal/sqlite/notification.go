package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// FindNotificationSettings returns the user's reminder settings, the
// defaults (everything off) when the form was never saved.
func (db *DB) FindNotificationSettings(ctx context.Context, userID int64) (journal.NotificationSettings, error) {
	return findNotificationSettings(ctx, db.reader(), userID)
}

func findNotificationSettings(ctx context.Context, q rowQueryer, userID int64) (journal.NotificationSettings, error) {
	n := journal.DefaultNotificationSettings()
	err := q.QueryRowContext(ctx,
		"SELECT weekly_review, weekly_day, weekly_time, followups_digest, digest_time FROM notification_settings WHERE user_id = ?", userID).
		Scan(&n.WeeklyReview, &n.WeeklyDay, &n.WeeklyTime, &n.FollowUpsDigest, &n.DigestTime)
	if errors.Is(err, sql.ErrNoRows) {
		return n, nil
	}
	if err != nil {
		return n, fmt.Errorf("find notification settings: %w", err)
	}
	return n, nil
}

// FindSavedNotificationSettings returns the user's reminder settings and
// whether the form was ever saved: an export of unsaved settings carries
// none, so that importing it leaves another account's settings alone.
func (db *DB) FindSavedNotificationSettings(ctx context.Context, userID int64) (journal.NotificationSettings, bool, error) {
	var n int
	if err := db.reader().QueryRowContext(ctx, "SELECT count(*) FROM notification_settings WHERE user_id = ?", userID).Scan(&n); err != nil {
		return journal.NotificationSettings{}, false, fmt.Errorf("find notification settings: %w", err)
	}
	s, err := findNotificationSettings(ctx, db.reader(), userID)
	return s, n > 0, err
}

// SaveNotificationSettings stores the user's reminder settings and when
// each opted-in mail is next due.
func (db *DB) SaveNotificationSettings(ctx context.Context, userID int64, n journal.NotificationSettings) error {
	return db.tx(ctx, func(tx *sql.Tx) error { return db.saveNotificationSettings(ctx, tx, userID, n) })
}

func (db *DB) saveNotificationSettings(ctx context.Context, tx *sql.Tx, userID int64, n journal.NotificationSettings) error {
	loc, err := userZone(ctx, tx, userID)
	if err != nil {
		return err
	}
	old, err := findNotificationSettings(ctx, tx, userID)
	if err != nil {
		return err
	}
	if (n.WeeklyReview && !old.WeeklyReview) || (n.FollowUpsDigest && !old.FollowUpsDigest) {
		if err := bumpReminderEpoch(ctx, tx, userID); err != nil {
			return err
		}
	}
	now := db.Now()
	weekly, digest := notificationNextDue(n, loc, now)
	_, err = tx.ExecContext(ctx,
		`INSERT INTO notification_settings (user_id, weekly_review, weekly_day, weekly_time, followups_digest, digest_time, weekly_next_at, digest_next_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT (user_id) DO UPDATE SET weekly_review = excluded.weekly_review, weekly_day = excluded.weekly_day,
		   weekly_time = excluded.weekly_time, followups_digest = excluded.followups_digest, digest_time = excluded.digest_time,
		   weekly_next_at = excluded.weekly_next_at, digest_next_at = excluded.digest_next_at, updated_at = excluded.updated_at`,
		userID, n.WeeklyReview, n.WeeklyDay, n.WeeklyTime, n.FollowUpsDigest, n.DigestTime, weekly, digest, formatTime(now))
	if err != nil {
		return fmt.Errorf("save notification settings: %w", err)
	}
	return nil
}

// notificationNextDue returns weekly_next_at and digest_next_at. A new
// setting counts from now, so saving the form never sends a mail for a
// minute that has already passed.
func notificationNextDue(n journal.NotificationSettings, loc *time.Location, now time.Time) (weekly, digest any) {
	if n.WeeklyReview {
		if t, ok := journal.NextFiring(now, loc, n.WeeklyFirings); ok {
			weekly = t.Unix()
		}
	}
	if n.FollowUpsDigest {
		if t, ok := journal.NextFiring(now, loc, n.DigestFirings); ok {
			digest = t.Unix()
		}
	}
	return weekly, digest
}

// RescheduleReminders works out again when each of the user's reminders is
// due, after a change of time zone.
func (db *DB) RescheduleReminders(ctx context.Context, userID int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		n, err := findNotificationSettings(ctx, tx, userID)
		if err != nil {
			return err
		}
		if n.WeeklyReview || n.FollowUpsDigest {
			if err := db.saveNotificationSettings(ctx, tx, userID, n); err != nil {
				return err
			}
		}
		list, err := findSchedules(ctx, tx, userID)
		if err != nil {
			return err
		}
		for _, s := range list {
			if err := db.upsertSchedule(ctx, tx, userID, s.BossID, *s); err != nil {
				return err
			}
		}
		return nil
	})
}

// Unsubscribe turns one kind of reminder off for the user: the weekly
// review, the digest, or the after-1:1 reminders of every schedule. epoch
// is the one the unsubscribe link carries: a link from before the user
// last turned a reminder on changes nothing and answers ECONFLICT.
func (db *DB) Unsubscribe(ctx context.Context, userID int64, kind string, epoch int64) error {
	var q string
	switch kind {
	case journal.KindWeeklyReview:
		q = "UPDATE notification_settings SET weekly_review = 0, weekly_next_at = NULL, updated_at = ? WHERE user_id = ?"
	case journal.KindFollowUpsDigest:
		q = "UPDATE notification_settings SET followups_digest = 0, digest_next_at = NULL, updated_at = ? WHERE user_id = ?"
	case journal.KindAfterMeeting:
		q = "UPDATE schedules SET remind = 0, next_due_at = NULL, updated_at = ? WHERE user_id = ?"
	default:
		return journal.Errorf(journal.EINVALID, "Unknown reminder.")
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		current, err := reminderEpoch(ctx, tx, userID)
		if err != nil {
			return err
		}
		if epoch != current {
			return journal.ErrStaleUnsubscribe
		}
		if _, err := tx.ExecContext(ctx, q, formatTime(db.Now()), userID); err != nil {
			return fmt.Errorf("unsubscribe: %w", err)
		}
		return nil
	})
}

// ReminderEpoch returns the user's reminder epoch: how many times they
// have turned a reminder on. Unsubscribe links carry it.
func (db *DB) ReminderEpoch(ctx context.Context, userID int64) (int64, error) {
	return reminderEpoch(ctx, db.reader(), userID)
}

func reminderEpoch(ctx context.Context, q rowQueryer, userID int64) (int64, error) {
	var epoch int64
	err := q.QueryRowContext(ctx, "SELECT epoch FROM reminder_epochs WHERE user_id = ?", userID).Scan(&epoch)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find reminder epoch: %w", err)
	}
	return epoch, nil
}

// bumpReminderEpoch moves the user's reminder epoch on, when a reminder
// is turned on: the unsubscribe links of every earlier mail stop working.
func bumpReminderEpoch(ctx context.Context, tx *sql.Tx, userID int64) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO reminder_epochs (user_id, epoch) VALUES (?, 1) ON CONFLICT (user_id) DO UPDATE SET epoch = epoch + 1", userID)
	if err != nil {
		return fmt.Errorf("move reminder epoch on: %w", err)
	}
	return nil
}

// FindUserByPublicID returns the account with the given public id, for
// signed links that name a user.
func (db *DB) FindUserByPublicID(ctx context.Context, publicID string) (*journal.User, error) {
	return scanUser(db.reader().QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE public_id = ?", publicID))
}

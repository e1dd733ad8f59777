package sqlite

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// NotificationsPage gathers the reminders and calendar settings page in
// one read transaction.
func (db *DB) NotificationsPage(ctx context.Context, userID int64) (*journal.NotificationsPage, error) {
	p := &journal.NotificationsPage{}
	err := db.View(ctx, func(db *DB) error {
		var err error
		if p.Settings, err = db.FindNotificationSettings(ctx, userID); err != nil {
			return err
		}
		if p.Failed, err = db.FindFailedReminders(ctx, userID); err != nil {
			return err
		}
		if p.Schedules, err = db.FindSchedules(ctx, userID); err != nil {
			return err
		}
		p.HasFeed, err = db.HasCalendarFeed(ctx, userID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// CalendarFeed gathers the feed a token opens, in one read transaction:
// its owner, their schedules and up to followUps open follow-ups with a
// due date. An unknown token is not found.
func (db *DB) CalendarFeed(ctx context.Context, token string, followUps int) (*journal.CalendarFeed, error) {
	f := &journal.CalendarFeed{}
	err := db.View(ctx, func(db *DB) error {
		var err error
		if f.User, err = db.FindUserByCalendarToken(ctx, token); err != nil {
			return err
		}
		if f.Schedules, err = db.FindSchedules(ctx, f.User.ID); err != nil {
			return err
		}
		f.FollowUps, err = db.FindOpenFollowUpsWithDueDate(ctx, f.User.ID, "", followUps)
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

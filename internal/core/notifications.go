package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// NotificationsPage is what the reminders and calendar settings page
// shows: the reminder settings, the reminders that could not be sent, the
// 1:1 schedules and whether a calendar feed exists.
type NotificationsPage struct {
	Settings  journal.NotificationSettings
	Failed    []journal.Claim
	Schedules []*journal.Schedule
	HasFeed   bool
}

// NotificationsPage reads the notification settings page in one snapshot.
func (c *Core) NotificationsPage(ctx context.Context, userID int64) (*NotificationsPage, error) {
	p := &NotificationsPage{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if p.Settings, err = tx.FindNotificationSettings(ctx, userID); err != nil {
			return err
		}
		if p.Failed, err = tx.FindFailedReminders(ctx, userID); err != nil {
			return err
		}
		if p.Schedules, err = tx.FindSchedules(ctx, userID); err != nil {
			return err
		}
		p.HasFeed, err = tx.HasCalendarFeed(ctx, userID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// SaveNotificationSettings saves the user's reminder settings.
func (c *Core) SaveNotificationSettings(ctx context.Context, userID int64, n journal.NotificationSettings) error {
	return c.db.SaveNotificationSettings(ctx, userID, n)
}

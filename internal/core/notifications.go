package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// NotificationsPage reads the notification settings page in one snapshot.
func (c *Core) NotificationsPage(ctx context.Context, userID int64) (*journal.NotificationsPage, error) {
	return c.db.NotificationsPage(ctx, userID)
}

// SaveNotificationSettings saves the user's reminder settings.
func (c *Core) SaveNotificationSettings(ctx context.Context, userID int64, n journal.NotificationSettings) error {
	return c.db.SaveNotificationSettings(ctx, userID, n)
}

package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// ExportVisitor receives the records of an export, in order.
type ExportVisitor = sqlite.ExportVisitor

// Reminders are what a full export carries beside the records: the 1:1
// schedules and the notification settings, nil when never saved.
type Reminders struct {
	Schedules []*journal.Schedule
	Settings  *journal.NotificationSettings
}

// Export streams every record of the user to v from one snapshot. When
// reminders is not nil, it is given the user's Reminders from the same
// snapshot before the first record.
func (c *Core) Export(ctx context.Context, userID int64, v ExportVisitor, reminders func(Reminders)) error {
	return c.db.View(ctx, func(tx *sqlite.DB) error {
		if reminders != nil {
			var rem Reminders
			var err error
			if rem.Schedules, err = tx.FindSchedules(ctx, userID); err != nil {
				return err
			}
			n, saved, err := tx.FindSavedNotificationSettings(ctx, userID)
			if err != nil {
				return err
			}
			if saved {
				rem.Settings = &n
			}
			reminders(rem)
		}
		return tx.Export(ctx, userID, v)
	})
}

package sqlite

import (
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// importReminders merges the schedules (one per boss, so an imported one
// replaces the boss's schedule) and the notification settings of an
// import. Calendar feeds are never in an export.
func (db *DB) importReminders(im *importer, imp *journal.Import) error {
	for i, s := range imp.Schedules {
		bossID, ok, err := im.lookup("bosses", s.BossPublicID)
		if err != nil {
			return err
		}
		if !ok {
			return &journal.Error{Code: journal.EINVALID, Message: fmt.Sprintf("schedules[%d]: boss_id: no boss with that id in the file or the account.", i)}
		}
		if err := db.upsertSchedule(im.ctx, im.tx, im.userID, bossID, *s); err != nil {
			return fmt.Errorf("schedules[%d]: %w", i, err)
		}
	}
	if imp.Notifications != nil {
		return db.saveNotificationSettings(im.ctx, im.tx, im.userID, *imp.Notifications)
	}
	return nil
}

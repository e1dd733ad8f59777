package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// ImportStream merges records into the user's account as read hands them
// over (see export.Stream), in one transaction: read returning an error
// writes nothing. Nothing but the record at hand is held, so an import of
// any size needs the memory of one record.
func (db *DB) ImportStream(ctx context.Context, userID int64, read func(journal.ImportSink) error) (journal.ImportResult, error) {
	var res journal.ImportResult
	err := db.tx(ctx, func(tx *sql.Tx) error {
		im := &importer{ctx: ctx, tx: tx, userID: userID, res: &res}
		if err := im.deferForeignKeys(); err != nil {
			return err
		}
		if err := read(importSink{db: db, im: im}); err != nil {
			return err
		}
		return im.flush()
	})
	return res, err
}

// importSink adapts the importer to journal.ImportSink.
type importSink struct {
	db *DB
	im *importer
}

func (s importSink) Boss(i int, b *journal.Boss) error {
	if err := s.im.boss(b); err != nil {
		return fmt.Errorf("bosses[%d]: %w", i, err)
	}
	return nil
}

func (s importSink) Priority(i int, p *journal.Priority) error { return s.im.priority(i, p) }

func (s importSink) Entry(i int, e *journal.Entry) error { return s.im.entry(i, e) }

// Schedule merges a boss's schedule: one per boss, so an imported one
// replaces the boss's schedule.
func (s importSink) Schedule(i int, sc *journal.Schedule) error {
	bossID, ok, err := s.im.lookup("bosses", sc.BossPublicID)
	if err != nil {
		return err
	}
	if !ok {
		return invalidRef(fmt.Sprintf("schedules[%d].boss_id", i), "bosses", sc.BossPublicID)
	}
	if err := s.db.upsertSchedule(s.im.ctx, s.im.tx, s.im.userID, bossID, *sc); err != nil {
		return fmt.Errorf("schedules[%d]: %w", i, err)
	}
	return nil
}

// Notifications saves the file's reminder settings. Calendar feeds are
// never in an export.
func (s importSink) Notifications(n *journal.NotificationSettings) error {
	return s.db.saveNotificationSettings(s.im.ctx, s.im.tx, s.im.userID, *n)
}

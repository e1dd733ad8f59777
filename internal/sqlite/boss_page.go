package sqlite

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// BossPage gathers a boss's page in one read transaction: up to followUps
// open follow-ups and recent latest entries.
func (db *DB) BossPage(ctx context.Context, userID, bossID int64, today string, followUps, recent int) (*journal.BossPage, error) {
	p := &journal.BossPage{}
	err := db.View(ctx, func(db *DB) error {
		var err error
		if p.Boss, err = db.FindBoss(ctx, userID, bossID); err != nil {
			return err
		}
		if p.Priorities, err = db.FindPriorities(ctx, userID, bossID, ""); err != nil {
			return err
		}
		if p.FollowUps, err = db.FindOpenFollowUps(ctx, userID, bossID, followUps); err != nil {
			return err
		}
		if p.Mix, err = db.BossPracticeMix(ctx, userID, bossID); err != nil {
			return err
		}
		if p.Recent, _, err = db.FindEntries(ctx, userID, journal.EntryFilter{BossID: bossID, Limit: recent}); err != nil {
			return err
		}
		if p.Evidence, err = db.BossEvidence(ctx, userID, bossID, today); err != nil {
			return err
		}
		p.Schedule, err = db.FindSchedule(ctx, userID, bossID)
		if journal.ErrorCode(err) == journal.ENOTFOUND {
			p.Schedule, err = nil, nil
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

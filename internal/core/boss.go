package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// Bosses reads every boss of the user, archived ones too: the bosses page
// and the API's list.
func (c *Core) Bosses(ctx context.Context, userID int64) ([]*journal.Boss, error) {
	return c.db.FindBosses(ctx, userID, true)
}

// AddBoss adds a boss once per key.
func (c *Core) AddBoss(ctx context.Context, userID int64, key OnceKey, in journal.BossInput) (id int64, replay bool, err error) {
	return c.db.CreateBossOnce(ctx, userID, key, in)
}

// Boss reads the user's boss id.
func (c *Core) Boss(ctx context.Context, userID, id int64) (*journal.Boss, error) {
	return c.db.FindBoss(ctx, userID, id)
}

// BossByPublicID reads the user's boss by its public id, in one snapshot.
func (c *Core) BossByPublicID(ctx context.Context, userID int64, publicID string) (b *journal.Boss, err error) {
	err = c.db.View(ctx, func(tx *sqlite.DB) error {
		id, err := tx.BossIDByPublicID(ctx, userID, publicID)
		if err != nil {
			return err
		}
		b, err = tx.FindBoss(ctx, userID, id)
		return err
	})
	return b, err
}

// How many entries and open follow-ups the boss and prep pages list; the
// rest are a link away, so a long journal does not make these pages long.
const (
	RecentOnBossPage    = 5
	FollowUpsOnBossPage = 10
)

// BossPage is what a boss's page shows: the boss, their priorities, the
// open follow-ups with them (up to FollowUpsOnBossPage plus one, to tell
// whether there are more), the practice mix of every entry with them, the
// latest entries, the manual, drift and ledger, and the 1:1 schedule (nil
// when none is set).
type BossPage struct {
	Boss       *journal.Boss
	Priorities []*journal.Priority
	FollowUps  []*journal.FollowUp
	Mix        map[string]int
	Recent     []*journal.Entry
	Evidence   *journal.BossEvidence
	Schedule   *journal.Schedule
}

// BossPage reads the page of the user's boss id, as of today, in one
// snapshot.
func (c *Core) BossPage(ctx context.Context, userID, id int64, today string) (*BossPage, error) {
	p := &BossPage{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if p.Boss, err = tx.FindBoss(ctx, userID, id); err != nil {
			return err
		}
		if p.Priorities, err = tx.FindPriorities(ctx, userID, id, ""); err != nil {
			return err
		}
		if p.FollowUps, err = tx.FindOpenFollowUps(ctx, userID, id, FollowUpsOnBossPage+1); err != nil {
			return err
		}
		if p.Mix, err = tx.BossPracticeMix(ctx, userID, id); err != nil {
			return err
		}
		if p.Recent, _, err = tx.FindEntries(ctx, userID, journal.EntryFilter{BossID: id, Limit: RecentOnBossPage}); err != nil {
			return err
		}
		if p.Evidence, err = tx.BossEvidence(ctx, userID, id, today); err != nil {
			return err
		}
		p.Schedule, err = tx.FindSchedule(ctx, userID, id)
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

// UpdateBoss saves the changes to the user's boss id.
func (c *Core) UpdateBoss(ctx context.Context, userID, id int64, in journal.BossInput) error {
	return c.db.UpdateBoss(ctx, userID, id, in)
}

// ArchiveBoss archives the user's boss id, or restores it.
func (c *Core) ArchiveBoss(ctx context.Context, userID, id int64, archived bool) error {
	return c.db.SetBossArchived(ctx, userID, id, archived)
}

// SaveManual saves the manual of the user's boss id.
func (c *Core) SaveManual(ctx context.Context, userID, bossID int64, m journal.Manual) error {
	return c.db.SaveManual(ctx, userID, bossID, m)
}

// SaveSchedule saves the 1:1 schedule with the user's boss id.
func (c *Core) SaveSchedule(ctx context.Context, userID, bossID int64, s journal.Schedule) error {
	return c.db.SaveSchedule(ctx, userID, bossID, s)
}

package sqlite

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// prepRecent is how many entries each of the prep page's lists of recent
// entries holds; prepDue bounds the lists of what is due; prepScan is how
// many recent proposals are read to find prepRecent not yet decided.
const (
	prepRecent = 3
	prepDue    = 500
	prepScan   = 50
)

// PrepPage gathers the next 1:1's agenda with a boss in one read
// transaction: up to followUps open follow-ups, the active priorities with
// the manual, drift and ledger, the recent problems and risks, the
// practices absent with this boss for four weeks, and what is due.
func (db *DB) PrepPage(ctx context.Context, userID, bossID int64, today string, followUps int) (*journal.Prep, error) {
	p := &journal.Prep{Today: today}
	err := db.View(ctx, func(db *DB) error {
		var err error
		if p.Boss, err = db.FindBoss(ctx, userID, bossID); err != nil {
			return err
		}
		if p.FollowUps, err = db.FindOpenFollowUps(ctx, userID, bossID, followUps); err != nil {
			return err
		}
		if p.Priorities, err = db.FindPriorities(ctx, userID, bossID, "active"); err != nil {
			return err
		}
		if p.Evidence, err = db.BossEvidence(ctx, userID, bossID, today); err != nil {
			return err
		}
		p.LastTouched = p.Evidence.LastTouched
		recent := func(practice string, limit int) ([]*journal.Entry, error) {
			list, _, err := db.FindEntries(ctx, userID, journal.EntryFilter{BossID: bossID, Practice: practice, From: journal.AddDays(today, -90), Limit: limit})
			return list, err
		}
		if p.Problems, err = recent("solutions", prepScan); err != nil {
			return err
		}
		if err := loadBlocks(ctx, db.reader(), userID, p.Problems); err != nil {
			return err
		}
		p.Problems = journal.Undecided(p.Problems)
		p.Problems = p.Problems[:min(len(p.Problems), prepRecent)]
		if p.Risks, err = recent("risk", prepRecent); err != nil {
			return err
		}
		counts, err := db.BossPracticeCounts(ctx, userID, bossID, journal.WeekOfDate(today).Add(-3).Start, today)
		if err != nil {
			return err
		}
		p.Neglected = journal.Zeros(counts)
		if p.Recent, _, err = db.FindEntries(ctx, userID, journal.EntryFilter{BossID: bossID, Limit: prepRecent}); err != nil {
			return err
		}
		if p.OpenProblems, err = db.FindOpenProblems(ctx, userID, bossID, prepDue); err != nil {
			return err
		}
		if p.DueBets, err = db.FindDueBets(ctx, userID, bossID, today, prepDue); err != nil {
			return err
		}
		p.DueForecasts, err = db.FindDueForecasts(ctx, userID, bossID, today, prepDue)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

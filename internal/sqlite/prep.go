package sqlite

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// PrepSizes are how much of each list the prep page holds; the use-case
// layer decides them.
type PrepSizes struct {
	FollowUps  int // open follow-ups
	Recent     int // entries in each list of recent ones
	Scan       int // recent proposals read to find Recent not yet decided
	Due        int // bound on each list of what is due
	RecentDays int // how many days back a recent problem or risk may be
}

// PrepPage gathers the next 1:1's agenda with a boss in one read
// transaction, in the sizes n: the open follow-ups, the active priorities
// with the manual, drift and ledger, the recent problems and risks, the
// practices absent with this boss for four weeks, and what is due.
func (db *DB) PrepPage(ctx context.Context, userID, bossID int64, today string, n PrepSizes) (*journal.Prep, error) {
	p := &journal.Prep{Today: today}
	err := db.View(ctx, func(db *DB) error {
		var err error
		if p.Boss, err = db.FindBoss(ctx, userID, bossID); err != nil {
			return err
		}
		if p.FollowUps, err = db.FindOpenFollowUps(ctx, userID, bossID, n.FollowUps); err != nil {
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
			list, _, err := db.FindEntries(ctx, userID, journal.EntryFilter{BossID: bossID, Practice: practice, From: journal.AddDays(today, -n.RecentDays), Limit: limit})
			return list, err
		}
		if p.Problems, err = recent("solutions", n.Scan); err != nil {
			return err
		}
		p.Problems = journal.Undecided(p.Problems)
		p.Problems = p.Problems[:min(len(p.Problems), n.Recent)]
		if p.Risks, err = recent("risk", n.Recent); err != nil {
			return err
		}
		counts, err := db.BossPracticeCounts(ctx, userID, bossID, journal.WeekOfDate(today).Add(-3).Start, today)
		if err != nil {
			return err
		}
		p.Neglected = journal.Zeros(counts)
		if p.Recent, _, err = db.FindEntries(ctx, userID, journal.EntryFilter{BossID: bossID, Limit: n.Recent}); err != nil {
			return err
		}
		if p.OpenProblems, err = db.FindOpenProblems(ctx, userID, bossID, n.Due); err != nil {
			return err
		}
		if p.DueBets, err = db.FindDueBets(ctx, userID, bossID, today, n.Due); err != nil {
			return err
		}
		p.DueForecasts, err = db.FindDueForecasts(ctx, userID, bossID, today, n.Due)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

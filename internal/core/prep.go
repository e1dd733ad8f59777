package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// prepSizes are how much the prep page lists besides the open follow-ups:
// 3 recent entries, problems and risks each, a problem or risk being
// recent for 90 days; 50 recent proposals read to find 3 undecided; up
// to 500 of each thing due.
var prepSizes = struct{ Recent, Scan, Due, RecentDays int }{Recent: 3, Scan: 50, Due: 500, RecentDays: 90}

// Prep is what the next 1:1 with a boss is prepared from: the prep page
// and its Markdown agenda.
type Prep struct {
	Boss        *journal.Boss
	FollowUps   []*journal.FollowUp // open, overdue first
	Priorities  []*journal.Priority // active
	LastTouched map[int64]string    // priority id → date of the latest linked entry
	Problems    []*journal.Entry    // recent entries tagged solutions
	Risks       []*journal.Entry    // recent entries tagged risk
	Neglected   []string            // practice keys with no entry with this boss in four weeks
	Recent      []*journal.Entry
	Today       string

	OpenProblems []*journal.Problem // with this boss, awaiting a decision
	DueBets      []*journal.Bet     // with this boss, past their review date

	DueForecasts []*journal.Forecast   // with this boss, open past their expected date
	Evidence     *journal.BossEvidence // the manual, drift and this quarter's promises (internal/report/prep_evidence.go writes them)
}

// PrepPage reads the agenda for the next 1:1 with the user's boss bossID
// in one snapshot: up to followUps open follow-ups, the active priorities
// with the manual, drift and ledger, the recent problems and risks, the
// practices absent with this boss for four weeks, and what is due.
func (c *Core) PrepPage(ctx context.Context, userID, bossID int64, today string, followUps int) (*Prep, error) {
	n := prepSizes
	p := &Prep{Today: today}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if p.Boss, err = tx.FindBoss(ctx, userID, bossID); err != nil {
			return err
		}
		if p.FollowUps, err = tx.FindOpenFollowUps(ctx, userID, bossID, followUps); err != nil {
			return err
		}
		if p.Priorities, err = tx.FindPriorities(ctx, userID, bossID, "active"); err != nil {
			return err
		}
		if p.Evidence, err = tx.BossEvidence(ctx, userID, bossID, today); err != nil {
			return err
		}
		p.LastTouched = p.Evidence.LastTouched
		recent := func(practice string, limit int) ([]*journal.Entry, error) {
			list, _, err := tx.FindEntries(ctx, userID, journal.EntryFilter{BossID: bossID, Practice: practice, From: journal.AddDays(today, -n.RecentDays), Limit: limit})
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
		counts, err := tx.BossPracticeCounts(ctx, userID, bossID, journal.WeekOfDate(today).Add(-3).Start, today)
		if err != nil {
			return err
		}
		p.Neglected = journal.Zeros(counts)
		if p.Recent, _, err = tx.FindEntries(ctx, userID, journal.EntryFilter{BossID: bossID, Limit: n.Recent}); err != nil {
			return err
		}
		if p.OpenProblems, err = tx.FindOpenProblems(ctx, userID, bossID, n.Due); err != nil {
			return err
		}
		if p.DueBets, err = tx.FindDueBets(ctx, userID, bossID, today, n.Due); err != nil {
			return err
		}
		p.DueForecasts, err = tx.FindDueForecasts(ctx, userID, bossID, today, n.Due)
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

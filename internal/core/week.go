package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// maxUpdateFollowUps bounds each list of a weekly update.
const maxUpdateFollowUps = 200

// WeekPage reads the summary of the user's week, as of today, in one
// snapshot: the week's page, its JSON and the API's week.
func (c *Core) WeekPage(ctx context.Context, userID int64, week journal.Week, today string) (*journal.WeekSummary, error) {
	return c.db.WeekSummary(ctx, userID, week, today)
}

// WeekUpdate is what the weekly update draws on besides the summary: the
// boss it is for (nil for every boss) and, for that boss, the follow-ups
// kept in the week, those still open, the problems awaiting a decision and
// the open forecasts.
type WeekUpdate struct {
	Summary   *journal.WeekSummary
	Boss      *journal.Boss
	Kept      []*journal.FollowUp
	Open      []*journal.FollowUp
	Decisions []*journal.Problem
	HeadsUp   []*journal.Forecast
}

// WeekUpdatePage reads the weekly update of the user's week for the boss
// bossID (0 for every boss) in one snapshot.
func (c *Core) WeekUpdatePage(ctx context.Context, userID int64, week journal.Week, today string, bossID int64) (*WeekUpdate, error) {
	u := &WeekUpdate{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if u.Summary, err = tx.WeekSummary(ctx, userID, week, today); err != nil {
			return err
		}
		if bossID != 0 {
			if u.Boss, err = tx.FindBoss(ctx, userID, bossID); err != nil {
				return err
			}
		}
		if u.Kept, err = tx.FindDoneFollowUps(ctx, userID, bossID, week.Start, week.End, maxUpdateFollowUps); err != nil {
			return err
		}
		if u.Open, err = tx.FindOpenFollowUps(ctx, userID, bossID, maxUpdateFollowUps); err != nil {
			return err
		}
		if u.Decisions, err = tx.FindOpenProblems(ctx, userID, bossID, maxUpdateFollowUps); err != nil {
			return err
		}
		u.HeadsUp, err = tx.FindOpenForecasts(ctx, userID, bossID, maxUpdateFollowUps)
		return err
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

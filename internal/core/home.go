package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// homeSizes are how much the home page lists: 3 of the week's entries,
// latest first (the week page has them all; it keeps a busy week's home
// page small on a phone's connection), 5 open follow-ups, and up to 50
// bets and 50 forecasts due.
var homeSizes = struct{ Entries, FollowUps, Due int }{Entries: 3, FollowUps: 5, Due: 50}

// Home is the home page: the capture form's choices and, below it, what
// is due, this week at a glance (its practice counts, the practices it has
// not touched, the overdue follow-ups), the week's latest entries and the
// soonest open follow-ups.
type Home struct {
	Choices      EntryChoices
	Week         journal.Week
	Practices    map[string]int // all six keys
	Neglected    []string
	Overdue      int
	WeekTotal    int              // entries this week
	WeekEntries  []*journal.Entry // the latest of them, newest first
	FollowUps    []*journal.FollowUp
	BetsDue      []*journal.Bet
	ForecastsDue []*journal.Forecast
}

// HomePage reads the home page in one snapshot.
func (c *Core) HomePage(ctx context.Context, userID int64, today string) (*Home, error) {
	h := &Home{Week: journal.WeekOfDate(today)}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if h.Choices, err = entryChoices(ctx, tx, userID, false); err != nil {
			return err
		}
		g, err := tx.WeekGlance(ctx, userID, h.Week, today)
		if err != nil {
			return err
		}
		h.Practices, h.Neglected, h.Overdue, h.WeekTotal = g.Practices, journal.Zeros(g.Practices), g.Overdue, g.Total
		week := journal.EntryFilter{From: h.Week.Start, To: h.Week.End, Limit: homeSizes.Entries}
		if h.WeekEntries, _, err = tx.FindEntries(ctx, userID, week); err != nil {
			return err
		}
		if h.FollowUps, err = tx.FindOpenFollowUps(ctx, userID, 0, homeSizes.FollowUps); err != nil {
			return err
		}
		if h.BetsDue, err = tx.FindDueBets(ctx, userID, 0, today, homeSizes.Due); err != nil {
			return err
		}
		h.ForecastsDue, err = tx.FindDueForecasts(ctx, userID, 0, today, homeSizes.Due)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

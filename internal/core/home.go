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
var homeSizes = sqlite.HomeSizes{Entries: 3, FollowUps: 5, Due: 50}

// HomeView is the home page: the capture form's choices and the week at
// a glance below it.
type HomeView struct {
	Choices EntryChoices
	*journal.Home
}

// HomePage reads the home page in one snapshot.
func (c *Core) HomePage(ctx context.Context, userID int64, today string) (*HomeView, error) {
	h := &HomeView{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if h.Choices, err = entryChoices(ctx, tx, userID, false); err != nil {
			return err
		}
		h.Home, err = tx.HomePage(ctx, userID, today, homeSizes)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

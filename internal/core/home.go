package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// FollowUpsOnHome is how many open follow-ups the home page lists.
const FollowUpsOnHome = 5

// entriesOnHome is how many of the week's entries the home page lists,
// latest first; the week page has them all. It keeps a busy week's home
// page small on a phone's connection.
const entriesOnHome = 3

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
		h.Home, err = tx.HomePage(ctx, userID, today, entriesOnHome, FollowUpsOnHome)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

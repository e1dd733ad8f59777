package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// PrepPage reads the agenda for the next 1:1 with the user's boss bossID,
// with up to followUps open follow-ups, in one snapshot.
func (c *Core) PrepPage(ctx context.Context, userID, bossID int64, today string, followUps int) (*journal.Prep, error) {
	return c.db.PrepPage(ctx, userID, bossID, today, followUps)
}

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
var prepSizes = sqlite.PrepSizes{Recent: 3, Scan: 50, Due: 500, RecentDays: 90}

// PrepPage reads the agenda for the next 1:1 with the user's boss bossID,
// with up to followUps open follow-ups, in one snapshot.
func (c *Core) PrepPage(ctx context.Context, userID, bossID int64, today string, followUps int) (*journal.Prep, error) {
	n := prepSizes
	n.FollowUps = followUps
	return c.db.PrepPage(ctx, userID, bossID, today, n)
}

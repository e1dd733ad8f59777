package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// maxFeedFollowUps bounds the follow-ups a calendar feed carries.
const maxFeedFollowUps = 1000

// MakeCalendarFeed gives the user's calendar feed the secret token, and
// so ends any earlier one.
func (c *Core) MakeCalendarFeed(ctx context.Context, userID int64, token string) error {
	return c.db.SetCalendarToken(ctx, userID, token)
}

// DeleteCalendarFeed ends the user's calendar feed.
func (c *Core) DeleteCalendarFeed(ctx context.Context, userID int64) error {
	return c.db.DeleteCalendarFeed(ctx, userID)
}

// CalendarFeed reads the feed with the secret token in one snapshot.
func (c *Core) CalendarFeed(ctx context.Context, token string) (*journal.CalendarFeed, error) {
	return c.db.CalendarFeed(ctx, token, maxFeedFollowUps)
}

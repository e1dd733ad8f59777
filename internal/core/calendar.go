package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
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

// CalendarFeed is what a calendar feed lists: its owner's 1:1 schedules
// and open follow-ups with a due date.
type CalendarFeed struct {
	User      *journal.User
	Schedules []*journal.Schedule
	FollowUps []*journal.FollowUp
}

// CalendarFeed reads the feed the secret token opens, in one snapshot: its
// owner, their schedules and their open follow-ups with a due date. An
// unknown token is not found.
func (c *Core) CalendarFeed(ctx context.Context, token string) (*CalendarFeed, error) {
	f := &CalendarFeed{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if f.User, err = tx.FindUserByCalendarToken(ctx, token); err != nil {
			return err
		}
		if f.Schedules, err = tx.FindSchedules(ctx, f.User.ID); err != nil {
			return err
		}
		f.FollowUps, err = tx.FindOpenFollowUpsWithDueDate(ctx, f.User.ID, "", maxFeedFollowUps)
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

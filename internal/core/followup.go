package core

import (
	"context"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// MaxOpenFollowUps bounds the follow-ups page and the API's list.
const MaxOpenFollowUps = 500

// AddFollowUp adds a follow-up to the user's entry entryID once per key.
func (c *Core) AddFollowUp(ctx context.Context, userID, entryID int64, key OnceKey, in journal.FollowUpInput) (id int64, replay bool, err error) {
	return c.db.CreateFollowUpOnce(ctx, userID, entryID, key, in)
}

// FollowUp reads the user's follow-up id.
func (c *Core) FollowUp(ctx context.Context, userID, id int64) (*journal.FollowUp, error) {
	return c.db.FindFollowUp(ctx, userID, id)
}

// FollowUpByPublicID reads the user's follow-up by its public id, in one
// snapshot.
func (c *Core) FollowUpByPublicID(ctx context.Context, userID int64, publicID string) (f *journal.FollowUp, err error) {
	err = c.db.View(ctx, func(tx *sqlite.DB) error {
		id, err := tx.FollowUpIDByPublicID(ctx, userID, publicID)
		if err != nil {
			return err
		}
		f, err = tx.FindFollowUp(ctx, userID, id)
		return err
	})
	return f, err
}

// FollowUpIDByPublicID finds the row id of the user's follow-up by its
// public id.
func (c *Core) FollowUpIDByPublicID(ctx context.Context, userID int64, publicID string) (int64, error) {
	return c.db.FollowUpIDByPublicID(ctx, userID, publicID)
}

// SetFollowUpDone marks the user's follow-up id done, or open again.
func (c *Core) SetFollowUpDone(ctx context.Context, userID, id int64, st journal.FollowUpState) (*journal.FollowUp, error) {
	return c.db.SetFollowUpDone(ctx, userID, id, st)
}

// UpdateFollowUp saves the changes to the user's follow-up id.
func (c *Core) UpdateFollowUp(ctx context.Context, userID, id int64, in journal.FollowUpInput) error {
	return c.db.UpdateFollowUp(ctx, userID, id, in)
}

// WithdrawFollowUp removes the user's follow-up id as of at: it no longer
// counts anywhere.
func (c *Core) WithdrawFollowUp(ctx context.Context, userID, id int64, at time.Time) error {
	return c.db.WithdrawFollowUp(ctx, userID, id, at)
}

// OpenFollowUps reads the user's open follow-ups, soonest due first: the
// API's list.
func (c *Core) OpenFollowUps(ctx context.Context, userID int64) ([]*journal.FollowUp, error) {
	return c.db.FindOpenFollowUps(ctx, userID, 0, MaxOpenFollowUps)
}

// FollowUpsView is the follow-ups page: the open ones and how many were
// removed.
type FollowUpsView struct {
	Open      []*journal.FollowUp
	Withdrawn int
}

// FollowUpsPage reads the follow-ups page in one snapshot.
func (c *Core) FollowUpsPage(ctx context.Context, userID int64) (*FollowUpsView, error) {
	v := &FollowUpsView{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		if v.Open, err = tx.FindOpenFollowUps(ctx, userID, 0, MaxOpenFollowUps); err != nil {
			return err
		}
		v.Withdrawn, err = tx.CountWithdrawnFollowUps(ctx, userID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

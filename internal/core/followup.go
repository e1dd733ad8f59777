package core

import (
	"context"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// MaxOpenFollowUps bounds the API's list and the prep agenda's download.
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

// FollowUpsPerPage is how many open follow-ups one page of the follow-ups
// page lists: about 40 KB of HTML, so a heavy user's thousands of open
// follow-ups stay reachable a page at a time instead of one page of
// hundreds of kilobytes.
const FollowUpsPerPage = 50

// FollowUpsView is one page of the follow-ups page: its open follow-ups,
// how many are open in all, whether a later page has more, and how many
// were removed.
type FollowUpsView struct {
	Open      []*journal.FollowUp
	OpenCount int
	More      bool
	Withdrawn int
}

// FollowUpsPage reads page (from 1) of the follow-ups page in one snapshot.
func (c *Core) FollowUpsPage(ctx context.Context, userID int64, page int) (*FollowUpsView, error) {
	v := &FollowUpsView{}
	err := c.db.View(ctx, func(tx *sqlite.DB) (err error) {
		offset := (page - 1) * FollowUpsPerPage
		if v.Open, err = tx.FindOpenFollowUpsFrom(ctx, userID, 0, offset, FollowUpsPerPage+1); err != nil {
			return err
		}
		if v.More = len(v.Open) > FollowUpsPerPage; v.More {
			v.Open = v.Open[:FollowUpsPerPage]
		}
		if v.OpenCount, err = tx.CountOpenFollowUps(ctx, userID); err != nil {
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

package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// CheckUnsubscribe checks an unsubscribe link, which names an account by
// its public id, for the page that asks before turning a reminder off: a
// link carrying another epoch than the account's (from a mail older than
// the user's last turning a reminder on) is journal.ErrStaleUnsubscribe.
func (c *Core) CheckUnsubscribe(ctx context.Context, publicID string, epoch int64) error {
	var u *journal.User
	var current int64
	err := c.db.View(ctx, func(v *sqlite.DB) error {
		var err error
		if u, err = v.FindUserByPublicID(ctx, publicID); err != nil {
			return err
		}
		current, err = v.ReminderEpoch(ctx, u.ID)
		return err
	})
	if err != nil {
		return err
	}
	if current != epoch {
		return journal.ErrStaleUnsubscribe
	}
	return nil
}

// Unsubscribe turns one kind of reminder off for the account an
// unsubscribe link names; a link from an older mail changes nothing and is
// journal.ErrStaleUnsubscribe.
func (c *Core) Unsubscribe(ctx context.Context, publicID, kind string, epoch int64) error {
	u, err := c.db.FindUserByPublicID(ctx, publicID)
	if err != nil {
		return err
	}
	return c.db.Unsubscribe(ctx, u.ID, kind, epoch)
}

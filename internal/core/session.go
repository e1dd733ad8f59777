package core

import (
	"context"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// touchEvery is how stale a session's or an API token's last use may get
// before it is written: writing it on every request would make every page
// a write, and a few minutes of slack in the idle timeout costs nothing.
const touchEvery = 5 * time.Minute

// ErrNoSession answers a session token that is unknown or has ended.
var ErrNoSession = journal.Errorf(journal.ENOTFOUND, "No such session.")

// ResumeSession returns the account and session of a session cookie's
// token hash at now. A session past its end or unused for idle is ended
// (deleted) and, like an unknown one, is ErrNoSession. Its last use is
// recorded when it is older than a few minutes.
func (c *Core) ResumeSession(ctx context.Context, tokenHash []byte, now time.Time, idle time.Duration) (*journal.User, *journal.Session, error) {
	var (
		sess *journal.Session
		user *journal.User
	)
	err := c.db.View(ctx, func(v *sqlite.DB) error {
		var err error
		if sess, err = v.FindSession(ctx, tokenHash); err != nil || sess.Ended(now, idle) {
			return err
		}
		user, err = v.FindUserByID(ctx, sess.UserID)
		return err
	})
	if journal.ErrorCode(err) == journal.ENOTFOUND && sess == nil {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, err
	}
	if user == nil {
		if err := c.db.DeleteSession(ctx, sess.TokenHash); err != nil {
			return nil, nil, err
		}
		return nil, nil, ErrNoSession
	}
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		if err := c.db.TouchSession(ctx, sess.TokenHash, now); err != nil {
			return nil, nil, err
		}
	}
	return user, sess, nil
}

// StartSession signs a browser in with sess, ending the session it had
// before (old, nil if none) in the same transaction, so a token planted
// before sign-in is worthless.
func (c *Core) StartSession(ctx context.Context, old []byte, sess journal.Session) error {
	return c.db.Update(ctx, func(tx *sqlite.DB) error {
		if old != nil {
			if err := tx.DeleteSession(ctx, old); err != nil {
				return err
			}
		}
		return tx.CreateSession(ctx, sess)
	})
}

// EndSession signs a browser out.
func (c *Core) EndSession(ctx context.Context, tokenHash []byte) error {
	return c.db.DeleteSession(ctx, tokenHash)
}

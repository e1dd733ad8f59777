package core

import (
	"context"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// ClaimSignupMail decides, in one transaction, what an open sign-up by
// mail sends: a link, a note to the address's owner, or nothing (see
// journal.SignupMail), and records the pending sign-up.
func (c *Core) ClaimSignupMail(ctx context.Context, p journal.PendingSignup) (journal.SignupMail, error) {
	return c.db.ClaimSignupMail(ctx, p)
}

// ReleaseSignupMail undoes ClaimSignupMail for a mail the relay refused,
// so that asking again sends one at once.
func (c *Core) ReleaseSignupMail(ctx context.Context, m journal.SignupMail, tokenHash []byte) error {
	return c.db.ReleaseSignupMail(ctx, m, tokenHash)
}

// PendingSignup returns the sign-up a link's token hashes to, for the page
// that finishes it: ENOTFOUND when it was used or never existed, and
// journal.ErrSignupLinkExpired when it is too old at now.
func (c *Core) PendingSignup(ctx context.Context, tokenHash []byte, now time.Time) (*journal.PendingSignup, error) {
	p, err := c.db.FindPendingSignup(ctx, tokenHash)
	if err != nil {
		return nil, err
	}
	return p, p.Usable(now)
}

// CreateAccountFromLink finishes a sign-up by mail: in one transaction it
// takes the pending sign-up of the link (so a link works once, even when
// two requests race) and makes the account from su, as CreateAccount
// does. A link taken already is ENOTFOUND, one too old at now
// journal.ErrSignupLinkExpired; either way nothing changes.
func (c *Core) CreateAccountFromLink(ctx context.Context, tokenHash []byte, su journal.Signup, passwordHash, mode string, now time.Time) (*journal.User, error) {
	return c.createAccount(ctx, su, passwordHash, mode, func(tx *sqlite.DB, _ *journal.User) error {
		p, err := tx.TakePendingSignup(ctx, tokenHash)
		if err != nil {
			return err
		}
		return p.Usable(now)
	})
}

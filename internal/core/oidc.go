package core

import (
	"context"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// StartOIDCLogin keeps a sign-in sent to the OpenID provider until it
// comes back.
func (c *Core) StartOIDCLogin(ctx context.Context, l journal.OIDCLogin) error {
	return c.db.CreateOIDCLogin(ctx, l)
}

// TakeOIDCLogin returns and ends the sign-in whose state hashes to
// stateHash, if it started after notBefore; ENOTFOUND otherwise, so a
// state works once.
func (c *Core) TakeOIDCLogin(ctx context.Context, stateHash []byte, notBefore time.Time) (*journal.OIDCLogin, error) {
	return c.db.TakeOIDCLogin(ctx, stateHash, notBefore)
}

// AccountByOIDC returns the account linked to an OpenID identity;
// ENOTFOUND when none is.
func (c *Core) AccountByOIDC(ctx context.Context, issuer, subject string) (*journal.User, error) {
	return c.db.FindUserByOIDC(ctx, issuer, subject)
}

// OIDCFirstSight is what the first sign-in of an OpenID identity is
// decided on, read in one snapshot.
type OIDCFirstSight struct {
	Linked   *journal.User // the account linked to the identity; nil on first sight
	Existing *journal.User // on first sight, the account with the identity's email, if any
}

// OIDCSight reads what the sign-in of an OpenID identity with email ("" if
// the provider gave none) is decided on (see journal.FirstSight).
func (c *Core) OIDCSight(ctx context.Context, issuer, subject, email string) (OIDCFirstSight, error) {
	var s OIDCFirstSight
	err := c.db.View(ctx, func(v *sqlite.DB) error {
		var err error
		s.Linked, err = v.FindUserByOIDC(ctx, issuer, subject)
		if journal.ErrorCode(err) != journal.ENOTFOUND || email == "" {
			return err
		}
		s.Existing, err = v.FindUserByEmail(ctx, email)
		if journal.ErrorCode(err) == journal.ENOTFOUND {
			return nil
		}
		return err
	})
	return s, err
}

// LinkOIDC links an OpenID identity to an existing account.
func (c *Core) LinkOIDC(ctx context.Context, userID int64, issuer, subject, email string) error {
	return c.db.LinkOIDC(ctx, userID, issuer, subject, email)
}

// CreateOIDCAccount makes the account of a new OpenID identity, as
// CreateAccount does, and links the identity to it in the same
// transaction: no account is left without the identity it was made for.
func (c *Core) CreateOIDCAccount(ctx context.Context, su journal.Signup, passwordHash, mode, issuer, subject string) (*journal.User, error) {
	return c.createAccount(ctx, su, passwordHash, mode, func(tx *sqlite.DB, u *journal.User) error {
		return tx.LinkOIDC(ctx, u.ID, issuer, subject, u.Email)
	})
}

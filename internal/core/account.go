package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// CreateAccount makes an account, whoever asks: the sign-up form, an auth
// proxy or OpenID provider (su.External), or the operator's `leadup user
// add` (mode journal.SignupOperator). It is the one way an account is
// made: the sign-up rules (journal.Signup.Validate) and the sign-up mode
// (journal.SignupAdmits) apply here, the mode inside the same write
// transaction as the insert, so two racing sign-ups cannot both be the
// first. passwordHash is the hash of su.Password (or of a random one for
// an external account), made by the caller beforehand: the one writer
// never waits on argon2.
func (c *Core) CreateAccount(ctx context.Context, su journal.Signup, passwordHash, mode string) (*journal.User, error) {
	return c.createAccount(ctx, su, passwordHash, mode, nil)
}

// createAccount is CreateAccount with more writes that must land in the
// same transaction as the account (taking a sign-up link, linking an
// OpenID identity); also may be nil.
func (c *Core) createAccount(ctx context.Context, su journal.Signup, passwordHash, mode string, also func(tx *sqlite.DB, u *journal.User) error) (*journal.User, error) {
	if err := su.Validate(); err != nil {
		return nil, err
	}
	var u *journal.User
	err := c.db.Update(ctx, func(tx *sqlite.DB) error {
		n, err := tx.CountUsers(ctx)
		if err != nil {
			return err
		}
		if !journal.SignupAdmits(mode, n) {
			return journal.SignupRefused(mode)
		}
		if u, err = tx.CreateUser(ctx, su, passwordHash); err != nil {
			return err
		}
		if also != nil {
			return also(tx, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// SignupOpen reports whether mode lets a new account be made now.
func (c *Core) SignupOpen(ctx context.Context, mode string) (bool, error) {
	switch mode {
	case journal.SignupOpen, journal.SignupOperator:
		return true, nil
	case journal.SignupFirst:
		n, err := c.db.CountUsers(ctx)
		return journal.SignupAdmits(mode, n), err
	default:
		return false, nil
	}
}

// AccountsNow is what the sign-in page asks of the accounts, from one
// read: whether none exists yet, and whether mode lets a new one be made.
func (c *Core) AccountsNow(ctx context.Context, mode string) (noAccount, signupOpen bool, err error) {
	n, err := c.db.CountUsers(ctx)
	return n == 0, journal.SignupAdmits(mode, n), err
}

// AccountByEmail returns the account with the email, in any case;
// ENOTFOUND when there is none.
func (c *Core) AccountByEmail(ctx context.Context, email string) (*journal.User, error) {
	return c.db.FindUserByEmail(ctx, email)
}

// UpgradePasswordHash replaces an account's password hash with a stronger
// hash of the same password, on sign-in; sessions are untouched.
func (c *Core) UpgradePasswordHash(ctx context.Context, userID int64, passwordHash string) error {
	return c.db.RehashPassword(ctx, userID, passwordHash)
}

// UpdateProfile changes the display name and time zone. A new zone moves
// every reminder to its local time there, in the same transaction.
func (c *Core) UpdateProfile(ctx context.Context, u *journal.User, upd journal.ProfileUpdate) error {
	if err := upd.Validate(); err != nil {
		return err
	}
	return c.db.Update(ctx, func(tx *sqlite.DB) error {
		if err := tx.UpdateProfile(ctx, u.ID, upd); err != nil {
			return err
		}
		if upd.TimeZone == u.TimeZone {
			return nil
		}
		return tx.RescheduleReminders(ctx, u.ID)
	})
}

// ChangePassword stores a new password hash and, in the same transaction,
// ends every credential the old password stood behind: every session but
// keep (nil ends them all), every API token and the calendar feed. The
// settings page and `leadup user passwd` both come through here.
func (c *Core) ChangePassword(ctx context.Context, userID int64, passwordHash string, keep []byte) error {
	return c.db.UpdatePassword(ctx, userID, passwordHash, keep)
}

// ResetPassword is the operator's password change for the account with
// email (`leadup user passwd`): it ends every credential, as ChangePassword
// does with no session kept, and returns the account.
func (c *Core) ResetPassword(ctx context.Context, email, passwordHash string) (*journal.User, error) {
	var u *journal.User
	err := c.db.Update(ctx, func(tx *sqlite.DB) error {
		var err error
		if u, err = tx.FindUserByEmail(ctx, email); err != nil {
			return err
		}
		return tx.UpdatePassword(ctx, u.ID, passwordHash, nil)
	})
	return u, err
}

// DeleteAccount removes the account and every record that belongs to it.
func (c *Core) DeleteAccount(ctx context.Context, userID int64) error {
	return c.db.DeleteUser(ctx, userID)
}

// SignsInExternally reports whether the account is linked to an OpenID
// identity, so its password is one nobody knows.
func (c *Core) SignsInExternally(ctx context.Context, userID int64) (bool, error) {
	return c.db.HasOIDCIdentity(ctx, userID)
}

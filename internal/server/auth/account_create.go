package auth

import (
	"context"
	"net/http"

	"github.com/leadup/leadup/internal/journal"
)

// createAccount makes an account for the sign-up form or the auth proxy
// through core.CreateAccount, the one way any front end makes one (a
// mailed link and an OpenID provider use its variants, which add their
// own writes to the same transaction). passwordHash is the hash of su's
// password, or of a random one nobody knows for an external account. The
// sign-up mode applies in core, inside the transaction.
func (s *Handler) createAccount(ctx context.Context, su journal.Signup, passwordHash string) (*journal.User, error) {
	u, err := s.core.CreateAccount(ctx, su, passwordHash, s.cfg.Signup)
	if err != nil {
		return nil, err
	}
	s.accountCreated(u, su)
	return u, nil
}

// accountCreated logs a new account and how it came.
func (s *Handler) accountCreated(u *journal.User, su journal.Signup) {
	how := "sign-up"
	if su.External {
		how = "external sign-in"
	}
	s.Log.Info("account created", "user_id", u.ID, "via", how)
}

// externalSignup is the sign-up of someone an auth proxy or an OpenID
// provider vouches for, in the language of the request that makes it (see
// RequestLanguage), and the hash of a random password nobody knows for
// it: the proxy or provider is how its owner signs in.
func (s *Handler) externalSignup(r *http.Request, email, name string) (journal.Signup, string, error) {
	su := journal.Signup{Email: email, DisplayName: name, Language: s.RequestLanguage(r), External: true}
	if err := su.Validate(); err != nil {
		return su, "", err
	}
	secret, err := randomToken()
	if err != nil {
		return su, "", err
	}
	hash, err := s.hasher.Hash(secret)
	return su, hash, err
}

// createExternalAccount makes the account of someone an auth proxy
// vouches for.
func (s *Handler) createExternalAccount(r *http.Request, email, name string) (*journal.User, error) {
	su, hash, err := s.externalSignup(r, email, name)
	if err != nil {
		return nil, err
	}
	return s.createAccount(r.Context(), su, hash)
}

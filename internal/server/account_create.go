package server

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// createAccount is the one way the web app makes an account, whoever asks:
// the sign-up form, a mailed sign-up link, the auth proxy or an OpenID
// provider. su must have passed Validate; passwordHash is the hash of its
// password, or of a random one nobody knows for an external account. The
// sign-up mode applies here and only here.
func (s *Server) createAccount(ctx context.Context, su journal.Signup, passwordHash string) (*journal.User, error) {
	u, err := s.db.CreateUser(ctx, su, passwordHash, sqlite.CreateUserOptions{OnlyFirst: s.cfg.Signup == SignupFirst})
	if err != nil {
		return nil, err
	}
	how := "sign-up"
	if su.External {
		how = "external sign-in"
	}
	s.log.Info("account created", "user_id", u.ID, "via", how)
	return u, nil
}

// createExternalAccount makes the account of someone an auth proxy or an
// OpenID provider vouches for. It gets a random password nobody knows: the
// proxy or provider is how its owner signs in.
func (s *Server) createExternalAccount(ctx context.Context, email, name string) (*journal.User, error) {
	su := journal.Signup{Email: email, DisplayName: name, External: true}
	if err := su.Validate(); err != nil {
		return nil, err
	}
	secret, err := randomToken()
	if err != nil {
		return nil, err
	}
	hash, err := s.hasher.Hash(secret)
	if err != nil {
		return nil, err
	}
	return s.createAccount(ctx, su, hash)
}

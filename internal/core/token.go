package core

import (
	"context"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// APITokenOwner returns the token whose hash is tokenHash and the account
// it belongs to, from one snapshot; ENOTFOUND when no token has that hash.
// Whether the token may still be used is the caller's question
// (journal.APIToken.Usable), asked in its owner's zone.
func (c *Core) APITokenOwner(ctx context.Context, tokenHash []byte) (*journal.APIToken, *journal.User, error) {
	var (
		tok  *journal.APIToken
		user *journal.User
	)
	err := c.db.View(ctx, func(v *sqlite.DB) error {
		var err error
		if tok, err = v.FindAPITokenByHash(ctx, tokenHash); err != nil {
			return err
		}
		user, err = v.FindUserByID(ctx, tok.UserID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return tok, user, nil
}

// APITokenUsed records that tok was used at now, when its last use is
// older than a few minutes, so that reads do not each become a write.
func (c *Core) APITokenUsed(ctx context.Context, tok *journal.APIToken, now time.Time) error {
	if tok.LastUsedAt != nil && now.Sub(*tok.LastUsedAt) < touchEvery {
		return nil
	}
	return c.db.TouchAPIToken(ctx, tok.ID, now)
}

// TokensPage is what the API tokens page shows.
type TokensPage struct {
	Tokens   []*journal.APIToken // newest first, revoked ones too
	External bool                // the account signs in through an OpenID provider
}

// TokensPage reads the user's API tokens page in one snapshot.
func (c *Core) TokensPage(ctx context.Context, userID int64) (TokensPage, error) {
	var p TokensPage
	err := c.db.View(ctx, func(v *sqlite.DB) error {
		var err error
		if p.Tokens, err = v.FindAPITokens(ctx, userID); err != nil {
			return err
		}
		p.External, err = v.HasOIDCIdentity(ctx, userID)
		return err
	})
	return p, err
}

// CreateAPIToken stores a new token of the user under tokenHash (the
// token itself is never stored). A user has at most journal's limit of
// live tokens: past it, journal.ErrTooManyTokens.
func (c *Core) CreateAPIToken(ctx context.Context, userID int64, in journal.TokenInput, tokenHash []byte, today string) (*journal.APIToken, error) {
	if err := in.Validate(today); err != nil {
		return nil, err
	}
	return c.db.CreateAPIToken(ctx, userID, in, tokenHash, today)
}

// RevokeAPIToken stops one of the user's tokens from working; another
// user's token is ENOTFOUND.
func (c *Core) RevokeAPIToken(ctx context.Context, userID, id int64) error {
	return c.db.RevokeAPIToken(ctx, userID, id)
}

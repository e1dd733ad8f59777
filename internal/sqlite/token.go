package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

var errTokenNotFound = journal.Errorf(journal.ENOTFOUND, "That token does not exist.")

const tokenColumns = "id, user_id, name, scope, created_at, last_used_at, coalesce(expires_on, ''), revoked_at"

// CreateAPIToken stores a new token for the user by its hash, unless the
// user already has journal.MaxLiveTokens that work on today (a local date
// in the user's zone): then it returns journal.ErrTooManyTokens. The count
// and the insert share a transaction, so two at once cannot pass it.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, in journal.TokenInput, tokenHash []byte, today string) (*journal.APIToken, error) {
	var id int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var live int
		err := tx.QueryRowContext(ctx,
			"SELECT count(*) FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL AND (expires_on IS NULL OR expires_on >= ?)",
			userID, today).Scan(&live)
		if err != nil {
			return fmt.Errorf("count live api tokens: %w", err)
		}
		if live >= journal.MaxLiveTokens {
			return journal.ErrTooManyTokens
		}
		res, err := tx.ExecContext(ctx,
			"INSERT INTO api_tokens (user_id, name, scope, token_hash, created_at, expires_on) VALUES (?, ?, ?, ?, ?, ?)",
			userID, in.Name, in.Scope, tokenHash, formatTime(db.Now()), nullString(in.ExpiresOn))
		if err != nil {
			return fmt.Errorf("insert api token: %w", err)
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return nil, err
	}
	return scanToken(db.reader().QueryRowContext(ctx, "SELECT "+tokenColumns+" FROM api_tokens WHERE user_id = ? AND id = ?", userID, id))
}

// FindAPITokens returns the user's tokens, newest first, revoked ones too.
func (db *DB) FindAPITokens(ctx context.Context, userID int64) ([]*journal.APIToken, error) {
	return queryAll(ctx, db.reader(), "find api tokens", scanToken,
		"SELECT "+tokenColumns+" FROM api_tokens WHERE user_id = ? ORDER BY id DESC", userID)
}

// FindAPITokenByHash returns the token with the given hash, whoever owns
// it: this is how a request's bearer token finds its user.
func (db *DB) FindAPITokenByHash(ctx context.Context, tokenHash []byte) (*journal.APIToken, error) {
	return scanToken(db.reader().QueryRowContext(ctx, "SELECT "+tokenColumns+" FROM api_tokens WHERE token_hash = ?", tokenHash))
}

// RevokeAPIToken stops one of the user's tokens from working. Revoking a
// revoked token keeps the first time.
func (db *DB) RevokeAPIToken(ctx context.Context, userID, id int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			"UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE user_id = ? AND id = ?",
			formatTime(db.Now()), userID, id)
		return notFoundAs(checkOneRow(res, err, "revoke api token"), errTokenNotFound)
	})
}

// TouchAPIToken records when a token was last used.
func (db *DB) TouchAPIToken(ctx context.Context, id int64, at time.Time) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", formatTime(at), id); err != nil {
			return fmt.Errorf("touch api token: %w", err)
		}
		return nil
	})
}

func scanToken(row scanner) (*journal.APIToken, error) {
	var t journal.APIToken
	err := scanOne(row, errTokenNotFound, "api token",
		&t.ID, &t.UserID, &t.Name, &t.Scope, storedTime{&t.CreatedAt}, optionalTime{&t.LastUsedAt}, &t.ExpiresOn, optionalTime{&t.RevokedAt})
	if err != nil {
		return nil, err
	}
	return &t, nil
}

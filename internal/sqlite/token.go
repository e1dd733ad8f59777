package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

var errTokenNotFound = journal.Errorf(journal.ENOTFOUND, "That token does not exist.")

const tokenColumns = "id, user_id, name, scope, created_at, last_used_at, coalesce(expires_on, ''), revoked_at"

// CreateAPIToken stores a new token for the user by its hash.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, in journal.TokenInput, tokenHash []byte) (*journal.APIToken, error) {
	var id int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
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
	rows, err := db.reader().QueryContext(ctx, "SELECT "+tokenColumns+" FROM api_tokens WHERE user_id = ? ORDER BY id DESC", userID)
	if err != nil {
		return nil, fmt.Errorf("find api tokens: %w", err)
	}
	defer rows.Close()
	var out []*journal.APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
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
	var created string
	var used, revoked sql.NullString
	err := row.Scan(&t.ID, &t.UserID, &t.Name, &t.Scope, &created, &used, &t.ExpiresOn, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errTokenNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("scan api token: %w", err)
	}
	if t.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if t.LastUsedAt, err = parseOptionalTime(used); err != nil {
		return nil, err
	}
	if t.RevokedAt, err = parseOptionalTime(revoked); err != nil {
		return nil, err
	}
	return &t, nil
}

func parseOptionalTime(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseTime(s.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

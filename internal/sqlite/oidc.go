package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

var errLoginNotFound = journal.Errorf(journal.ENOTFOUND, "That sign-in has expired or was already used.")

// CreateOIDCLogin stores a sign-in on its way to the provider, clearing
// ones older than journal.OIDCLoginTTL.
func (db *DB) CreateOIDCLogin(ctx context.Context, l journal.OIDCLogin) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM oidc_logins WHERE created_at < ?", formatTime(l.CreatedAt.Add(-journal.OIDCLoginTTL))); err != nil {
			return fmt.Errorf("clear old oidc logins: %w", err)
		}
		_, err := tx.ExecContext(ctx,
			"INSERT INTO oidc_logins (state_hash, nonce, verifier, next, saved, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			l.StateHash, l.Nonce, l.Verifier, l.Next, l.Saved, formatTime(l.CreatedAt))
		if err != nil {
			return fmt.Errorf("insert oidc login: %w", err)
		}
		return nil
	})
}

// TakeOIDCLogin removes and returns the sign-in with the given state hash
// if it started after notBefore. Taking it is what makes a callback
// usable once.
func (db *DB) TakeOIDCLogin(ctx context.Context, stateHash []byte, notBefore time.Time) (*journal.OIDCLogin, error) {
	var l journal.OIDCLogin
	var created string
	err := db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx,
			"DELETE FROM oidc_logins WHERE state_hash = ? RETURNING state_hash, nonce, verifier, next, saved, created_at", stateHash).
			Scan(&l.StateHash, &l.Nonce, &l.Verifier, &l.Next, &l.Saved, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return errLoginNotFound
		}
		if err != nil {
			return fmt.Errorf("take oidc login: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if l.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if l.CreatedAt.Before(notBefore) {
		return nil, errLoginNotFound
	}
	return &l, nil
}

// FindUserByOIDC returns the account linked to an identity.
func (db *DB) FindUserByOIDC(ctx context.Context, issuer, subject string) (*journal.User, error) {
	var id int64
	err := db.reader().QueryRowContext(ctx, "SELECT user_id FROM oidc_identities WHERE issuer = ? AND subject = ?", issuer, subject).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, journal.Errorf(journal.ENOTFOUND, "No account is linked to that identity.")
	}
	if err != nil {
		return nil, fmt.Errorf("find oidc identity: %w", err)
	}
	return db.FindUserByID(ctx, id)
}

// LinkOIDC links an identity to one of the accounts.
func (db *DB) LinkOIDC(ctx context.Context, userID int64, issuer, subject, email string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			"INSERT INTO oidc_identities (issuer, subject, user_id, email, created_at) VALUES (?, ?, ?, ?, ?)",
			issuer, subject, userID, email, formatTime(db.Now()))
		if isUniqueViolation(err) {
			return journal.Errorf(journal.ECONFLICT, "That identity is already linked to an account.")
		}
		if err != nil {
			return fmt.Errorf("link oidc identity: %w", err)
		}
		return nil
	})
}

// HasOIDCIdentity reports whether an account signs in through a provider.
func (db *DB) HasOIDCIdentity(ctx context.Context, userID int64) (bool, error) {
	var n int
	if err := db.reader().QueryRowContext(ctx, "SELECT count(*) FROM oidc_identities WHERE user_id = ?", userID).Scan(&n); err != nil {
		return false, fmt.Errorf("count oidc identities: %w", err)
	}
	return n > 0, nil
}

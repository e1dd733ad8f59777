package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// CreatePendingSignup keeps an open sign-up until its link is followed,
// and drops those whose links have expired.
func (db *DB) CreatePendingSignup(ctx context.Context, p journal.PendingSignup) error {
	return db.writePendingSignup(ctx, p, true)
}

// PendingSignupDecoy does the write of CreatePendingSignup and takes it
// back in the same transaction, so nothing stays. A sign-up for an email
// that has an account calls it, to cost the same commit as a new one:
// otherwise the answer to a known email would come a commit faster.
func (db *DB) PendingSignupDecoy(ctx context.Context, p journal.PendingSignup) error {
	return db.writePendingSignup(ctx, p, false)
}

func (db *DB) writePendingSignup(ctx context.Context, p journal.PendingSignup, keep bool) error {
	now := db.Now()
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM pending_signups WHERE expires_at <= ?", now.Unix()); err != nil {
			return fmt.Errorf("drop expired sign-ups: %w", err)
		}
		_, err := tx.ExecContext(ctx,
			`INSERT INTO pending_signups (token_hash, email, password_hash, display_name, timezone, created_at, expires_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?)`,
			p.TokenHash, journal.NormalizeEmail(p.Email), p.PasswordHash, p.DisplayName, p.TimeZone, formatTime(now), p.ExpiresAt.Unix())
		if err != nil {
			return fmt.Errorf("insert pending sign-up: %w", err)
		}
		if !keep {
			if _, err := tx.ExecContext(ctx, "DELETE FROM pending_signups WHERE token_hash = ?", p.TokenHash); err != nil {
				return fmt.Errorf("take back decoy sign-up: %w", err)
			}
		}
		return nil
	})
}

// FindPendingSignup returns the sign-up whose link token hashes to
// tokenHash, expired or not; ENOTFOUND when there is none.
func (db *DB) FindPendingSignup(ctx context.Context, tokenHash []byte) (*journal.PendingSignup, error) {
	return scanPendingSignup(db.reader().QueryRowContext(ctx,
		"SELECT "+pendingSignupColumns+" FROM pending_signups WHERE token_hash = ?", tokenHash))
}

// TakePendingSignup deletes the sign-up whose link token hashes to
// tokenHash and returns it, so a link works once even when two requests
// race; ENOTFOUND when it was taken already or never existed.
func (db *DB) TakePendingSignup(ctx context.Context, tokenHash []byte) (*journal.PendingSignup, error) {
	var p *journal.PendingSignup
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = scanPendingSignup(tx.QueryRowContext(ctx,
			"DELETE FROM pending_signups WHERE token_hash = ? RETURNING "+pendingSignupColumns, tokenHash))
		return err
	})
	return p, err
}

const pendingSignupColumns = "token_hash, email, password_hash, display_name, timezone, expires_at"

func scanPendingSignup(row *sql.Row) (*journal.PendingSignup, error) {
	var p journal.PendingSignup
	var expires int64
	err := row.Scan(&p.TokenHash, &p.Email, &p.PasswordHash, &p.DisplayName, &p.TimeZone, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, journal.Errorf(journal.ENOTFOUND, "This sign-up link was used already or never existed.")
	}
	if err != nil {
		return nil, fmt.Errorf("scan pending sign-up: %w", err)
	}
	p.ExpiresAt = time.Unix(expires, 0).UTC()
	return &p, nil
}

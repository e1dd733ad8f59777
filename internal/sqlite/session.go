package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// CreateSession stores a new session.
func (db *DB) CreateSession(ctx context.Context, s journal.Session) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			"INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
			s.TokenHash, s.UserID, s.CreatedAt.Unix(), s.LastSeenAt.Unix(), s.ExpiresAt.Unix())
		if err != nil {
			return fmt.Errorf("insert session: %w", err)
		}
		return nil
	})
}

const findSessionSQL = "SELECT token_hash, user_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = ?"

// FindSession returns the session with the given token hash.
func (db *DB) FindSession(ctx context.Context, tokenHash []byte) (*journal.Session, error) {
	var s journal.Session
	var created, seen, expires int64
	err := db.reader().QueryRowContext(ctx, findSessionSQL, tokenHash).
		Scan(&s.TokenHash, &s.UserID, &created, &seen, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, journal.Errorf(journal.ENOTFOUND, "No such session.")
	}
	if err != nil {
		return nil, fmt.Errorf("find session: %w", err)
	}
	s.CreatedAt, s.LastSeenAt, s.ExpiresAt = time.Unix(created, 0), time.Unix(seen, 0), time.Unix(expires, 0)
	return &s, nil
}

// TouchSession records activity on a session, which extends its idle timeout.
func (db *DB) TouchSession(ctx context.Context, tokenHash []byte, at time.Time) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", at.Unix(), tokenHash)
		if err != nil {
			return fmt.Errorf("touch session: %w", err)
		}
		return nil
	})
}

// DeleteSession ends one session.
func (db *DB) DeleteSession(ctx context.Context, tokenHash []byte) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", tokenHash); err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		return nil
	})
}

// DeleteExpiredSessions removes sessions past their absolute end or idle
// since before idleBefore, and returns how many it removed.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now, idleBefore time.Time) (int64, error) {
	var n int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at < ?", now.Unix(), idleBefore.Unix())
		if err != nil {
			return fmt.Errorf("delete expired sessions: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

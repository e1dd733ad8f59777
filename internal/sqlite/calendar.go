package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

var errFeedNotFound = journal.Errorf(journal.ENOTFOUND, "There is no such calendar.")

// SetCalendarToken gives the user a calendar feed with a new token,
// replacing the old one, whose URL stops working at once. Only the token's
// SHA-256 is kept.
func (db *DB) SetCalendarToken(ctx context.Context, userID int64, token string) error {
	sum := sha256.Sum256([]byte(token))
	return db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)
			 ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
			userID, sum[:], formatTime(db.Now()))
		if err != nil {
			return fmt.Errorf("set calendar token: %w", err)
		}
		return nil
	})
}

// DeleteCalendarFeed removes the user's feed.
func (db *DB) DeleteCalendarFeed(ctx context.Context, userID int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM calendar_feeds WHERE user_id = ?", userID); err != nil {
			return fmt.Errorf("delete calendar feed: %w", err)
		}
		return nil
	})
}

// HasCalendarFeed reports whether the user has a feed.
func (db *DB) HasCalendarFeed(ctx context.Context, userID int64) (bool, error) {
	var n int
	if err := db.reader().QueryRowContext(ctx, "SELECT count(*) FROM calendar_feeds WHERE user_id = ?", userID).Scan(&n); err != nil {
		return false, fmt.Errorf("find calendar feed: %w", err)
	}
	return n > 0, nil
}

// FindUserByCalendarToken returns the owner of a feed token.
func (db *DB) FindUserByCalendarToken(ctx context.Context, token string) (*journal.User, error) {
	sum := sha256.Sum256([]byte(token))
	var userID int64
	err := db.reader().QueryRowContext(ctx, "SELECT user_id FROM calendar_feeds WHERE token_hash = ?", sum[:]).Scan(&userID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errFeedNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("find calendar feed: %w", err)
	}
	return db.FindUserByID(ctx, userID)
}

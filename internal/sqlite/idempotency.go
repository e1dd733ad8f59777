package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// Kinds of record an idempotency key can stand for.
const (
	KindEntry    = "entry"
	KindFollowUp = "followup"
	KindBoss     = "boss"
	KindPriority = "priority"
)

// KeepIdempotencyKeys is how long a used key is remembered: a draft sent
// from a phone that was offline for weeks still lands once.
const KeepIdempotencyKeys = 30 * 24 * time.Hour

var errKeyReused = journal.Errorf(journal.ECONFLICT, "This form was already used to create something else. Reload the page and try again.")

// once runs create in tx unless the user already used key: then it returns
// the id the first use created and replay=true, and create never runs. The
// key is stored in the same transaction as the record, so a crash between
// the two cannot happen. An empty key always creates.
func (db *DB) once(ctx context.Context, tx *sql.Tx, userID int64, key, kind string, create func() (int64, error)) (id int64, replay bool, err error) {
	if key == "" {
		id, err = create()
		return id, false, err
	}
	var had string
	err = tx.QueryRowContext(ctx, "SELECT kind, record_id FROM idempotency_keys WHERE user_id = ? AND key = ?", userID, key).Scan(&had, &id)
	switch {
	case err == nil && had != kind:
		return 0, false, errKeyReused
	case err == nil:
		return id, true, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, fmt.Errorf("find idempotency key: %w", err)
	}
	if id, err = create(); err != nil {
		return 0, false, err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO idempotency_keys (user_id, key, kind, record_id, created_at) VALUES (?, ?, ?, ?, ?)",
		userID, key, kind, id, formatTime(db.Now()))
	if err != nil {
		return 0, false, fmt.Errorf("insert idempotency key: %w", err)
	}
	return id, false, nil
}

// DeleteOldIdempotencyKeys forgets keys used before `before` and returns
// how many it removed.
func (db *DB) DeleteOldIdempotencyKeys(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM idempotency_keys WHERE created_at < ?", formatTime(before))
		if err != nil {
			return fmt.Errorf("delete old idempotency keys: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}

// FindKeyOf returns the key that created a record, or "" when none did:
// the entry page tells the browser which draft it confirms.
func (db *DB) FindKeyOf(ctx context.Context, userID int64, kind string, recordID int64) (string, error) {
	var key string
	err := db.reader().QueryRowContext(ctx, "SELECT key FROM idempotency_keys WHERE user_id = ? AND kind = ? AND record_id = ? LIMIT 1",
		userID, kind, recordID).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("find idempotency key: %w", err)
	}
	return key, nil
}

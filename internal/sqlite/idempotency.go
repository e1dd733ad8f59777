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

var (
	errKeyReused       = journal.Errorf(journal.ECONFLICT, "This form was already used to create something else. Reload the page and try again.")
	errKeyOtherRequest = journal.Errorf(journal.EINVALID, "This Idempotency-Key was already used with another request. Send a new key for a new record.")
)

// OnceKey makes a create happen at most once. Key is a create form's token
// or an API Idempotency-Key; "" always creates. Fingerprint identifies the
// API request that sent the key (see the idempotency_keys migration); a
// form has none.
type OnceKey struct {
	Key         string
	Fingerprint string
}

// liveRecordSQL finds the record a key made, by kind, while it still
// exists: a withdrawn follow-up counts as deleted, as every page has it.
var liveRecordSQL = map[string]string{
	KindEntry:    "SELECT 1 FROM entries WHERE user_id = ? AND id = ?",
	KindFollowUp: "SELECT 1 FROM followups WHERE user_id = ? AND id = ? AND withdrawn_at IS NULL",
	KindBoss:     "SELECT 1 FROM bosses WHERE user_id = ? AND id = ?",
	KindPriority: "SELECT 1 FROM priorities WHERE user_id = ? AND id = ?",
}

// once runs create in tx unless the user already used k.Key: then it
// returns the id the first use created and replay=true, and create never
// runs. A key used for another kind of record is a conflict, and one sent
// with another request's fingerprint is invalid: either would answer a
// record the request did not ask for. When the key's record has since
// been deleted, the key is taken over by a new record rather than left
// pointing at one that is gone. The key is stored in the same transaction
// as the record, so a crash between the two cannot happen.
func (db *DB) once(ctx context.Context, tx *sql.Tx, userID int64, k OnceKey, kind string, create func() (int64, error)) (id int64, replay bool, err error) {
	if k.Key == "" {
		id, err = create()
		return id, false, err
	}
	var had, fingerprint string
	err = tx.QueryRowContext(ctx, "SELECT kind, record_id, fingerprint FROM idempotency_keys WHERE user_id = ? AND key = ?",
		userID, k.Key).Scan(&had, &id, &fingerprint)
	switch {
	case err == nil && had != kind:
		return 0, false, errKeyReused
	case err == nil && fingerprint != "" && fingerprint != k.Fingerprint:
		return 0, false, errKeyOtherRequest
	case err == nil:
		live, err := recordLives(ctx, tx, userID, kind, id)
		if err != nil || live {
			return id, live, err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?", userID, k.Key); err != nil {
			return 0, false, fmt.Errorf("free idempotency key: %w", err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, fmt.Errorf("find idempotency key: %w", err)
	}
	if id, err = create(); err != nil {
		return 0, false, err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO idempotency_keys (user_id, key, kind, record_id, created_at, fingerprint) VALUES (?, ?, ?, ?, ?, ?)",
		userID, k.Key, kind, id, formatTime(db.Now()), k.Fingerprint)
	if err != nil {
		return 0, false, fmt.Errorf("insert idempotency key: %w", err)
	}
	return id, false, nil
}

// recordLives reports whether the record of kind that a key made is still
// there.
func recordLives(ctx context.Context, tx *sql.Tx, userID int64, kind string, id int64) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, liveRecordSQL[kind], userID, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("find %s of idempotency key: %w", kind, err)
	}
	return true, nil
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

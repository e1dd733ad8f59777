package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The API names records by their public ids, as the export does; these
// turn one of the user's public ids into the row id the rest of the store
// takes. Another user's id is not found, like one that never existed.

// EntryIDByPublicID returns the row id of one of the user's entries.
func (db *DB) EntryIDByPublicID(ctx context.Context, userID int64, publicID string) (int64, error) {
	return db.idByPublicID(ctx, "entries", userID, publicID, errEntryNotFound)
}

// BossIDByPublicID returns the row id of one of the user's bosses.
func (db *DB) BossIDByPublicID(ctx context.Context, userID int64, publicID string) (int64, error) {
	return db.idByPublicID(ctx, "bosses", userID, publicID, errBossNotFound)
}

// PriorityIDByPublicID returns the row id of one of the user's priorities.
func (db *DB) PriorityIDByPublicID(ctx context.Context, userID int64, publicID string) (int64, error) {
	return db.idByPublicID(ctx, "priorities", userID, publicID, errPriorityNotFound)
}

// FollowUpIDByPublicID returns the row id of one of the user's follow-ups.
func (db *DB) FollowUpIDByPublicID(ctx context.Context, userID int64, publicID string) (int64, error) {
	return db.idByPublicID(ctx, "followups", userID, publicID, errFollowUpNotFound)
}

// idByPublicID reads the (user_id, public_id) unique index of table, a
// constant chosen by the callers above, never user input.
func (db *DB) idByPublicID(ctx context.Context, table string, userID int64, publicID string, notFound error) (int64, error) {
	var id int64
	err := db.reader().QueryRowContext(ctx, "SELECT id FROM "+table+" WHERE user_id = ? AND public_id = ?", userID, publicID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound
	}
	if err != nil {
		return 0, fmt.Errorf("find %s by public id: %w", table, err)
	}
	return id, nil
}

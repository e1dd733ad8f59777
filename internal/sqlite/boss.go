package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/google/uuid"

	"github.com/leadup/leadup/internal/journal"
)

const bossColumns = "id, public_id, user_id, name, relation, role, archived, created_at, updated_at"

var errBossNotFound = journal.Errorf(journal.ENOTFOUND, "That boss does not exist.")

// CreateBoss adds a boss for the user.
func (db *DB) CreateBoss(ctx context.Context, userID int64, in journal.BossInput) (*journal.Boss, error) {
	var b *journal.Boss
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		b, err = db.createBoss(ctx, tx, userID, in)
		return err
	})
	return b, err
}

// CreateBossOnce adds a boss unless key was used before: then it returns
// the id of the boss that use made, with replay set.
func (db *DB) CreateBossOnce(ctx context.Context, userID int64, key OnceKey, in journal.BossInput) (id int64, replay bool, err error) {
	err = db.tx(ctx, func(tx *sql.Tx) error {
		id, replay, err = db.once(ctx, tx, userID, key, KindBoss, func() (int64, error) {
			b, err := db.createBoss(ctx, tx, userID, in)
			if err != nil {
				return 0, err
			}
			return b.ID, nil
		})
		return err
	})
	return id, replay, err
}

func (db *DB) createBoss(ctx context.Context, tx *sql.Tx, userID int64, in journal.BossInput) (*journal.Boss, error) {
	now := db.Now().UTC()
	b := &journal.Boss{PublicID: uuid.NewString(), UserID: userID, Name: in.Name, Relation: in.Relation, Role: in.Role, CreatedAt: now, UpdatedAt: now}
	res, err := tx.ExecContext(ctx,
		"INSERT INTO bosses (public_id, user_id, name, relation, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
		b.PublicID, userID, b.Name, b.Relation, b.Role, formatTime(now), formatTime(now))
	if err != nil {
		return nil, fmt.Errorf("insert boss: %w", err)
	}
	if b.ID, err = res.LastInsertId(); err != nil {
		return nil, err
	}
	return b, nil
}

// FindBoss returns one of the user's bosses.
func (db *DB) FindBoss(ctx context.Context, userID, id int64) (*journal.Boss, error) {
	row := db.reader().QueryRowContext(ctx, "SELECT "+bossColumns+" FROM bosses WHERE user_id = ? AND id = ?", userID, id)
	return scanBoss(row)
}

// FindBosses returns the user's bosses by name, active ones first; archived
// ones only when asked for.
func (db *DB) FindBosses(ctx context.Context, userID int64, withArchived bool) ([]*journal.Boss, error) {
	return queryAll(ctx, db.reader(), "find bosses", scanBoss, bossesQuery(withArchived), userID)
}

// bossesQuery is the query of FindBosses, and of its plan test.
func bossesQuery(withArchived bool) string {
	q := "SELECT " + bossColumns + " FROM bosses WHERE user_id = ?"
	if !withArchived {
		q += " AND archived = 0"
	}
	return q + " ORDER BY archived, name COLLATE NOCASE, id"
}

// UpdateBoss changes a boss's name, relation and role.
func (db *DB) UpdateBoss(ctx context.Context, userID, id int64, in journal.BossInput) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE bosses SET name = ?, relation = ?, role = ?, updated_at = ? WHERE user_id = ? AND id = ?",
			in.Name, in.Relation, in.Role, formatTime(db.Now()), userID, id)
		return notFoundAs(checkOneRow(res, err, "update boss"), errBossNotFound)
	})
}

// SetBossArchived archives or restores a boss. An archived boss leaves the
// entry form; its history stays.
func (db *DB) SetBossArchived(ctx context.Context, userID, id int64, archived bool) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE bosses SET archived = ?, updated_at = ? WHERE user_id = ? AND id = ?",
			archived, formatTime(db.Now()), userID, id)
		return notFoundAs(checkOneRow(res, err, "archive boss"), errBossNotFound)
	})
}

// BossPracticeMix counts the practices of all entries with one boss.
func (db *DB) BossPracticeMix(ctx context.Context, userID, bossID int64) (map[string]int, error) {
	return queryPracticeCounts(ctx, db.reader(), qBossPracticeMix, userID, bossID)
}

const qBossPracticeMix = "SELECT practice, count(*) FROM entry_practices WHERE user_id = ? AND boss_id = ? GROUP BY practice"

func scanBoss(row scanner) (*journal.Boss, error) {
	var b journal.Boss
	err := scanOne(row, errBossNotFound, "boss",
		&b.ID, &b.PublicID, &b.UserID, &b.Name, &b.Relation, &b.Role, &b.Archived, storedTime{&b.CreatedAt}, storedTime{&b.UpdatedAt})
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// notFoundAs replaces a generic ENOTFOUND with a more specific one.
func notFoundAs(err, specific error) error {
	if journal.ErrorCode(err) == journal.ENOTFOUND {
		return specific
	}
	return err
}

// BossPracticeCounts counts a boss's entry tags per practice between two
// dates. The IN list lets SQLite probe the (user, boss, practice, date)
// index once per practice instead of reading all of the boss's history.
func (db *DB) BossPracticeCounts(ctx context.Context, userID, bossID int64, from, to string) (map[string]int, error) {
	return queryPracticeCounts(ctx, db.reader(),
		`SELECT practice, count(*) FROM entry_practices
		 WHERE user_id = ? AND boss_id = ? AND practice IN ('results', 'responsibility', 'priorities', 'team', 'risk', 'solutions')
		   AND occurred_on BETWEEN ? AND ? GROUP BY practice`, userID, bossID, from, to)
}

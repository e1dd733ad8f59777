package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/leadup/leadup/internal/journal"
)

const priorityColumns = "id, public_id, user_id, boss_id, text, status, noted_on, status_changed_at, created_at"

var errPriorityNotFound = journal.Errorf(journal.ENOTFOUND, "That priority does not exist.")

// CreatePriority adds an active priority to one of the user's bosses.
func (db *DB) CreatePriority(ctx context.Context, userID, bossID int64, text, notedOn string) (*journal.Priority, error) {
	id, _, err := db.CreatePriorityOnce(ctx, userID, bossID, OnceKey{}, text, notedOn)
	if err != nil {
		return nil, err
	}
	return db.FindPriority(ctx, userID, id)
}

// CreatePriorityOnce adds a priority unless key was used before: then it
// returns the id of the priority that use made, with replay set.
func (db *DB) CreatePriorityOnce(ctx context.Context, userID, bossID int64, key OnceKey, text, notedOn string) (id int64, replay bool, err error) {
	err = db.tx(ctx, func(tx *sql.Tx) error {
		id, replay, err = db.once(ctx, tx, userID, key, KindPriority, func() (int64, error) {
			if err := checkBossOwned(ctx, tx, userID, bossID); err != nil {
				return 0, err
			}
			now := formatTime(db.Now())
			res, err := tx.ExecContext(ctx,
				`INSERT INTO priorities (public_id, user_id, boss_id, text, status, noted_on, status_changed_at, created_at)
				 VALUES (?, ?, ?, ?, 'active', ?, ?, ?)`,
				uuid.NewString(), userID, bossID, text, notedOn, now, now)
			if err != nil {
				return 0, fmt.Errorf("insert priority: %w", err)
			}
			return res.LastInsertId()
		})
		return err
	})
	return id, replay, err
}

// FindPriority returns one of the user's priorities.
func (db *DB) FindPriority(ctx context.Context, userID, id int64) (*journal.Priority, error) {
	return scanPriority(db.reader().QueryRowContext(ctx, "SELECT "+priorityColumns+" FROM priorities WHERE user_id = ? AND id = ?", userID, id))
}

// FindPriorities returns a boss's priorities, active first, newest first;
// status "" means every status.
func (db *DB) FindPriorities(ctx context.Context, userID, bossID int64, status string) ([]*journal.Priority, error) {
	q, args := prioritiesQuery(userID, bossID, status)
	return queryAll(ctx, db.reader(), "find priorities", scanPriority, q, args...)
}

// prioritiesQuery is the query of FindPriorities, and of its plan test.
func prioritiesQuery(userID, bossID int64, status string) (string, []any) {
	q := "SELECT " + priorityColumns + " FROM priorities WHERE user_id = ? AND boss_id = ?"
	args := []any{userID, bossID}
	if status != "" {
		q += " AND status = ?"
		args = append(args, status)
	}
	return q + " ORDER BY status = 'active' DESC, noted_on DESC, id DESC", args
}

// SetPriorityStatus changes a priority's status and records when.
func (db *DB) SetPriorityStatus(ctx context.Context, userID, id int64, status string) (*journal.Priority, error) {
	err := db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			"UPDATE priorities SET status = ?, status_changed_at = ? WHERE user_id = ? AND id = ? AND status <> ?",
			status, formatTime(db.Now()), userID, id, status)
		if err != nil {
			return fmt.Errorf("set priority status: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// Unchanged status is fine; a missing priority is not.
			var one int
			err := tx.QueryRowContext(ctx, "SELECT 1 FROM priorities WHERE user_id = ? AND id = ?", userID, id).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return errPriorityNotFound
			}
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return db.FindPriority(ctx, userID, id)
}

func scanPriority(row scanner) (*journal.Priority, error) {
	var p journal.Priority
	err := scanOne(row, errPriorityNotFound, "priority",
		&p.ID, &p.PublicID, &p.UserID, &p.BossID, &p.Text, &p.Status, &p.NotedOn, storedTime{&p.StatusChangedAt}, storedTime{&p.CreatedAt})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// checkBossOwned returns ENOTFOUND unless the boss belongs to the user.
func checkBossOwned(ctx context.Context, tx *sql.Tx, userID, bossID int64) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM bosses WHERE user_id = ? AND id = ?", userID, bossID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return errBossNotFound
	}
	return err
}

// ActivePriority is an active priority with its boss's name, for the entry
// form.
type ActivePriority struct {
	ID       int64
	BossID   int64
	BossName string
	Text     string
}

// FindActivePriorities returns the active priorities of the user's bosses
// that are not archived, by boss then newest first.
func (db *DB) FindActivePriorities(ctx context.Context, userID int64) ([]ActivePriority, error) {
	query := `SELECT p.id, p.boss_id, b.name, p.text FROM priorities p JOIN bosses b ON b.id = p.boss_id
		 WHERE p.user_id = ? AND p.status = 'active' AND b.archived = 0
		 ORDER BY b.name COLLATE NOCASE, p.noted_on DESC, p.id DESC`
	return queryAll(ctx, db.reader(), "find active priorities", func(row scanner) (ActivePriority, error) {
		var p ActivePriority
		err := row.Scan(&p.ID, &p.BossID, &p.BossName, &p.Text)
		return p, err
	}, query, userID)
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// BossEvidence reads, in one read transaction, what the boss and prep
// pages show beside the boss: the manual, the drift of the boss's active
// priorities, the latest entry of each of the boss's priorities (one query,
// not one per priority), and the promise ledger of this quarter so far.
// Another user's boss is ENOTFOUND.
func (db *DB) BossEvidence(ctx context.Context, userID, bossID int64, today string) (*journal.BossEvidence, error) {
	tx, done, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	defer done()
	ev := &journal.BossEvidence{LedgerFrom: journal.QuarterStart(today), LedgerTo: journal.QuarterEnd(today), LastTouched: map[int64]string{}}
	m := &ev.Manual
	err = tx.QueryRowContext(ctx,
		"SELECT manual_prefers, manual_channel, manual_cares, manual_frustrations, manual_notes FROM bosses WHERE user_id = ? AND id = ?",
		userID, bossID).Scan(&m.Prefers, &m.Channel, &m.Cares, &m.Frustrations, &m.Notes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errBossNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("boss manual: %w", err)
	}
	if ev.Drift, err = priorityDrift(ctx, tx, userID, bossID, today); err != nil {
		return nil, err
	}
	if ev.LastTouched, err = lastTouched(ctx, tx, userID, bossID); err != nil {
		return nil, err
	}
	// The quarter's promises, including those first due later in it.
	gs, err := promiseGroups(ctx, tx, userID, bossID, ev.LedgerFrom, journal.QuarterEnd(today), today)
	if err != nil {
		return nil, err
	}
	ev.Ledger = journal.LedgerOf(gs)
	return ev, nil
}

// lastTouched returns the latest linked entry of every priority of a boss
// in one query; a priority without any is absent.
func lastTouched(ctx context.Context, q queryer, userID, bossID int64) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx,
		`SELECT p.id, (SELECT max(e.occurred_on) FROM entries e WHERE e.priority_id = p.id)
		 FROM priorities p WHERE p.user_id = ? AND p.boss_id = ?`, userID, bossID)
	if err != nil {
		return nil, fmt.Errorf("priority last touched: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var d sql.NullString
		if err := rows.Scan(&id, &d); err != nil {
			return nil, err
		}
		if d.Valid {
			out[id] = d.String
		}
	}
	return out, rows.Err()
}

// SaveManual writes a boss's manual; the input must be validated.
func (db *DB) SaveManual(ctx context.Context, userID, bossID int64, m journal.Manual) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`UPDATE bosses SET manual_prefers = ?, manual_channel = ?, manual_cares = ?, manual_frustrations = ?, manual_notes = ?, updated_at = ?
			 WHERE user_id = ? AND id = ?`,
			m.Prefers, m.Channel, m.Cares, m.Frustrations, m.Notes, formatTime(db.Now()), userID, bossID)
		return notFoundAs(checkOneRow(res, err, "save manual"), errBossNotFound)
	})
}

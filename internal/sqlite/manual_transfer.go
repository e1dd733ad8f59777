package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// exportManuals reads every boss's manual that holds anything, by boss id.
func exportManuals(ctx context.Context, tx *sql.Tx, userID int64) (map[int64]*journal.Manual, error) {
	rows, err := tx.QueryContext(ctx,
		`SELECT id, manual_prefers, manual_channel, manual_cares, manual_frustrations, manual_notes FROM bosses
		 WHERE user_id = ? AND (manual_prefers || manual_channel || manual_cares || manual_frustrations || manual_notes) <> ''`, userID)
	if err != nil {
		return nil, fmt.Errorf("export manuals: %w", err)
	}
	defer rows.Close()
	out := map[int64]*journal.Manual{}
	for rows.Next() {
		var id int64
		var m journal.Manual
		if err := rows.Scan(&id, &m.Prefers, &m.Channel, &m.Cares, &m.Frustrations, &m.Notes); err != nil {
			return nil, err
		}
		out[id] = &m
	}
	return out, rows.Err()
}

// bossManual writes an imported boss's manual; a boss without one in the
// file keeps what is stored.
func (im *importer) bossManual(b *journal.Boss) error {
	m := b.Manual
	if m == nil {
		return nil
	}
	_, err := im.tx.ExecContext(im.ctx,
		`UPDATE bosses SET manual_prefers = ?, manual_channel = ?, manual_cares = ?, manual_frustrations = ?, manual_notes = ?
		 WHERE user_id = ? AND public_id = ?`, m.Prefers, m.Channel, m.Cares, m.Frustrations, m.Notes, im.userID, b.PublicID)
	if err != nil {
		return fmt.Errorf("import manual: %w", err)
	}
	return nil
}

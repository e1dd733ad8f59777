package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// blockTable names a table of entry blocks. Only the constants below are
// one, so no input ever reaches the SQL deleteBlock builds.
type blockTable string

const (
	problemsTable  blockTable = "problems"
	betsTable      blockTable = "bets"
	forecastsTable blockTable = "forecasts"
)

// deleteBlock removes an entry's block: its problem, bet or forecast.
func deleteBlock(ctx context.Context, tx *sql.Tx, table blockTable, userID, entryID int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+string(table)+" WHERE user_id = ? AND entry_id = ?", userID, entryID); err != nil {
		return fmt.Errorf("delete from %s: %w", table, err)
	}
	return nil
}

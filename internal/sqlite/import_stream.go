package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// ImportStream merges records into the user's account as read hands them
// over (see export.Stream), in one transaction: read returning an error
// writes nothing. Nothing but the record at hand is held, so an import of
// any size needs the memory of one record.
func (db *DB) ImportStream(ctx context.Context, userID int64, read func(journal.ImportSink) error) (journal.ImportResult, error) {
	var res journal.ImportResult
	err := db.tx(ctx, func(tx *sql.Tx) error {
		return read(importSink{&importer{ctx: ctx, tx: tx, userID: userID, res: &res}})
	})
	return res, err
}

// importSink adapts the importer to journal.ImportSink.
type importSink struct{ im *importer }

func (s importSink) Boss(i int, b *journal.Boss) error {
	if err := s.im.boss(b); err != nil {
		return fmt.Errorf("bosses[%d]: %w", i, err)
	}
	return nil
}

func (s importSink) Priority(i int, p *journal.Priority) error { return s.im.priority(i, p) }

func (s importSink) Entry(i int, e *journal.Entry) error { return s.im.entry(i, e) }

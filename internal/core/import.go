package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// Import applies an import to the user's journal in one write
// transaction: read feeds the records to the sink it is given.
func (c *Core) Import(ctx context.Context, userID int64, read func(journal.ImportSink) error) (journal.ImportResult, error) {
	return c.db.ImportStream(ctx, userID, read)
}

// UploadDir is where an upload waiting to be imported is spooled: beside
// the database, on the disk that has room for it.
func (c *Core) UploadDir() string { return c.db.Dir() }

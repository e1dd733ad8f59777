package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// CloseBlock records what became of the block of kind k in the user's
// entry: a problem's decision, a bet's outcome, a forecast's result.
func (c *Core) CloseBlock(ctx context.Context, userID, entryID int64, k journal.BlockKind, in journal.BlockCloser) error {
	return c.db.CloseBlock(ctx, userID, entryID, k, in)
}

package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// ReviewPage reads the user's review of the period f, as of today, in one
// snapshot: the review page, its Markdown and its JSON.
func (c *Core) ReviewPage(ctx context.Context, userID int64, f journal.ReviewFilter, today string) (*journal.Review, error) {
	return c.db.ReviewData(ctx, userID, f, today)
}

package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// AddPriority adds a priority to the user's boss bossID, noted on today,
// once per key.
func (c *Core) AddPriority(ctx context.Context, userID, bossID int64, key OnceKey, text, today string) (id int64, replay bool, err error) {
	return c.db.CreatePriorityOnce(ctx, userID, bossID, key, text, today)
}

// Priority reads the user's priority id.
func (c *Core) Priority(ctx context.Context, userID, id int64) (*journal.Priority, error) {
	return c.db.FindPriority(ctx, userID, id)
}

// SetPriorityStatus marks the user's priority id active, done or dropped.
func (c *Core) SetPriorityStatus(ctx context.Context, userID, id int64, status string) (*journal.Priority, error) {
	return c.db.SetPriorityStatus(ctx, userID, id, status)
}

package core

import "context"

// Ping checks that the database answers, for the health check.
func (c *Core) Ping(ctx context.Context) error { return c.db.Ping(ctx) }

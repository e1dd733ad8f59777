package core

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// RecordDecision closes the problem of the user's entry with what was
// decided.
func (c *Core) RecordDecision(ctx context.Context, userID, entryID int64, in journal.DecisionInput) error {
	return c.db.RecordDecision(ctx, userID, entryID, in)
}

// RecordOutcome closes the bet of the user's entry with how it turned out.
func (c *Core) RecordOutcome(ctx context.Context, userID, entryID int64, in journal.OutcomeInput) error {
	return c.db.RecordOutcome(ctx, userID, entryID, in)
}

// RecordResolution closes the forecast of the user's entry with what
// happened.
func (c *Core) RecordResolution(ctx context.Context, userID, entryID int64, in journal.ResolutionInput) error {
	return c.db.RecordResolution(ctx, userID, entryID, in)
}

package sqlite

import (
	"context"
	"fmt"
	"time"
)

// OptimizeInterval is how often a long-running server asks SQLite to
// refresh its statistics, as SQLite recommends for long-lived connections.
const OptimizeInterval = 6 * time.Hour

// Optimize runs PRAGMA optimize on the writer (ANALYZE writes
// sqlite_stat1), within SQLite's own analysis limit so that it stays
// quick on a large file. With startup set it looks at every table (0x10002),
// as SQLite advises right after opening; later runs look at the tables the
// connection's queries used. The queries do not depend on it: their plans
// are right without statistics (see TestListQueriesUseIndexes and
// TestWeekQueriesUseDateIndexes); statistics only keep them so.
func (db *DB) Optimize(ctx context.Context, startup bool) error {
	q := "PRAGMA optimize"
	if startup {
		q = "PRAGMA optimize = 0x10002"
	}
	if _, err := db.write.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

package sqlite

import (
	"context"
	"fmt"
	"time"
)

// OptimizeInterval is how often a long-running server asks SQLite to
// refresh its statistics, as SQLite recommends for long-lived connections.
const OptimizeInterval = 6 * time.Hour

// analysisLimit is how many rows of each index ANALYZE reads (PRAGMA
// analysis_limit): statistics from a sample, so that gathering them costs
// about the same at 100 entries as at 1,000,000. A whole-file ANALYZE of a
// 1,000,000-entry file took 24.6 s, before the server listened.
const analysisLimit = 1000

// Optimize runs PRAGMA optimize on the writer (ANALYZE writes
// sqlite_stat1) within analysisLimit. With startup set it looks at every
// table (0x10002), as SQLite advises right after opening; later runs look
// at the tables the connection's queries used. The queries do not depend
// on it: their plans are right without statistics (see
// TestListQueriesUseIndexes and TestWeekQueriesUseDateIndexes); statistics
// only keep them so.
//
// It then removes the sqlite_stat4 samples of the search index's own
// tables (an older leadup's whole-file ANALYZE left them). With samples,
// SQLite plans FTS5's lookup in entry_search_idx again for every term it
// binds, and a secure-delete looks up every term of the document it
// removes: that re-planning was half of an edit's time at 1,000,000
// entries. One plan fits every term there.
func (db *DB) Optimize(ctx context.Context, startup bool) error {
	q := "PRAGMA optimize"
	if startup {
		q = "PRAGMA optimize = 0x10002"
	}
	if _, err := db.write.ExecContext(ctx, fmt.Sprintf("PRAGMA analysis_limit = %d", analysisLimit)); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if _, err := db.write.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return db.dropSearchSamples(ctx)
}

// dropSearchSamples deletes the search index tables' rows of sqlite_stat4
// and has the writer load the statistics again; the readers load them
// when they connect.
func (db *DB) dropSearchSamples(ctx context.Context) error {
	var n int
	if err := db.write.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat4'").Scan(&n); err != nil || n == 0 {
		return err
	}
	res, err := db.write.ExecContext(ctx, "DELETE FROM sqlite_stat4 WHERE tbl GLOB 'entry_search_*'")
	if err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		if _, err := db.write.ExecContext(ctx, "ANALYZE sqlite_schema"); err != nil {
			return fmt.Errorf("optimize: %w", err)
		}
	}
	return nil
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// replicatorProbes is how many checkpoints ReaderActive tries: Litestream
// lets go of its read transaction for a moment when it checkpoints itself.
const replicatorProbes = 3

// ReaderActive reports whether another process holds a read transaction
// on the database at path, as Litestream's replicator does all the time
// it runs (and as a sqlite3 shell in the middle of a query does): a TRUNCATE
// checkpoint cannot finish past such a reader. Restoring under a running
// replicator would ship the old database's pages on top of the restored
// one, so restore refuses.
func ReaderActive(ctx context.Context, path string) (bool, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	// No busy timeout: a blocked checkpoint must answer at once.
	db, err := sql.Open("sqlite", "file:"+escapePath(path))
	if err != nil {
		return false, fmt.Errorf("probe readers: %w", err)
	}
	defer db.Close()
	for i := range replicatorProbes {
		var busy, logFrames, checkpointed int
		if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &checkpointed); err != nil {
			return false, fmt.Errorf("probe readers: %w", err)
		}
		if busy != 0 {
			return true, nil
		}
		if i+1 < replicatorProbes {
			time.Sleep(100 * time.Millisecond)
		}
	}
	return false, nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/leadup/leadup/internal/sqlite"
)

// checkNoReplicator refuses a restore while another process reads the
// database, as Litestream's replicator does while it runs: it would go on
// shipping the replaced database's pages. A running leadup is reported as
// such first, by its lock.
func checkNoReplicator(ctx context.Context, db string) error {
	if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
		return nil // nothing there to replicate, and nothing to create
	}
	unlock, err := sqlite.Lock(db)
	if err != nil {
		return fmt.Errorf("restore: %w; stop the server first", err)
	}
	busy, err := sqlite.ReaderActive(ctx, db)
	unlock()
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if busy {
		return fmt.Errorf("restore: another process is reading %s, such as Litestream's replicator; stop it first, or it would replicate the old database over the restored one", db)
	}
	return nil
}

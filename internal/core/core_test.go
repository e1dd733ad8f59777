package core

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/sqlite"
)

// newTestCore returns the use cases over a fresh, migrated SQLite file
// under t.TempDir(), with a clock the test can move.
func newTestCore(t *testing.T) (*Core, *time.Time) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "leadup.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	return New(db), &now
}

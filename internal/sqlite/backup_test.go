package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
)

// TestCheckIsLeadupTellsAFailedQueryApart holds the backup check to what
// it knows: a file without leadup's tables is "not a leadup database", but
// a query that failed is reported as the failure it is.
func TestCheckIsLeadupTellsAFailedQueryApart(t *testing.T) {
	ctx := context.Background()
	leadup := newTestDB(t)
	if err := checkIsLeadup(ctx, leadup.Reader()); err != nil {
		t.Errorf("a migrated database: got %v, want nil", err)
	}

	other, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec("CREATE TABLE notes (body TEXT)"); err != nil {
		t.Fatal(err)
	}
	if err := checkIsLeadup(ctx, other); !errors.Is(err, errNotLeadup) {
		t.Errorf("another application's database: got %v, want %v", err, errNotLeadup)
	}

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	err = checkIsLeadup(canceled, leadup.Reader())
	if !errors.Is(err, context.Canceled) || errors.Is(err, errNotLeadup) {
		t.Errorf("a failed query: got %v, want an error wrapping %v", err, context.Canceled)
	}
}

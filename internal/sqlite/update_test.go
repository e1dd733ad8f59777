package sqlite

import (
	"context"
	"errors"
	"testing"
)

// Update makes several store writes one transaction: reads inside see its
// writes, and an error undoes every one of them.
func TestUpdateIsOneTransaction(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	undo := errors.New("undo")
	err := db.Update(ctx, func(tx *DB) error {
		if _, err := tx.CreateUser(ctx, signup("ann@example.com"), "h"); err != nil {
			return err
		}
		if _, err := tx.CreateUser(ctx, signup("bob@example.com"), "h"); err != nil {
			return err
		}
		if n, err := tx.CountUsers(ctx); err != nil || n != 2 {
			t.Errorf("CountUsers inside Update = %d, %v; want 2, nil", n, err)
		}
		return undo
	})
	if !errors.Is(err, undo) {
		t.Fatalf("Update = %v, want %v", err, undo)
	}
	if n, _ := db.CountUsers(ctx); n != 0 {
		t.Errorf("after a failed Update, CountUsers = %d, want 0", n)
	}
	err = db.Update(ctx, func(tx *DB) error {
		_, err := tx.CreateUser(ctx, signup("ann@example.com"), "h")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountUsers(ctx); n != 1 {
		t.Errorf("after Update, CountUsers = %d, want 1", n)
	}
}

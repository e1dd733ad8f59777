package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestContextInterruptsQuery checks what the server's request deadline
// relies on: when a query's context ends, modernc's driver interrupts
// SQLite, so even a query that would never finish returns.
func TestContextInterruptsQuery(t *testing.T) {
	db := newTestDB(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		var n int64
		done <- db.Reader().QueryRowContext(ctx,
			"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c").Scan(&n)
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("an endless query finished without error")
		}
		if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			t.Fatalf("query ended before its deadline: %v", err)
		}
		t.Logf("an endless query returned %v after it started, with a 100ms deadline: %v", time.Since(start), err)
	case <-time.After(30 * time.Second): // a bound on failure, not a timing assertion
		t.Fatal("the query was not interrupted when its context ended")
	}
	// The interrupted connection goes back to the pool in working order.
	if err := db.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	var one int
	if err := db.Reader().QueryRow("SELECT 1").Scan(&one); err != nil {
		t.Fatal(err)
	}
}

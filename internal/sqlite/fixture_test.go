package sqlite

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

type fixture struct {
	db        *DB
	ann, bob  *journal.User
	annBoss   *journal.Boss
	bobBoss   *journal.Boss
	annActive *journal.Priority
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := newTestDB(t)
	ctx := context.Background()
	f := &fixture{db: db}
	f.ann, _ = db.CreateUser(ctx, signup("ann@example.com"), "h", CreateUserOptions{})
	f.bob, _ = db.CreateUser(ctx, signup("bob@example.com"), "h", CreateUserOptions{})
	var err error
	if f.annBoss, err = db.CreateBoss(ctx, f.ann.ID, journal.BossInput{Name: "Dana", Relation: "manager"}); err != nil {
		t.Fatal(err)
	}
	f.bobBoss, _ = db.CreateBoss(ctx, f.bob.ID, journal.BossInput{Name: "Eve", Relation: "executive"})
	if f.annActive, err = db.CreatePriority(ctx, f.ann.ID, f.annBoss.ID, "Ship the Q4 plan", "2026-11-01"); err != nil {
		t.Fatal(err)
	}
	return f
}

func entryIn(bossID int64, date string, practices ...string) journal.EntryInput {
	return journal.EntryInput{BossID: bossID, OccurredOn: date, Kind: "one_on_one", Summary: "Talked on " + date, Practices: practices}
}

func explain(t *testing.T, db *DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Reader().Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", q, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

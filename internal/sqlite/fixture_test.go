package sqlite

import (
	"context"
	"strings"
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
	f.ann, _ = db.CreateUser(ctx, signup("ann@example.com"), "h")
	f.bob, _ = db.CreateUser(ctx, signup("bob@example.com"), "h")
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

// entry creates one of ann's entries, or ends the test.
func (f *fixture) entry(t testing.TB, in journal.EntryInput) *journal.Entry {
	t.Helper()
	e, err := f.db.CreateEntry(context.Background(), f.ann.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// boss creates another of ann's bosses, or ends the test.
func (f *fixture) boss(t testing.TB, name, relation string) *journal.Boss {
	t.Helper()
	b, err := f.db.CreateBoss(context.Background(), f.ann.ID, journal.BossInput{Name: name, Relation: relation})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// countOf runs a count(*) query, or ends the test.
func countOf(t testing.TB, db *DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.Reader().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkSearchByUser checks that each query's plan (the query, then its
// arguments) searches an index whose name holds index and that is led by
// user_id, not just any index.
func checkSearchByUser(t *testing.T, db *DB, index string, queries [][]any) {
	t.Helper()
	for _, q := range queries {
		plan := explain(t, db, q[0].(string), q[1:]...)
		byUser := false
		for _, line := range plan {
			byUser = byUser || (strings.HasPrefix(line, "SEARCH") && strings.Contains(line, index) && strings.Contains(line, "(user_id=?"))
		}
		if !byUser {
			t.Errorf("plan of\n%s\nhas no SEARCH on a %s index led by user_id: %v", q[0], index, plan)
		}
	}
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

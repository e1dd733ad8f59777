package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/migrations"
)

// aggregateDiff compares practice_months with a count of the tags
// themselves and returns what differs.
func aggregateDiff(t *testing.T, db *DB) string {
	t.Helper()
	read := func(q string) map[string]int {
		rows, err := db.Reader().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]int{}
		for rows.Next() {
			var u, b int64
			var m, p string
			var n int
			if err := rows.Scan(&u, &b, &m, &p, &n); err != nil {
				t.Fatal(err)
			}
			out[fmt.Sprintf("%d/%d/%s/%s", u, b, m, p)] = n
		}
		return out
	}
	agg := read("SELECT user_id, boss_id, month, practice, n FROM practice_months")
	tags := read("SELECT user_id, boss_id, substr(occurred_on, 1, 7), practice, count(*) FROM entry_practices GROUP BY 1, 2, 3, 4")
	var diff []string
	for k, n := range tags {
		if agg[k] != n {
			diff = append(diff, fmt.Sprintf("%s: aggregate %d, tags %d", k, agg[k], n))
		}
	}
	for k, n := range agg {
		if _, ok := tags[k]; !ok {
			diff = append(diff, fmt.Sprintf("%s: aggregate %d, no tags", k, n))
		}
	}
	return strings.Join(diff, "\n")
}

func TestPracticeMonthsFollowEntries(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other := f.boss(t, "Eve", "executive")
	var ids []int64
	for _, in := range []journal.EntryInput{
		entryIn(f.annBoss.ID, "2026-10-31", "results", "team"),
		entryIn(f.annBoss.ID, "2026-11-01", "results"),
		entryIn(other.ID, "2026-11-02", "risk"),
	} {
		e := f.entry(t, in)
		ids = append(ids, e.ID)
	}
	if _, err := f.db.CreateEntry(ctx, f.bob.ID, entryIn(f.bobBoss.ID, "2026-11-01", "results")); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func() error
	}{
		{"created", func() error { return nil }},
		{"moved to another month, boss and practices", func() error {
			return f.db.UpdateEntry(ctx, f.ann.ID, ids[0], entryIn(other.ID, "2026-12-01", "solutions"))
		}},
		{"moved by SQL, as an import may", func() error {
			_, err := f.db.Writer().Exec("UPDATE entry_practices SET occurred_on = '2025-01-15' WHERE entry_id = ?", ids[1])
			return err
		}},
		{"deleted", func() error { return f.db.DeleteEntry(ctx, f.ann.ID, ids[2]) }},
		{"account deleted", func() error { return f.db.DeleteUser(ctx, f.bob.ID) }},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if d := aggregateDiff(t, f.db); d != "" {
			t.Errorf("after %s, practice_months is off:\n%s", s.name, d)
		}
	}
	if zero := countOf(t, f.db, "SELECT count(*) FROM practice_months WHERE n <= 0 OR user_id = ?", f.bob.ID); zero != 0 {
		t.Errorf("%d empty or orphaned aggregate rows", zero)
	}
}

// TestReviewQueriesUseIndexes: the review's reads are index searches, so
// a long period costs its months and its bounded candidates, not the
// journal's size.
func TestReviewQueriesUseIndexes(t *testing.T) {
	f := newFixture(t)
	queries := [][]any{
		{"SELECT month, practice, sum(n) FROM practice_months WHERE user_id = ? AND month BETWEEN ? AND ? GROUP BY month, practice", 1, "2021-01", "2026-01"},
		{"SELECT month, practice, sum(n) FROM practice_months WHERE user_id = ? AND month BETWEEN ? AND ? AND boss_id = ? GROUP BY month, practice", 1, "2021-01", "2026-01", 1},
		{"SELECT entry_id FROM entry_practices WHERE user_id = ? AND practice = ? AND occurred_on BETWEEN ? AND ? ORDER BY occurred_on DESC, entry_id DESC LIMIT 60", 1, "risk", "2021-01-01", "2026-01-01"},
		{"SELECT count(*) FROM entries e WHERE e.priority_id = ? AND e.occurred_on BETWEEN ? AND ?", 1, "2021-01-01", "2026-01-01"},
		{"SELECT max(occurred_on) FROM entries WHERE priority_id = ?", 1},
		{"SELECT count(*) FROM followups f WHERE f.user_id = ? AND f.judged_on BETWEEN ? AND ?", 1, "2021-01-01", "2026-01-01"},
	}
	for _, q := range queries {
		plan := strings.Join(explain(t, f.db, q[0].(string), q[1:]...), " | ")
		if !strings.Contains(plan, "SEARCH") || (strings.Contains(plan, "SCAN ") && !strings.Contains(plan, "COVERING INDEX")) {
			t.Errorf("plan of %s:\n%s", q[0], plan)
		}
	}
}

// TestReviewMigrationFillsAggregates: migration 00012 fills practice_months
// and promise_months from a journal that existed before it.
func TestReviewMigrationFillsAggregates(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e := f.entry(t, entryIn(f.annBoss.ID, "2026-10-20", "results", "risk"))
	if _, err := f.db.CreateFollowUp(ctx, f.ann.ID, e.ID, journal.FollowUpInput{Text: "Send it", Owner: "me", DueOn: "2026-10-22"}); err != nil {
		t.Fatal(err)
	}
	f.db.Writer().Exec("UPDATE followups SET done_on = '2026-10-21', done_at = 'x'")
	p, err := newProvider(f.db.Writer(), migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 11); err != nil {
		t.Fatalf("down: %v", err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up: %v", err)
	}
	if d := aggregateDiff(t, f.db); d != "" {
		t.Errorf("practice_months after up:\n%s", d)
	}
	var n int
	f.db.Reader().QueryRow("SELECT n FROM promise_months WHERE user_id = ? AND month = '2026-10' AND owner = 'me' AND state = 'on_time'", f.ann.ID).Scan(&n)
	if n != 1 {
		t.Errorf("promise_months after up: %d kept promises in October, want 1", n)
	}
}

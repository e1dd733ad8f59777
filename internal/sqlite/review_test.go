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
		{"SELECT count(*) FROM followups f WHERE f.user_id = ? AND coalesce(f.first_due_on, f.due_on) BETWEEN ? AND ?", 1, "2021-01-01", "2026-01-01"},
	}
	for _, q := range queries {
		plan := strings.Join(explain(t, f.db, q[0].(string), q[1:]...), " | ")
		if !strings.Contains(plan, "SEARCH") || (strings.Contains(plan, "SCAN ") && !strings.Contains(plan, "COVERING INDEX")) {
			t.Errorf("plan of %s:\n%s", q[0], plan)
		}
	}
}

// TestPromiseLedgerMatchesRows: the ledger read through promise_months and
// the open-promise counts equals journal.NewLedger over every promise's own
// dates, for whole months, partial months and one week, after the kinds of
// change the app and an import make.
func TestPromiseLedgerMatchesRows(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const today = "2026-11-25"
	e := f.entry(t, entryIn(f.annBoss.ID, "2026-06-10", "results"))
	w := f.db.Writer()
	add := func(owner string, due, done any) {
		var doneAt any
		if done != nil {
			doneAt = "2026-01-01T00:00:00Z"
		}
		_, err := w.Exec(`INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, done_at, done_on, created_at)
			VALUES (lower(hex(randomblob(8))), ?, ?, 'p', ?, ?, ?, ?, '2026-01-01T00:00:00Z')`, f.ann.ID, e.ID, owner, due, doneAt, done)
		if err != nil {
			t.Fatal(err)
		}
	}
	days := []string{"2026-07-01", "2026-07-31", "2026-09-15", "2026-10-31", "2026-11-01", "2026-11-24", "2026-11-25", "2026-11-28", "2026-12-05"}
	for i, d := range days {
		owner := []string{"me", "boss"}[i%2]
		add(owner, d, nil)
		add(owner, d, journal.AddDays(d, -1))
		add(owner, d, journal.AddDays(d, 2))
	}
	add("me", nil, nil)
	add("boss", nil, "2026-06-20")
	ledgerOf := func() map[string]journal.Ledger {
		rows, err := f.db.Reader().Query(`SELECT f.owner, e.occurred_on, coalesce(f.first_due_on, f.due_on, ''), coalesce(f.done_on, ''), f.withdrawn_at IS NOT NULL
			FROM followups f JOIN entries e ON e.id = f.entry_id WHERE f.user_id = ?`, f.ann.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ps []journal.Promise
		for rows.Next() {
			var p journal.Promise
			rows.Scan(&p.Owner, &p.MadeOn, &p.FirstDue, &p.DoneOn, &p.Withdrawn)
			ps = append(ps, p)
		}
		rows.Close()
		out := map[string]journal.Ledger{}
		for _, r := range [][2]string{{"2026-06-01", "2026-12-31"}, {"2026-07-15", "2026-11-26"}, {"2026-11-23", "2026-11-29"}, {"2026-08-01", "2026-08-31"}} {
			key := r[0] + ".." + r[1]
			want := journal.NewLedger(ps, r[0], r[1], today)
			tx, _ := f.db.Reader().BeginTx(ctx, nil)
			gs, err := promiseGroups(ctx, tx, f.ann.ID, 0, r[0], r[1], today)
			tx.Rollback()
			if err != nil {
				t.Fatal(err)
			}
			if got := journal.LedgerOf(gs); got != want {
				t.Errorf("%s: ledger %+v, want %+v", key, got, want)
			}
			out[key] = want
		}
		return out
	}
	steps := []struct {
		name, sql string
	}{
		{"created", ""},
		{"a late promise's date moved later (the first date stays)", "UPDATE followups SET due_on = '2026-12-20' WHERE due_on = '2026-09-15' AND done_on = '2026-09-17'"},
		{"an open promise kept", "UPDATE followups SET done_on = '2026-11-20', done_at = 'x' WHERE due_on = '2026-11-01' AND done_on IS NULL"},
		{"a kept promise reopened", "UPDATE followups SET done_on = NULL, done_at = NULL WHERE due_on = '2026-07-31' AND done_on = '2026-07-30'"},
		{"withdrawn", "UPDATE followups SET withdrawn_at = 'x' WHERE due_on IN ('2026-10-31', '2026-11-28')"},
		{"owner changed", "UPDATE followups SET owner = 'boss' WHERE due_on = '2026-07-01'"},
		{"the first date rewritten by an import", "UPDATE followups SET first_due_on = '2026-08-10', due_on = '2026-08-10' WHERE due_on = '2026-09-15' AND done_on = '2026-09-14'"},
		{"deleted", "DELETE FROM followups WHERE due_on = '2026-11-24' AND done_on IS NOT NULL"},
	}
	for _, s := range steps {
		if s.sql != "" {
			if _, err := w.Exec(s.sql); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
		}
		t.Run(s.name, func(t *testing.T) { ledgerOf() })
	}
	if neg := countOf(t, f.db, "SELECT count(*) FROM promise_months WHERE n <= 0"); neg != 0 {
		t.Errorf("%d empty aggregate rows", neg)
	}
	if err := f.db.DeleteUser(ctx, f.ann.ID); err != nil {
		t.Fatal(err)
	}
	if neg := countOf(t, f.db, "SELECT count(*) FROM promise_months"); neg != 0 {
		t.Errorf("%d aggregate rows outlive the account", neg)
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
	f.db.Reader().QueryRow("SELECT n FROM promise_months WHERE user_id = ? AND month = '2026-10' AND owner = 'me' AND done = 1 AND done_by_due = 1", f.ann.ID).Scan(&n)
	if n != 1 {
		t.Errorf("promise_months after up: %d kept promises in October, want 1", n)
	}
}

package sqlite

import (
	"context"
	"database/sql"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// totalChanges is how many rows the writer's one connection has inserted,
// changed or deleted since it opened, triggers and the search index
// included.
func totalChanges(t *testing.T, q interface{ QueryRow(string, ...any) *sql.Row }) int {
	t.Helper()
	var n int
	if err := q.QueryRow("SELECT total_changes()").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCreatingAnEntryWritesItOnce: an entry created without a problem,
// bet or forecast (the quick capture, most entries) writes the rows its
// own insert writes and nothing more — its search document was written by
// the insert's triggers, and taking it out and putting it back, as an edit
// of its blocks must, is work on the one writer for nothing. Blocks sent
// empty (the full form's fields left blank) are no blocks either.
func TestCreatingAnEntryWritesItOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(f.annBoss.ID, "2026-11-20", "results", "team")
	in.Notes = "We agreed on the scope."

	// What the entry's own rows write: the entry and its practices, with
	// whatever their triggers write, in a transaction then rolled back.
	before := totalChanges(t, f.db.write)
	tx, err := f.db.write.Begin()
	if err != nil {
		t.Fatal(err)
	}
	res, err := tx.Exec(insertEntrySQL, "00000000-0000-4000-8000-000000000000", f.ann.ID, f.annBoss.ID, in.OccurredOn, in.Kind, in.Summary, in.Notes, nil, "2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	for _, p := range in.Practices {
		if _, err := tx.Exec(insertPracticeSQL, id, p, f.ann.ID, f.annBoss.ID, in.OccurredOn); err != nil {
			t.Fatal(err)
		}
	}
	own := totalChanges(t, tx) - before
	tx.Rollback()

	for name, in := range map[string]journal.EntryInput{"no blocks": in, "blocks sent empty": withEmptyBlocks(in)} {
		before := totalChanges(t, f.db.write)
		if _, err := f.db.CreateEntry(ctx, f.ann.ID, in); err != nil {
			t.Fatal(err)
		}
		if got := totalChanges(t, f.db.write) - before; got != own {
			t.Errorf("%s: creating the entry changed %d rows, want %d (its own rows and their triggers')", name, got, own)
		}
	}
}

// withEmptyBlocks is in as the full entry form sends it with every block
// left blank.
func withEmptyBlocks(in journal.EntryInput) journal.EntryInput {
	for _, k := range journal.Blocks {
		k.NewInput(&in)
	}
	return in
}

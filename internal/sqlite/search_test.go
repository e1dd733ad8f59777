package sqlite

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/migrations"
)

func search(t *testing.T, db *DB, userID int64, f journal.EntryFilter) []string {
	t.Helper()
	list, _, err := db.FindEntries(context.Background(), userID, f)
	if err != nil {
		t.Fatalf("search %+v: %v", f, err)
	}
	n, err := db.CountEntries(context.Background(), userID, f)
	if err != nil {
		t.Fatalf("count %+v: %v", f, err)
	}
	if n != len(list) {
		t.Errorf("search %q: count %d, list %d", f.Query, n, len(list))
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Summary)
	}
	return out
}

func TestSearch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	add := func(userID, bossID int64, date, summary, notes string, practices ...string) *journal.Entry {
		in := entryIn(bossID, date, practices...)
		in.Summary, in.Notes = summary, notes
		e, err := f.db.CreateEntry(ctx, userID, in)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	budget := add(f.ann.ID, f.annBoss.ID, "2026-11-02", "Budget review", "We cut the travel line.", "results")
	add(f.ann.ID, f.annBoss.ID, "2026-11-03", "Hiring plan", "The budget allows two hires.", "team")
	add(f.ann.ID, f.annBoss.ID, "2026-11-04", "Café offsite", "Talked about the launch plan and risks.", "risk")
	add(f.ann.ID, f.annBoss.ID, "2026-11-05", "Launch retro", "Plan the launch better next time.", "solutions")
	add(f.bob.ID, f.bobBoss.ID, "2026-11-02", "Bob budget secret", "budget budget budget", "results")

	tests := []struct {
		name string
		f    journal.EntryFilter
		want []string
	}{
		{"ranked: summary first", journal.EntryFilter{Query: "budget"}, []string{"Budget review", "Hiring plan"}},
		{"prefix", journal.EntryFilter{Query: "budg"}, []string{"Budget review", "Hiring plan"}},
		{"phrase", journal.EntryFilter{Query: `"launch plan"`}, []string{"Café offsite"}},
		{"words in any order", journal.EntryFilter{Query: "plan launch"}, []string{"Launch retro", "Café offsite"}},
		{"accents fold", journal.EntryFilter{Query: "cafe"}, []string{"Café offsite"}},
		{"accents fold the other way", journal.EntryFilter{Query: "rétro"}, []string{"Launch retro"}},
		{"boss name", journal.EntryFilter{Query: "dana", To: "2026-11-02"}, []string{"Budget review"}},
		{"with practice", journal.EntryFilter{Query: "budget", Practice: "team"}, []string{"Hiring plan"}},
		{"with dates", journal.EntryFilter{Query: "launch", From: "2026-11-05"}, []string{"Launch retro"}},
		{"with boss", journal.EntryFilter{Query: "budget", BossID: f.bobBoss.ID}, nil},
		{"unbalanced quote", journal.EntryFilter{Query: `"budget`}, []string{"Budget review", "Hiring plan"}},
		{"operators only", journal.EntryFilter{Query: "AND OR"}, nil},
		{"star alone lists all", journal.EntryFilter{Query: "*"}, []string{"Launch retro", "Café offsite", "Hiring plan", "Budget review"}},
		{"no match", journal.EntryFilter{Query: "zebra"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := search(t, f.db, f.ann.ID, tt.f)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	list, _, _ := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: "travel"})
	if len(list) != 1 || !strings.Contains(list[0].Snippet, journal.SnippetOpen+"travel"+journal.SnippetClose) {
		t.Errorf("snippet of %d results does not mark the match: %q", len(list), list[0].Snippet)
	}

	// The index follows updates, follow-ups, renames and deletes.
	upd := entryIn(f.annBoss.ID, "2026-11-02", "results")
	upd.Summary, upd.Notes = "Quarterly numbers", "Nothing about money."
	if err := f.db.UpdateEntry(ctx, f.ann.ID, budget.ID, upd); err != nil {
		t.Fatal(err)
	}
	if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "travel"}); len(got) != 0 {
		t.Errorf("old notes still found after update: %q", got)
	}
	if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "quarterly"}); len(got) != 1 {
		t.Errorf("new summary not found: %q", got)
	}
	f.db.CreateFollowUp(ctx, f.ann.ID, budget.ID, journal.FollowUpInput{Text: "Send spreadsheet", Owner: "me"})
	if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "spreadsheet"}); len(got) != 1 || got[0] != "Quarterly numbers" {
		t.Errorf("follow-up text not found: %q", got)
	}
	if err := f.db.UpdateBoss(ctx, f.ann.ID, f.annBoss.ID, journal.BossInput{Name: "Dolores", Relation: "manager"}); err != nil {
		t.Fatal(err)
	}
	if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "dolores"}); len(got) != 4 {
		t.Errorf("renamed boss finds %d entries, want 4", len(got))
	}
	if err := f.db.DeleteEntry(ctx, f.ann.ID, budget.ID); err != nil {
		t.Fatal(err)
	}
	if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "spreadsheet"}); len(got) != 0 {
		t.Errorf("deleted entry still found: %q", got)
	}
	if rows := countOf(t, f.db, "SELECT count(*) FROM entry_search_docsize"); rows != 4 {
		t.Errorf("entry_search has %d documents, want 4 (3 of ann's, 1 of bob's)", rows)
	}
}

func TestSearchIsolation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(f.bobBoss.ID, "2026-11-02", "results")
	in.Summary = "Confidential merger talk"
	if _, err := f.db.CreateEntry(ctx, f.bob.ID, in); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"merger", "confidential", "eve", `"merger talk"`} {
		list, more, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: q})
		n, _ := f.db.CountEntries(ctx, f.ann.ID, journal.EntryFilter{Query: q})
		if err != nil || len(list) != 0 || more || n != 0 {
			t.Errorf("ann searching %q sees %d entries, count %d (%v)", q, len(list), n, err)
		}
	}
	if got := search(t, f.db, f.bob.ID, journal.EntryFilter{Query: "merger"}); len(got) != 1 {
		t.Errorf("bob finds %q", got)
	}
}

// TestSearchMigrationIndexesExistingRows migrates a database that already
// holds entries to the search migration, and finds them.
func TestSearchMigrationIndexesExistingRows(t *testing.T) {
	ctx := context.Background()
	db, err := OpenNoMigrate(t.TempDir() + "/old.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before := fstest.MapFS{}
	for _, name := range []string{"00001_init.sql", "00002_journal.sql"} {
		b, err := fs.ReadFile(migrations.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		before[name] = &fstest.MapFile{Data: b}
	}
	if _, err := Migrate(ctx, db.Writer(), before); err != nil {
		t.Fatal(err)
	}
	// Written by hand: today's store reads tables and columns that this
	// old schema lacks.
	if _, err := db.Writer().ExecContext(ctx, `INSERT INTO users (public_id, email, password_hash, display_name, timezone, created_at, updated_at)
		VALUES ('u1', 'ann@example.com', 'h', 'Ann', 'UTC', ?, ?)`, formatTime(db.Now()), formatTime(db.Now())); err != nil {
		t.Fatal(err)
	}
	u := &journal.User{ID: 1}
	b, _ := db.CreateBoss(ctx, u.ID, journal.BossInput{Name: "Dana", Relation: "manager"})
	res, err := db.Writer().ExecContext(ctx, `INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
		VALUES ('e1', ?, ?, '2026-11-02', 'one_on_one', 'Quarterly numbers', 'Revenue grew.', ?, ?)`, u.ID, b.ID, formatTime(db.Now()), formatTime(db.Now()))
	if err != nil {
		t.Fatal(err)
	}
	entryID, _ := res.LastInsertId()
	db.CreateFollowUp(ctx, u.ID, entryID, journal.FollowUpInput{Text: "Send spreadsheet", Owner: "me"})

	if _, err := MigrateUp(ctx, db); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"quarterly", "revenue", "spreadsheet", "dana"} {
		if got := search(t, db, u.ID, journal.EntryFilter{Query: q}); len(got) != 1 {
			t.Errorf("after the migration %q finds %q", q, got)
		}
	}
}

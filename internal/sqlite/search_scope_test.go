package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// addEntries writes n entries for a user in one transaction, as an import
// would; the triggers index them.
func addEntries(t *testing.T, db *DB, userID, bossID int64, n int, summary string) {
	t.Helper()
	tx, err := db.Writer().Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for i := range n {
		_, err := tx.Exec(`INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
			VALUES (?, ?, ?, '2026-01-01', 'other', ?, 'notes', '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z')`,
			fmt.Sprintf("bulk-%d-%d", userID, i), userID, bossID, fmt.Sprintf("%s %d", summary, i))
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestListCountStops checks that a list and a search count up to
// MaxCountedEntries and say that there are more, in the same pass for a
// search.
func TestListCountStops(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, journal.MaxCountedEntries+5, "Weekly sync")
	addEntries(t, f.db, f.bob.ID, f.bobBoss.ID, 3, "Weekly sync")

	// A long journal counts its newest matches.
	p, err := f.db.ListEntries(ctx, f.ann.ID, journal.EntryFilter{Query: "weekly"})
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("Weekly sync %d", journal.MaxCountedEntries+4); len(p.Entries) == 0 || p.Entries[0].Summary != want {
		t.Errorf("first hit %q, want the newest, %q", p.Entries[0].Summary, want)
	}

	for _, tt := range []struct {
		name   string
		user   int64
		f      journal.EntryFilter
		count  int
		capped bool
	}{
		{"list", f.ann.ID, journal.EntryFilter{}, journal.MaxCountedEntries, true},
		{"search", f.ann.ID, journal.EntryFilter{Query: "weekly"}, journal.MaxCountedEntries, true},
		{"search, last page", f.ann.ID, journal.EntryFilter{Query: "sync", Page: 20}, journal.MaxCountedEntries, true},
		{"search past the last page", f.ann.ID, journal.EntryFilter{Query: "sync", Page: 21}, journal.MaxCountedEntries, true},
		{"small list", f.bob.ID, journal.EntryFilter{}, 3, false},
		{"small search", f.bob.ID, journal.EntryFilter{Query: "weekly"}, 3, false},
		{"no match", f.ann.ID, journal.EntryFilter{Query: "zebra"}, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.db.ListEntries(ctx, tt.user, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if p.Count != tt.count || p.Capped != tt.capped {
				t.Errorf("count %d capped %v, want %d %v", p.Count, p.Capped, tt.count, tt.capped)
			}
			for _, e := range p.Entries {
				if e.UserID != tt.user {
					t.Fatalf("entry %d of user %d in user %d's list", e.ID, e.UserID, tt.user)
				}
			}
		})
	}
}

// TestSearchScopeToken checks that a scope is not searchable: a word like
// the owner token of old or like another user's scoped word finds nothing.
func TestSearchScopeToken(t *testing.T) {
	f := newFixture(t)
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 3, "Weekly sync")
	addEntries(t, f.db, f.bob.ID, f.bobBoss.ID, 3, "Weekly sync")
	for _, q := range []string{fmt.Sprintf("u%d", f.ann.ID), "u", fmt.Sprintf(`"u%d"`, f.ann.ID),
		fmt.Sprintf("w%dxweekly", f.bob.ID), fmt.Sprintf("w%dx", f.bob.ID), fmt.Sprintf("w%dxwe", f.bob.ID)} {
		if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: q}); len(got) != 0 {
			t.Errorf("searching %q finds %q", q, got)
		}
	}
}

// TestSearchIndexSettings checks that the index keeps no copy of the text
// and overwrites what is deleted.
func TestSearchIndexSettings(t *testing.T) {
	db := newTestDB(t)
	var secure int
	if err := db.Reader().QueryRow("SELECT v FROM entry_search_config WHERE k = 'secure-delete'").Scan(&secure); err != nil || secure != 1 {
		t.Errorf("secure-delete = %d (%v), want 1", secure, err)
	}
	var n int
	db.Reader().QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'entry_search_content'").Scan(&n)
	if n != 0 {
		t.Error("entry_search has a content table: a second copy of every entry's text")
	}
	// contentless_delete would delete by tombstone, which leaves the words
	// in the index's pages: documents are removed by the 'delete' command.
	var sql string
	db.Reader().QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'entry_search'").Scan(&sql)
	if !strings.Contains(sql, "content = ''") || strings.Contains(sql, "contentless_delete") {
		t.Errorf("entry_search is not a plain contentless table: %s", sql)
	}
	// Each term is one user's (see TestSearchTermsBelongToOneUser), so a
	// prefix reads one user's few terms: prefix indexes, four terms for
	// every word, would only weigh.
	if strings.Contains(sql, "prefix") {
		t.Errorf("entry_search keeps prefix indexes: %s", sql)
	}
}

package sqlite

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/migrations"
)

func TestDeletingAnEntryDeletesItsBlocks(t *testing.T) {
	tests := []struct {
		name   string
		in     func(*fixture) journal.EntryInput
		tables []string
	}{
		{"problem and bet", func(f *fixture) journal.EntryInput {
			in := problemEntry(f, "2026-11-20")
			in.Bet = &journal.BetInput{Bet: "Automation pays back in a month", ReviewOn: "2026-12-20"}
			return in
		}, []string{"problems", "bets"}},
		{"forecast", func(f *fixture) journal.EntryInput { return forecastEntry(f, "2026-11-20") }, []string{"forecasts"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			e := f.entry(t, tt.in(f))
			count := func(table string) int {
				return countOf(t, f.db, "SELECT count(*) FROM "+table+" WHERE entry_id = ?", e.ID)
			}
			for _, table := range tt.tables {
				if n := count(table); n != 1 {
					t.Fatalf("before delete: %d rows in %s, want 1", n, table)
				}
			}
			if err := f.db.DeleteEntry(ctx, f.ann.ID, e.ID); err != nil {
				t.Fatal(err)
			}
			for _, table := range tt.tables {
				if n := count(table); n != 0 {
					t.Errorf("after delete: %d rows in %s, want 0", n, table)
				}
			}
		})
	}
}

// TestBlockMigrationsGoDownAndUp undoes the migration that brought a block
// (and, for problems, the later ones on top) on a journal with that block,
// checks that search still finds the entry by its summary but no longer by
// the block's text, and applies the migrations again.
func TestBlockMigrationsGoDownAndUp(t *testing.T) {
	tests := []struct {
		name    string
		version int64 // the migration that brought the block
		in      func(*fixture, string) journal.EntryInput
		word    string // a word only in the block
	}{
		{"problems", 10, problemEntry, "smoke"},
		{"forecasts", 13, forecastEntry, "vendor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			f.entry(t, tt.in(f, "2026-11-20"))
			p, err := newProvider(f.db.Writer(), migrations.FS)
			if err != nil {
				t.Fatal(err)
			}
			// Down below it, so that it is undone even with later migrations on top.
			if _, err := p.DownTo(ctx, tt.version-1); err != nil {
				t.Fatalf("down: %v", err)
			}
			match := func(q string) int {
				var n int
				if err := f.db.Writer().QueryRow("SELECT count(*) FROM entry_search WHERE entry_search MATCH ?", q).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			if match("talked") != 1 || match(tt.word) != 0 {
				t.Errorf("after down: talked %d, %s %d; want 1 and 0", match("talked"), tt.word, match(tt.word))
			}
			// Up as an upgrade goes, rebuilds included.
			if _, err := Migrate(ctx, f.db.Writer(), migrations.FS); err != nil {
				t.Fatalf("up again: %v", err)
			}
			// Down dropped the block itself; one made now is searched again.
			f.entry(t, tt.in(f, "2026-11-21"))
			for q, want := range map[string]int{"talked": 2, tt.word: 1} {
				if list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: q}); err != nil || len(list) != want {
					t.Errorf("after up again, %q: %d entries, %v; want %d", q, len(list), err, want)
				}
			}
		})
	}
}

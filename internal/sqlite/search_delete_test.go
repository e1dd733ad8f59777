package sqlite

import (
	"context"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestSearchIndexKeepsCountAcrossCascades deletes an entry with follow-ups
// and a problem, and a whole account, and checks that each document left
// the index exactly once: the index's row count still matches the
// entries, and its own integrity check passes.
func TestSearchIndexKeepsCountAcrossCascades(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, u := range []struct {
		id   int64
		boss int64
	}{{f.ann.ID, f.annBoss.ID}, {f.bob.ID, f.bobBoss.ID}} {
		for _, d := range []string{"2026-11-18", "2026-11-19"} {
			in := entryIn(u.boss, d, "results")
			in.Problem = &journal.ProblemInput{Problem: "Releases stall", Options: []string{"Automate"}, Recommendation: "Automate"}
			e, err := f.db.CreateEntry(ctx, u.id, in)
			if err != nil {
				t.Fatal(err)
			}
			for _, text := range []string{"Send spreadsheet", "Book room"} {
				if _, err := f.db.CreateFollowUp(ctx, u.id, e.ID, journal.FollowUpInput{Text: text, Owner: "me"}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	check := func(when string) {
		t.Helper()
		var entries, docs int
		f.db.Writer().QueryRow("SELECT count(*) FROM entries").Scan(&entries)
		f.db.Writer().QueryRow("SELECT count(*) FROM entry_search_docsize").Scan(&docs)
		var avg []byte
		f.db.Writer().QueryRow("SELECT block FROM entry_search_data WHERE id = 1").Scan(&avg)
		// The first varint of the averages record is the index's row count
		// (one byte while it is under 128).
		if docs != entries || len(avg) == 0 || int(avg[0]) != entries {
			t.Errorf("%s: %d entries, %d documents, row count %v", when, entries, docs, avg[:min(1, len(avg))])
		}
		if _, err := f.db.Writer().Exec("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')"); err != nil {
			t.Errorf("%s: integrity-check: %v", when, err)
		}
	}
	check("after creating")
	list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{})
	if err != nil || len(list) == 0 {
		t.Fatal(list, err)
	}
	if err := f.db.DeleteEntry(ctx, f.ann.ID, list[0].ID); err != nil {
		t.Fatal(err)
	}
	check("after deleting an entry")
	if err := f.db.DeleteUser(ctx, f.bob.ID); err != nil {
		t.Fatal(err)
	}
	check("after deleting an account")
	if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: "spreadsheet"}); len(got) != 1 {
		t.Errorf("the entry left is found %d times", len(got))
	}
}

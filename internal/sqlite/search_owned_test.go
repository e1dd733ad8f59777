package sqlite

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestSearchTermsBelongToOneUser writes the same words for two users, with
// a follow-up, a block and a renamed boss, and reads every term the index
// holds with its documents: each term is one user's, scoped to the owner
// of every document it lists. That is what keeps an edit's secure-delete
// and a search's ranking to the user's own lists, however many other
// users write the same words.
func TestSearchTermsBelongToOneUser(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, u := range []struct{ user, boss int64 }{{f.ann.ID, f.annBoss.ID}, {f.bob.ID, f.bobBoss.ID}} {
		in := entryIn(u.boss, "2026-11-20", "results")
		in.Summary, in.Notes = "Budget meeting", "The budget grows; café plans."
		in.Problem = &journal.ProblemInput{Problem: "Budget stalls", Options: []string{"Cut travel"}, Recommendation: "Cut travel"}
		e, err := f.db.CreateEntry(ctx, u.user, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.CreateFollowUp(ctx, u.user, e.ID, journal.FollowUpInput{Text: "Send the budget", Owner: "me"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.db.UpdateBoss(ctx, f.bob.ID, f.bobBoss.ID, journal.BossInput{Name: "Budget Eve", Relation: "manager"}); err != nil {
		t.Fatal(err)
	}
	w := f.db.Writer()
	if _, err := w.Exec("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, entry_search, 'instance')"); err != nil {
		t.Fatal(err)
	}
	rows, err := w.Query("SELECT v.term, e.user_id FROM temp.search_terms v JOIN entries e ON e.id = v.doc")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	owners := map[string]map[int64]bool{}
	for rows.Next() {
		var term string
		var user int64
		if err := rows.Scan(&term, &user); err != nil {
			t.Fatal(err)
		}
		if owners[term] == nil {
			owners[term] = map[int64]bool{}
		}
		if scope := fmt.Sprintf("w%dx", user); !owners[term][user] && !strings.HasPrefix(term, scope) {
			t.Errorf("term %q of user %d's document is not in the user's scope %q", term, user, scope)
		}
		owners[term][user] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(owners) < 10 {
		t.Fatalf("the index holds %d terms: %v", len(owners), owners)
	}
	for term, users := range owners {
		if len(users) != 1 {
			t.Errorf("term %q lists the documents of %d users", term, len(users))
		}
	}
	// Every search still finds the user's own words, whole, by prefix
	// and by stem, in every column.
	for _, q := range []string{"budget", "bud", "budgets", "cafe", "travel", "send", "eve", `"budget meeting"`} {
		want := 1
		if q == "eve" {
			want = 0 // ann's boss is Dana
		}
		if got := search(t, f.db, f.ann.ID, journal.EntryFilter{Query: q}); len(got) != want {
			t.Errorf("ann's search for %s finds %d entries, want %d", q, len(got), want)
		}
	}
	if got := search(t, f.db, f.bob.ID, journal.EntryFilter{Query: "eve"}); len(got) != 1 {
		t.Errorf("bob's search for his renamed boss finds %d entries", len(got))
	}
}

// TestSearchOrderIsTheUsersOwn checks the order a user sees for two words
// in different columns: the rarer of the two in the user's own journal
// weighs more, and stays so when another user writes the other word a
// hundred times. (With statistics over the whole index, bob's entries
// made "budget" common and turned ann's order around.)
func TestSearchOrderIsTheUsersOwn(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	add := func(summary, notes string) {
		in := entryIn(f.annBoss.ID, "2026-11-10", "results")
		in.Summary, in.Notes = summary, notes
		if _, err := f.db.CreateEntry(ctx, f.ann.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	add("Budget review", "Then the plan holds.")
	add("Plan review", "Then the budget holds.")
	add("Offsite", "A plan for the offsite.")
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 7, "Weekly sync")
	want := []string{"Budget review", "Plan review"} // "budget" is ann's rarer word
	q := journal.EntryFilter{Query: "budget plan"}
	if got := search(t, f.db, f.ann.ID, q); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("ann's order %q, want %q", got, want)
	}
	addEntries(t, f.db, f.bob.ID, f.bobBoss.ID, 100, "Budget budget")
	if got := search(t, f.db, f.ann.ID, q); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after bob's entries, ann's order %q, want %q", got, want)
	}
}

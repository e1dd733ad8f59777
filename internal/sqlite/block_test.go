package sqlite

import (
	"context"
	"slices"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// blockEntries are entries with one block of each kind, by key.
var blockEntries = map[string]func(*fixture, string) journal.EntryInput{
	"problem":  problemEntry,
	"forecast": forecastEntry,
	"bet": func(f *fixture, date string) journal.EntryInput {
		in := entryIn(f.annBoss.ID, date, "risk")
		in.Bet = &journal.BetInput{Bet: "A pilot pays back", Downside: "Two weeks lost", ReviewOn: "2026-12-20"}
		return in
	},
}

// TestBlocksAreTheirDescription holds each block's table to its
// description in journal.Blocks — the columns the store writes and reads
// are the table's — and checks that no block table carries triggers of its
// own: the search document is the one view, kept by the store's one block
// writer, through every way a block changes (written, rewritten, closed,
// cleared), with nothing left behind in the index.
func TestBlocksAreTheirDescription(t *testing.T) {
	for _, k := range journal.Blocks {
		t.Run(k.Key, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			var cols []string
			rows, err := f.db.Writer().Query("SELECT name FROM pragma_table_info(?) ORDER BY cid", k.Table)
			check(t, err)
			for rows.Next() {
				var c string
				check(t, rows.Scan(&c))
				cols = append(cols, c)
			}
			want := []string{"entry_id", "user_id", "boss_id", "occurred_on"}
			for _, c := range k.Columns() {
				want = append(want, c.Column)
			}
			if !slices.Equal(cols, want) {
				t.Errorf("columns of %s: %v, described %v", k.Table, cols, want)
			}
			if n := countOf(t, f.db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", k.Table); n != 0 {
				t.Errorf("%s has %d triggers; the store keeps the search document", k.Table, n)
			}

			mk, ok := blockEntries[k.Key]
			if !ok {
				t.Fatalf("no test entry with a %s", k.Key)
			}
			in := mk(f, "2026-11-20")
			e := f.entry(t, in)
			found := func(word string) int {
				list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: word})
				check(t, err)
				return len(list)
			}
			first := *k.Input(&in).Fields()[0].(*string) // the block's own text
			if found(first) != 1 {
				t.Errorf("written: %q finds %d entries, want 1", first, found(first))
			}
			*k.Input(&in).Fields()[0].(*string) = "Zebra crossing"
			check(t, f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in))
			if found(first) != 0 || found("zebra") != 1 {
				t.Errorf("rewritten: the old text finds %d, the new %d; want 0 and 1", found(first), found("zebra"))
			}
			closer := k.Closer()
			shown := k.ClosingShown(e, "2026-11-25")
			for i, p := range closer.Fields() {
				*p.(*string) = shown[k.Recorded[i].FormName()]
			}
			check(t, closer.Validate(e.OccurredOn, "2026-11-25"))
			check(t, f.db.CloseBlock(ctx, f.ann.ID, e.ID, k, closer))
			if err := f.db.CloseBlock(ctx, f.bob.ID, e.ID, k, closer); journal.ErrorCode(err) != journal.ENOTFOUND {
				t.Errorf("bob closes ann's %s: %v, want not found", k.Key, err)
			}
			got, err := f.db.FindEntry(ctx, f.ann.ID, e.ID)
			check(t, err)
			if fields, _ := k.Fields(got); fields == nil || found("zebra") != 1 {
				t.Fatalf("closed: the block is %v, and its text finds %d entries", fields, found("zebra"))
			}
			k.NewInput(&in) // an empty block clears the stored one
			check(t, f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in))
			got, err = f.db.FindEntry(ctx, f.ann.ID, e.ID)
			check(t, err)
			if fields, _ := k.Fields(got); fields != nil || found("zebra") != 0 || found("talked") != 1 {
				t.Errorf("cleared: the block is %v; its text finds %d entries, the summary %d; want none, 0, 1", fields, found("zebra"), found("talked"))
			}
		})
	}
}

package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// countingQueryer counts the queries run through it, and keeps their
// texts.
type countingQueryer struct {
	q     queryer
	n     int
	texts []string
}

func (c *countingQueryer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.n++
	c.texts = append(c.texts, query)
	return c.q.QueryContext(ctx, query, args...)
}

// fillCounting fills ann's entries with the ids whole, as a page does,
// through a countingQueryer on the read pool, and returns both.
func fillCounting(t *testing.T, f *fixture, ids []int64) ([]*journal.Entry, *countingQueryer) {
	t.Helper()
	entries := make([]*journal.Entry, len(ids))
	for i, id := range ids {
		entries[i] = &journal.Entry{ID: id}
	}
	c := &countingQueryer{q: f.db.reader()}
	if err := fillEntries(context.Background(), c, f.ann.ID, entries); err != nil {
		t.Fatal(err)
	}
	return entries, c
}

// TestFillEntriesQueriesPerPartNotPerEntry holds the cost of filling a
// page of entries (the API's list, the export's batches) flat: one query
// per part, the same for one entry as for fifty, and every entry gets its
// own blocks.
func TestFillEntriesQueriesPerPartNotPerEntry(t *testing.T) {
	f := newFixture(t)
	var ids []int64
	for i := range 50 {
		in := problemEntry(f, "2026-11-20")
		if i%2 == 0 {
			in = forecastEntry(f, "2026-11-20")
			in.Bet = &journal.BetInput{Bet: "A pilot pays back", ReviewOn: "2026-12-20"}
		}
		ids = append(ids, f.entry(t, in).ID)
	}
	counts := map[int]int{}
	for _, n := range []int{1, 50} {
		entries, c := fillCounting(t, f, ids[:n])
		counts[n] = c.n
		for i, e := range entries {
			even := i%2 == 0
			if (e.Problem != nil) == even || (e.Bet != nil) != even || (e.Forecast != nil) != even || len(e.Practices) != 1 {
				t.Errorf("entry %d of %d: problem %v, bet %v, forecast %v, practices %v", i, n, e.Problem, e.Bet, e.Forecast, e.Practices)
			}
		}
	}
	// The parts: practices, follow-ups and each block.
	if parts := 2 + len(journal.Blocks); counts[1] != counts[50] || counts[50] > parts {
		t.Errorf("queries to fill 1 entry: %d, 50 entries: %d; want the same, at most %d (one per part)", counts[1], counts[50], parts)
	}
}

// TestFillQueriesArePreparedOnce: the queries that fill entries whole read
// the same for one entry as for fifty, and are among the statements the
// read pool keeps prepared, so no page prepares them again (preparing
// them was a fifth of the list page's CPU). Inside Update, whose reads run
// on the writer's transaction, where the pool's statements are not
// prepared, they still read.
func TestFillQueriesArePreparedOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ids []int64
	for range 50 {
		e := f.entry(t, problemEntry(f, "2026-11-20"))
		if _, err := f.db.CreateFollowUp(ctx, f.ann.ID, e.ID, journal.FollowUpInput{Text: "Send the plan", Owner: "me"}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.ID)
	}
	texts := map[int][]string{}
	for _, n := range []int{1, 50} {
		entries, c := fillCounting(t, f, ids[:n])
		for i, e := range entries {
			if e.Problem == nil || len(e.FollowUps) != 1 || len(e.Practices) != 1 {
				t.Errorf("entry %d of %d not filled: problem %v, follow-ups %v, practices %v", i, n, e.Problem, e.FollowUps, e.Practices)
			}
		}
		texts[n] = c.texts
	}
	if !slices.Equal(texts[1], texts[50]) {
		t.Errorf("fill queries for 1 entry:\n%q\nfor 50:\n%q\nwant the same texts", texts[1], texts[50])
	}
	// The entry page's entry, and every page of the unfiltered list with
	// its count, are read prepared too.
	pageQueries := append([]string{findEntrySQL}, texts[50]...)
	for _, page := range []int{1, 3} {
		list, _ := entryListQuery(f.ann.ID, journal.EntryFilter{Page: page})
		count, _ := entryCountQuery(f.ann.ID, journal.EntryFilter{Page: page})
		pageQueries = append(pageQueries, list, count)
	}
	for _, q := range pageQueries {
		if !slices.Contains(hotReads, q) {
			t.Errorf("query not kept prepared: %s", q)
		}
	}
	err := f.db.Update(ctx, func(tx *DB) error {
		p, err := tx.ListEntries(ctx, f.ann.ID, journal.EntryFilter{})
		if err == nil && (len(p.Entries) != journal.EntriesPerPage || p.Entries[0].Problem == nil || len(p.Entries[0].FollowUps) != 1) {
			t.Errorf("list inside Update: %d entries, first %+v", len(p.Entries), p.Entries[0])
		}
		return err
	})
	if err != nil {
		t.Errorf("list inside Update: %v", err)
	}
}

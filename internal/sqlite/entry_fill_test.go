package sqlite

import (
	"context"
	"database/sql"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// countingQueryer counts the queries run through it.
type countingQueryer struct {
	q queryer
	n int
}

func (c *countingQueryer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.n++
	return c.q.QueryContext(ctx, query, args...)
}

// TestFillEntriesQueriesPerPartNotPerEntry holds the cost of filling a
// page of entries (the API's list, the export's batches) flat: one query
// per part, the same for one entry as for fifty, and every entry gets its
// own blocks.
func TestFillEntriesQueriesPerPartNotPerEntry(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
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
		entries := make([]*journal.Entry, n)
		for i := range n {
			entries[i] = &journal.Entry{ID: ids[i]}
		}
		c := &countingQueryer{q: f.db.reader()}
		if err := fillEntries(ctx, c, f.ann.ID, entries); err != nil {
			t.Fatal(err)
		}
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

package sqlite

import (
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestListQueriesUseIndexes checks the query plans: every list and count
// reads through an index that starts with the user id, never a full scan.
func TestListQueriesUseIndexes(t *testing.T) {
	f := newFixture(t)
	filters := []journal.EntryFilter{
		{}, {Page: 4}, {Practice: "risk"}, {BossID: 1}, {From: "2026-01-01", To: "2026-02-01"},
		{Practice: "team", BossID: 1, From: "2026-01-01"},
		{Query: "budget"}, {Query: "plan", Practice: "team", BossID: 1, From: "2026-01-01", To: "2026-12-31"},
	}
	var queries [][]any
	for _, fl := range filters {
		q, args := entryListQuery(f.ann.ID, fl)
		cq, cargs := entryCountQuery(f.ann.ID, fl)
		if fts := journal.SearchQuery(f.ann.ID, fl.Language, fl.Query); fts != "" {
			q, args = searchListQuery(f.ann.ID, fl, fts, len(queries)%4 == 0)
			cq, cargs = searchCountQuery(f.ann.ID, fl, fts, len(queries)%4 != 0)
		}
		queries = append(queries, append([]any{q}, args...), append([]any{cq}, cargs...))
	}
	queries = append(queries,
		planQuery(openFollowUpsQuery(1, 0, 0, 10)),
		planQuery(openFollowUpsQuery(1, 0, 50, 50)),
		[]any{qBossPracticeMix, 1, 1},
		[]any{bossesQuery(false), 1},
		planQuery(prioritiesQuery(1, 1, "")),
	)
	queries = append(queries, problemBetQueries()...)
	queries = append(queries, forecastQueries()...)
	for _, q := range queries {
		plan := explain(t, f.db, q[0].(string), q[1:]...)
		for _, line := range plan {
			// A scan of a subquery or of the search's hits reads rows
			// already bounded by LIMIT, not a table.
			bounded := strings.HasPrefix(line, "SCAN (subquery-") || line == "SCAN h" || line == "SCAN hits"
			if strings.HasPrefix(line, "SCAN ") && !strings.Contains(line, "INDEX") && !bounded {
				t.Errorf("full scan %q in the plan of\n%s\nplan: %v", line, q[0], plan)
			}
		}
		t.Logf("%s\n  -> %s", strings.Join(strings.Fields(q[0].(string)), " "), strings.Join(plan, " | "))
	}
}

// planQuery turns a production query builder's result into a query to
// explain.
func planQuery(q string, args []any) []any {
	return append([]any{q}, args...)
}

// TestFillQueriesSeekEntriesByID checks the plans of the queries that fill
// a page of entries, on a file without statistics (as every database is
// before its first ANALYZE): they look each entry's part up by entry id,
// never read the user's whole set of follow-ups or blocks through a user
// index, which made the heavy user's list page read 1,000 follow-ups to
// show 50 entries; and they read the part before its entry, so an entry
// without one costs one lookup, not two.
func TestFillQueriesSeekEntriesByID(t *testing.T) {
	f := newFixture(t)
	ids := entryIndex{}
	for id := range int64(journal.EntriesPerPage + 1) {
		ids[id+1] = nil
	}
	type fill struct{ table, query string }
	fills := []fill{{"f", fillFollowUpsSQL}}
	for _, k := range journal.Blocks {
		fills = append(fills, fill{"t", fillBlockSQL[k.Table]})
	}
	for _, fl := range fills {
		plan := explain(t, f.db, fl.query, f.ann.ID, ids.json())
		var seek string
		partFirst := false
		for _, line := range plan {
			if strings.HasPrefix(line, "SEARCH "+fl.table+" ") || strings.HasPrefix(line, "SCAN "+fl.table+" ") {
				seek = line
			}
			if strings.HasPrefix(line, "SEARCH e ") {
				partFirst = seek != ""
			}
		}
		if !strings.HasSuffix(seek, "(entry_id=?)") && !strings.HasSuffix(seek, "(rowid=?)") {
			t.Errorf("%s is read by %q, want a lookup by entry id; plan of\n%s\n%v", fl.table, seek, fl.query, plan)
		}
		if !partFirst {
			t.Errorf("%s is read after its entry, want before (most entries have none); plan of\n%s\n%v", fl.table, fl.query, plan)
		}
	}
}

package sqlite

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// TestOptimizeGathersStatistics checks that Optimize, as run at start,
// leaves statistics for a table that has grown.
func TestOptimizeGathersStatistics(t *testing.T) {
	f := newFixture(t)
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 2000, "Weekly sync")
	if err := f.db.Optimize(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := f.db.Reader().QueryRow("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'entries'").Scan(&n); err != nil || n == 0 {
		t.Errorf("no statistics for entries after Optimize (%d rows, %v)", n, err)
	}
}

// TestWeekQueriesUseDateIndexes checks, with no statistics at all, that
// the week's counts read the week's range of an index, not the user's
// whole history.
func TestWeekQueriesUseDateIndexes(t *testing.T) {
	f := newFixture(t)
	if _, err := f.db.Writer().Exec("DROP TABLE IF EXISTS sqlite_stat1"); err != nil {
		t.Fatal(err)
	}
	plan := strings.Join(explain(t, f.db, weekBossesQuery, f.ann.ID, "2026-11-02", "2026-11-08"), " | ")
	if !strings.Contains(plan, "SEARCH entries USING INDEX entries_user_date_idx (user_id=? AND occurred_on>? AND occurred_on<?)") {
		t.Errorf("the per-boss week count does not read the week's range:\n%s", plan)
	}
}

// TestOpenGathersNoStatistics: opening a file that has no statistics does
// not analyze it (a whole-file ANALYZE took 24.6 s at 1,000,000 entries,
// before the server listened); the server runs Optimize after listening.
func TestOpenGathersNoStatistics(t *testing.T) {
	f := newFixture(t)
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 500, "Weekly sync")
	path := f.db.path
	f.db.Close()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.Writer().QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'").Scan(&n); err != nil || n != 0 {
		t.Errorf("Open made sqlite_stat1 (%d, %v); want no statistics until Optimize", n, err)
	}
}

// TestOptimizeReadsASample checks that Optimize reads a sample of each
// index, not all of it: the statistics of a user with 3,000 entries come
// from the first analysisLimit rows, so they see at most that many for
// the user, where a whole ANALYZE sees all 3,000.
func TestOptimizeReadsASample(t *testing.T) {
	f := newFixture(t)
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 3*analysisLimit, "Weekly sync")
	if err := f.db.Optimize(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	var stat string
	if err := f.db.Writer().QueryRow("SELECT stat FROM sqlite_stat1 WHERE idx = 'entries_user_date_idx'").Scan(&stat); err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(stat)
	if len(fields) < 2 {
		t.Fatalf("stat %q", stat)
	}
	if perUser, _ := strconv.Atoi(fields[1]); perUser > analysisLimit+1 {
		t.Errorf("entries_user_date_idx stat %q: %d rows per user seen, want a sample of at most %d", stat, perUser, analysisLimit+1)
	}
}

// TestOptimizeLeavesNoSamplesOfTheSearchIndex: a file that an older
// leadup analyzed whole has sqlite_stat4 samples of the search index's
// own tables, with which SQLite plans FTS5's lookup again for every term
// an edit's secure-delete removes. Optimize removes them and keeps the
// samples of leadup's own tables.
func TestOptimizeLeavesNoSamplesOfTheSearchIndex(t *testing.T) {
	f := newFixture(t)
	addEntries(t, f.db, f.ann.ID, f.annBoss.ID, 2000, "Weekly sync")
	if _, err := f.db.Writer().Exec("ANALYZE"); err != nil {
		t.Fatal(err)
	}
	count := func(cond string) int {
		var n int
		if err := f.db.Writer().QueryRow("SELECT count(*) FROM sqlite_stat4 WHERE " + cond).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count("tbl GLOB 'entry_search_*'") == 0 {
		t.Fatal("a whole ANALYZE left no samples of the search index: nothing to test")
	}
	if err := f.db.Optimize(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if n := count("tbl GLOB 'entry_search_*'"); n != 0 {
		t.Errorf("%d samples of the search index's tables left", n)
	}
	if count("tbl = 'entries'") == 0 {
		t.Error("the samples of entries went too")
	}
	// An edit and a delete still keep the index whole.
	list, _, err := f.db.FindEntries(context.Background(), f.ann.ID, journal.EntryFilter{})
	if err != nil || len(list) == 0 {
		t.Fatal(list, err)
	}
	if err := f.db.DeleteEntry(context.Background(), f.ann.ID, list[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.Writer().Exec("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')"); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}

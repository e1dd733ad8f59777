package sqlite

import (
	"context"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// searchRank is bm25 over the columns of entry_search: the owner token
// weighs nothing, matches in the summary most, then the boss's name,
// follow-ups, notes and extra text.
const searchRank = "bm25(entry_search, 0.0, 10.0, 1.0, 2.0, 5.0, 1.0)"

// searchMatch scopes a query to one user inside the index: FTS5 walks the
// owner's token list together with each term's, seeking past other users'
// documents, and the user's words match every column but the owner.
func searchMatch(userID int64, fts string) string {
	return fmt.Sprintf(`owner : "u%d" AND {summary notes followups boss extra} : (%s)`, userID, fts)
}

// searchHits is a WITH clause naming the user's matches "hits" (id, score):
// at most MaxCountedEntries+1 of them, so that a common word in a long
// journal costs a bounded number of rows, and one pass gives both the page
// and the count. CROSS JOIN keeps the index as the outer loop: probing it
// once per entry of a filtered range costs far more.
//
// A journal that can have more matches than that (long is set) keeps the
// newest by entry id. Reading an FTS5 list newest first loads all of it,
// every user's part (25 ms for a common word in the 1,000,000-entry file),
// so a shorter journal, whose matches all fit, reads oldest first, seeking
// through its own part only.
func searchHits(userID int64, f journal.EntryFilter, fts string, long bool) (string, []any) {
	_, where, _, args := entryWhere(userID, journal.EntryFilter{BossID: f.BossID, From: f.From, To: f.To})
	args = append([]any{searchMatch(userID, fts)}, args...)
	if f.Practice != "" {
		where += " AND EXISTS (SELECT 1 FROM entry_practices p WHERE p.entry_id = e.id AND p.practice = ?)"
		args = append(args, f.Practice)
	}
	return `WITH hits AS MATERIALIZED (
		SELECT entry_search.rowid AS id, ` + searchRank + ` AS score
		FROM entry_search CROSS JOIN entries e ON e.id = entry_search.rowid
		WHERE entry_search MATCH ? AND ` + where + `
		ORDER BY entry_search.rowid ` + map[bool]string{true: "DESC", false: "ASC"}[long] + ` LIMIT ?) `, append(args, journal.MaxCountedEntries+1)
}

// searchListQuery reads one page of hits, best first, each row ending
// with the number of hits.
func searchListQuery(userID int64, f journal.EntryFilter, fts string, long bool) (string, []any) {
	with, args := searchHits(userID, f, fts, long)
	page, size := max(f.Page, 1), pageSize(f)
	q := with + "SELECT " + entryColumns + ", (SELECT count(*) FROM hits) FROM hits h JOIN entries e ON e.id = h.id" + entryJoins +
		" ORDER BY h.score, e.occurred_on DESC, e.id DESC LIMIT ? OFFSET ?"
	return q, append(args, size+1, (page-1)*size)
}

func searchCountQuery(userID int64, f journal.EntryFilter, fts string, long bool) (string, []any) {
	with, args := searchHits(userID, f, fts, long)
	return with + "SELECT count(*) FROM hits", args
}

// longJournal reports whether the user has more entries than a search
// counts, reading at most that many index entries.
func (db *DB) longJournal(ctx context.Context, userID int64) (bool, error) {
	var n int
	err := db.reader().QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM entries WHERE user_id = ? LIMIT ?)",
		userID, journal.MaxCountedEntries+1).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("count entries: %w", err)
	}
	return n > journal.MaxCountedEntries, nil
}

// withCount scans a row whose last column is a count into n.
type withCount struct {
	row scanner
	n   *int
}

func (w withCount) Scan(dest ...any) error { return w.row.Scan(append(dest, w.n)...) }

package sqlite

import (
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
// the newest MaxCountedEntries+1 by entry id, so that a common word in a
// long journal costs a bounded number of rows, and one pass gives both the
// page and the count. CROSS JOIN keeps the index as the outer loop: probing
// it once per entry of a filtered range costs far more.
func searchHits(userID int64, f journal.EntryFilter, fts string) (string, []any) {
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
		ORDER BY entry_search.rowid DESC LIMIT ?) `, append(args, journal.MaxCountedEntries+1)
}

// searchListQuery reads one page of hits, best first, each row ending
// with the number of hits.
func searchListQuery(userID int64, f journal.EntryFilter, fts string) (string, []any) {
	with, args := searchHits(userID, f, fts)
	page, size := max(f.Page, 1), pageSize(f)
	q := with + "SELECT " + entryColumns(true) + ", (SELECT count(*) FROM hits) FROM hits h JOIN entries e ON e.id = h.id" + entryJoins +
		" ORDER BY h.score, e.occurred_on DESC, e.id DESC LIMIT ? OFFSET ?"
	return q, append(args, size+1, (page-1)*size)
}

func searchCountQuery(userID int64, f journal.EntryFilter, fts string) (string, []any) {
	with, args := searchHits(userID, f, fts)
	return with + "SELECT count(*) FROM hits", args
}

// withCount scans a row whose last column is a count into n.
type withCount struct {
	row scanner
	n   *int
}

func (w withCount) Scan(dest ...any) error { return w.row.Scan(append(dest, w.n)...) }

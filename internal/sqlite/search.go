package sqlite

import (
	"context"
	"database/sql/driver"
	"fmt"

	"modernc.org/sqlite"

	"github.com/leadup/leadup/internal/journal"
)

func init() {
	// scoped_words(user_id, text) is journal.ScopeWords for the view
	// entry_search_source (migration 00019): the text of a user's document
	// as the index is given it. Registered before any connection opens.
	err := sqlite.RegisterDeterministicScalarFunction("scoped_words", 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		userID, ok := args[0].(int64)
		if !ok {
			return nil, fmt.Errorf("scoped_words: user id %v is not an integer", args[0])
		}
		switch text := args[1].(type) {
		case string:
			return journal.ScopeWords(userID, text), nil
		case nil:
			return nil, nil
		default:
			return nil, fmt.Errorf("scoped_words: %T is not text", args[1])
		}
	})
	if err != nil {
		panic(err)
	}
}

// searchRank is bm25 over the columns of entry_search: matches in the
// summary weigh most, then the boss's name, follow-ups, notes and extra
// text. Its statistics are those of the user's own terms (each term lists
// one user's documents, see journal.ScopeWords), so ranking a light
// user's matches reads only the light user's lists.
const searchRank = "bm25(entry_search, 10.0, 1.0, 2.0, 5.0, 1.0)"

// searchHits is a WITH clause naming the user's matches "hits" (id, score):
// at most MaxCountedEntries+1 of them, so that a common word in a long
// journal costs a bounded number of rows, and one pass gives both the page
// and the count. CROSS JOIN keeps the index as the outer loop: probing it
// once per entry of a filtered range costs far more.
//
// fts is journal.SearchQuery's for the user: only the user's terms. A
// journal that can have more matches than that (long is set) keeps the
// newest by entry id; reading an FTS5 list newest first loads all of it,
// which is the user's own list only. A shorter journal, whose matches all
// fit, reads oldest first.
func searchHits(userID int64, f journal.EntryFilter, fts string, long bool) (string, []any) {
	_, where, _, args := entryWhere(userID, journal.EntryFilter{BossID: f.BossID, From: f.From, To: f.To})
	args = append([]any{fts}, args...)
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

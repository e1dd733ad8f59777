package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
)

// This file is the one way entries are read. Every path — the entry and
// list pages, search, the API, home, the boss and prep pages, the week,
// the review, the export and the import — selects entryColumns and hands
// what it read to fillEntries, so an entry always comes whole: after it, a
// nil block means the entry has none, never that it was not loaded.

// entryColumns are an entry's own columns with its boss's name and public
// id and its priority's text and public id; queries select them from
// entries e with entryJoins.
const entryColumns = `e.id, e.public_id, e.user_id, e.boss_id, e.occurred_on, e.kind, e.summary, e.notes,
		coalesce(e.priority_id, 0), e.created_at, e.updated_at, b.name, coalesce(pr.text, ''), b.public_id, coalesce(pr.public_id, '')`

const entryJoins = ` JOIN bosses b ON b.id = e.boss_id LEFT JOIN priorities pr ON pr.id = e.priority_id`

// entryDest is where the columns of entryColumns go, in their order, then
// extra for the columns a query adds after them. One slice a row: a scan
// of many rows (a list, an export, the review's candidates) stays cheap.
func entryDest(e *journal.Entry, extra ...any) []any {
	d := make([]any, 0, 15+len(extra))
	d = append(d, &e.ID, &e.PublicID, &e.UserID, &e.BossID, &e.OccurredOn, &e.Kind, &e.Summary, &e.Notes,
		&e.PriorityID, storedTime{&e.CreatedAt}, storedTime{&e.UpdatedAt}, &e.BossName, &e.PriorityText,
		&e.BossPublicID, &e.PriorityPublicID)
	return append(d, extra...)
}

func scanEntry(row scanner) (*journal.Entry, error) {
	var e journal.Entry
	if err := scanOne(row, errEntryNotFound, "entry", entryDest(&e)...); err != nil {
		return nil, err
	}
	return &e, nil
}

// readEntries runs query, whose columns start with entryColumns, scans
// each row with scan and fills the entry of each (entryOf) whole.
func readEntries[T any](ctx context.Context, q queryer, userID int64, scan func(scanner) (T, error), entryOf func(T) *journal.Entry, query string, args ...any) ([]T, error) {
	out, err := queryAll(ctx, q, "find entries", scan, query, args...)
	if err != nil {
		return nil, err
	}
	entries := make([]*journal.Entry, len(out))
	for i, v := range out {
		entries[i] = entryOf(v)
	}
	return out, fillEntries(ctx, q, userID, entries)
}

// queryEntries reads whole entries with a query whose columns are
// entryColumns.
func queryEntries(ctx context.Context, q queryer, userID int64, query string, args ...any) ([]*journal.Entry, error) {
	return readEntries(ctx, q, userID, scanEntry, func(e *journal.Entry) *journal.Entry { return e }, query, args...)
}

// fillEntries fills in each entry's parts — practices, follow-ups,
// problem, bet and forecast — with one query per part whatever the number
// of entries. An entry may appear more than once (the review lists one
// under each of its practices): each copy is filled.
func fillEntries(ctx context.Context, q queryer, userID int64, entries []*journal.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	ids := entryIndex{}
	for _, e := range entries {
		ids[e.ID] = append(ids[e.ID], e)
	}
	for _, load := range []func(context.Context, queryer, int64, entryIndex) error{loadPractices, loadFollowUps, loadBlocks} {
		if err := load(ctx, q, userID, ids); err != nil {
			return err
		}
	}
	return nil
}

// entryIndex holds the entries being filled by id.
type entryIndex map[int64][]*journal.Entry

// idsIn is the condition that col is one of the ids handed to it as one
// JSON array (entryIndex.json): the query's text is then the same for any
// number of entries, so it is prepared once per connection (hotReads)
// instead of on every page, which was a fifth of a list page's CPU.
func idsIn(col string) string { return col + " IN (SELECT value FROM json_each(?))" }

// json is the ids as a JSON array, for idsIn.
func (x entryIndex) json() string {
	b := make([]byte, 0, 8*len(x)+2)
	b = append(b, '[')
	for id := range x {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// each hands every entry with id to fn.
func (x entryIndex) each(id int64, fn func(*journal.Entry)) {
	for _, e := range x[id] {
		fn(e)
	}
}

// loadPractices fills in the entries' practices, in the fixed order.
func loadPractices(ctx context.Context, q queryer, _ int64, ids entryIndex) error {
	err := eachRow(ctx, q, "load practices", func(rows *sql.Rows) error {
		var id int64
		var p string
		if err := rows.Scan(&id, &p); err != nil {
			return err
		}
		ids.each(id, func(e *journal.Entry) { e.Practices = append(e.Practices, p) })
		return nil
	}, fillPracticesSQL, ids.json())
	if err != nil {
		return err
	}
	for _, list := range ids {
		for _, e := range list {
			e.Practices = journal.SortPractices(e.Practices)
		}
	}
	return nil
}

// loadFollowUps fills in the entries' follow-ups, oldest first.
func loadFollowUps(ctx context.Context, q queryer, userID int64, ids entryIndex) error {
	return eachRow(ctx, q, "find follow-ups", func(rows *sql.Rows) error {
		f, err := scanFollowUp(rows)
		if err != nil {
			return err
		}
		ids.each(f.EntryID, func(e *journal.Entry) { e.FollowUps = append(e.FollowUps, f) })
		return nil
	}, fillFollowUpsSQL, userID, ids.json())
}

// The queries that fill a page's parts seek each entry's part by entry id.
// The ids come from a page already read for the user, so the user
// condition is a guard that "+" keeps out of the index choice: without
// statistics SQLite takes one equality on a user index for cheaper than
// fifty id lookups, and reads all of a heavy user's follow-ups or blocks to
// fill one page. The part is read first and its entry joined after ("+"
// again): most entries have no follow-up or block, and looking each one's
// entry up before its part was three lookups per entry for nothing. Each
// takes the ids as idsIn does.
var (
	fillPracticesSQL = "SELECT entry_id, practice FROM entry_practices WHERE " + idsIn("entry_id")
	fillFollowUpsSQL = "SELECT " + followUpColumns + " FROM followups f JOIN entries e ON e.id = +f.entry_id" + followUpJoinsRest +
		" WHERE +f.user_id = ? AND " + idsIn("f.entry_id") + " ORDER BY f.id"
	fillBlockSQL = blockFillQueries()
)

// fillQueries are the texts of every fill query, for hotReads.
func fillQueries() []string {
	qs := []string{fillPracticesSQL, fillFollowUpsSQL}
	for _, k := range journal.Blocks {
		qs = append(qs, fillBlockSQL[k.Table])
	}
	return qs
}

// EntryCursor marks where a page of entries ended: the last entry's date
// and id for the date order, or how many were skipped for a search, whose
// relevance order has no stable key to continue from.
type EntryCursor struct {
	OccurredOn string
	ID         int64
	Offset     int
}

// FindEntryPage returns up to limit of the user's entries matching f after
// the cursor (nil for the first page), each whole. next is nil on the last
// page. It reads in one transaction, with one query per part for the whole
// page.
func (db *DB) FindEntryPage(ctx context.Context, userID int64, f journal.EntryFilter, after *EntryCursor, limit int) (entries []*journal.Entry, next *EntryCursor, err error) {
	var q string
	var args []any
	offset := 0
	if fts := journal.SearchQuery(userID, f.Language, f.Query); fts != "" {
		// The user's matches through the scoped index, best first, as the
		// search page ranks them (and, like it, at most MaxCountedEntries+1).
		if after != nil {
			offset = after.Offset
		}
		long, err := db.longJournal(ctx, userID)
		if err != nil {
			return nil, nil, err
		}
		var with string
		with, args = searchHits(userID, f, fts, long)
		q = with + "SELECT " + entryColumns + " FROM hits h JOIN entries e ON e.id = h.id" + entryJoins +
			" ORDER BY h.score, e.occurred_on DESC, e.id DESC LIMIT ? OFFSET ?"
	} else {
		from, where, order, wargs := entryWhere(userID, f)
		args = wargs
		if after != nil {
			date, id := "e.occurred_on", "e.id"
			if f.Practice != "" {
				date, id = "p.occurred_on", "p.entry_id" // the order entryWhere uses for a practice
			}
			where += " AND (" + date + " < ? OR (" + date + " = ? AND " + id + " < ?))"
			args = append(args, after.OccurredOn, after.OccurredOn, after.ID)
		}
		q = "SELECT " + entryColumns + " FROM " + from + entryJoins + " WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	}
	args = append(args, limit+1, offset)
	err = db.readTx(ctx, func(tx *sql.Tx) error {
		entries, err = queryEntries(ctx, db.hot(tx), userID, q, args...)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if len(entries) > limit {
		entries = entries[:limit]
		last := entries[limit-1]
		next = &EntryCursor{OccurredOn: last.OccurredOn, ID: last.ID, Offset: offset + limit}
	}
	return entries, next, nil
}

// findEntrySQL reads one of the user's entries, for FindEntry.
const findEntrySQL = "SELECT " + entryColumns + " FROM entries e" + entryJoins + " WHERE e.user_id = ? AND e.id = ?"

// FindEntry returns one of the user's entries whole.
func (db *DB) FindEntry(ctx context.Context, userID, id int64) (*journal.Entry, error) {
	var entries []*journal.Entry
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		entries, err = queryEntries(ctx, db.hot(tx), userID, findEntrySQL, userID, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, errEntryNotFound
	}
	return entries[0], nil
}

// readTx runs fn in a read-only transaction, so that what it reads is one
// snapshot.
func (db *DB) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, done, err := db.beginRead(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer done()
	return fn(tx)
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// EntryCursor marks where a page of entries ended: the last entry's date
// and id for the date order, or how many were skipped for a search, whose
// relevance order has no stable key to continue from.
type EntryCursor struct {
	OccurredOn string
	ID         int64
	Offset     int
}

// FindEntryPage returns up to limit of the user's entries matching f after
// the cursor (nil for the first page), each whole as the export shows it:
// notes, the public ids of its boss and priority, and the parts
// fillEntries reads. next is nil on the last page. It reads in one
// transaction, with one query per part for the whole page.
func (db *DB) FindEntryPage(ctx context.Context, userID int64, f journal.EntryFilter, after *EntryCursor, limit int) (entries []*journal.Entry, next *EntryCursor, err error) {
	var q string
	var args []any
	offset := 0
	if fts := journal.SearchQuery(f.Query); fts != "" {
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
		q = with + "SELECT " + entryDocColumns + " FROM hits h JOIN entries e ON e.id = h.id" + entryJoins +
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
		q = "SELECT " + entryDocColumns + " FROM " + from + entryJoins + " WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	}
	args = append(args, limit+1, offset)
	err = db.readTx(ctx, func(tx *sql.Tx) error {
		entries, err = entryDocs(ctx, tx, userID, q, args)
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

// FindEntry returns one of the user's entries whole, as FindEntryPage
// does.
func (db *DB) FindEntry(ctx context.Context, userID, id int64) (*journal.Entry, error) {
	var entries []*journal.Entry
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		entries, err = entryDocs(ctx, tx, userID,
			"SELECT "+entryDocColumns+" FROM entries e"+entryJoins+" WHERE e.user_id = ? AND e.id = ?", []any{userID, id})
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

// entryDocColumns are an entry's columns with its notes and the public ids
// of its boss and priority.
var entryDocColumns = entryColumns(true) + ", b.public_id, coalesce(pr.public_id, '')"

func entryDocs(ctx context.Context, tx *sql.Tx, userID int64, q string, args []any) ([]*journal.Entry, error) {
	out, err := queryAll(ctx, tx, "find entries", scanEntryDoc, q, args...)
	if err != nil {
		return nil, err
	}
	return out, fillEntries(ctx, tx, userID, out)
}

// scanEntryDoc scans the columns of entryDocColumns.
func scanEntryDoc(row scanner) (*journal.Entry, error) {
	var e journal.Entry
	if err := scanOne(row, errEntryNotFound, "entry", entryDest(&e, &e.BossPublicID, &e.PriorityPublicID)...); err != nil {
		return nil, err
	}
	return &e, nil
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

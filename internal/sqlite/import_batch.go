package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// An import adds new entries and follow-ups in batches, many rows to an
// INSERT. Each statement that writes an entry or a follow-up also writes
// the search index, and FTS5 flushes what it holds to a new segment of
// the index at every statement of a transaction: one statement a row made
// a 5,000-entry import hold the writer for seconds, mostly flushing.
// Batches keep the import one transaction, all or nothing.

// importBatch is how many new entries, or new follow-ups, wait for one
// INSERT.
const importBatch = 250

// newEntry is an entry not yet in the account, waiting for its batch.
type newEntry struct {
	path           string
	bossID, prioID int64
	e              *journal.Entry
}

// newFollowUp is a follow-up not yet in the account, waiting for its batch.
type newFollowUp struct {
	entryID int64
	f       *journal.FollowUp
}

// addEntry queues a new entry, writing the queue when it is full.
func (im *importer) addEntry(n newEntry) error {
	im.newEntries = append(im.newEntries, n)
	if len(im.newEntries) < importBatch {
		return nil
	}
	return im.flushEntries()
}

// addFollowUp queues a new follow-up, writing the queue when it is full.
func (im *importer) addFollowUp(n newFollowUp) error {
	im.newFollowUps = append(im.newFollowUps, n)
	if len(im.newFollowUps) < importBatch {
		return nil
	}
	return im.flushFollowUps()
}

// flush writes whatever is queued; the import calls it before committing.
func (im *importer) flush() error {
	if err := im.flushEntries(); err != nil {
		return err
	}
	return im.flushFollowUps()
}

// flushEntries writes the queued entries. Their follow-ups and blocks go
// in first, while the entries are not yet in the search index, so that
// the index's triggers on those tables find no document to take apart and
// put back; the entries' one INSERT then indexes each document whole.
// That order needs the entries' ids before the entries, and foreign keys
// checked at the commit (see deferForeignKeys).
func (im *importer) flushEntries() error {
	batch := im.newEntries
	im.newEntries = nil
	if len(batch) == 0 {
		return nil
	}
	var last int64
	if err := im.queryRow("SELECT coalesce(max(id), 0) FROM entries").Scan(&last); err != nil {
		return fmt.Errorf("write entries: %w", err)
	}
	rows := make([][]any, len(batch))
	var practices [][]any
	for i, n := range batch {
		id, e := last+1+int64(i), n.e
		if err := importBlocks(im.ctx, im.tx, im.userID, n.bossID, id, e); err != nil {
			return fmt.Errorf("%s: %w", n.path, err)
		}
		if err := im.followUps(n.path, id, e); err != nil {
			return err
		}
		rows[i] = []any{id, e.PublicID, im.userID, n.bossID, e.OccurredOn, e.Kind, e.Summary, e.Notes, nullID(n.prioID), formatTime(e.CreatedAt), formatTime(e.UpdatedAt)}
		for _, p := range e.Practices {
			practices = append(practices, []any{id, p, im.userID, n.bossID, e.OccurredOn})
		}
	}
	if err := im.flushFollowUps(); err != nil {
		return err
	}
	err := insertRows(im.ctx, im.tx,
		"INSERT INTO entries (id, public_id, user_id, boss_id, occurred_on, kind, summary, notes, priority_id, created_at, updated_at) VALUES ", rows)
	if err != nil {
		return fmt.Errorf("write entries: %w", err)
	}
	if err := insertRows(im.ctx, im.tx, "INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on) VALUES ", practices); err != nil {
		return fmt.Errorf("insert practices: %w", err)
	}
	return nil
}

// deferForeignKeys has the transaction check foreign keys at its commit
// rather than at each statement (SQLite turns this off again at the
// commit): flushEntries writes what refers to new entries before them.
func (im *importer) deferForeignKeys() error {
	_, err := im.tx.ExecContext(im.ctx, "PRAGMA defer_foreign_keys = ON")
	return err
}

// flushFollowUps inserts the queued follow-ups with one statement.
func (im *importer) flushFollowUps() error {
	batch := im.newFollowUps
	im.newFollowUps = nil
	rows := make([][]any, len(batch))
	for i, n := range batch {
		f := n.f
		var doneAt any
		if f.DoneAt != nil {
			doneAt = formatTime(*f.DoneAt)
		}
		rows[i] = []any{f.PublicID, im.userID, n.entryID, f.Text, f.Owner, nullString(f.DueOn), doneAt, nullString(f.DoneOn), formatTime(f.CreatedAt), nullString(f.FirstDueOn)}
	}
	err := insertRows(im.ctx, im.tx,
		"INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, done_at, done_on, created_at, first_due_on) VALUES ", rows)
	if err != nil {
		return fmt.Errorf("insert follow-ups: %w", err)
	}
	return nil
}

// maxInsertArgs keeps a statement's placeholders well under SQLite's limit.
const maxInsertArgs = 30_000

// insertRows runs insert (ending in "VALUES ") for rows, as few statements
// as the placeholder limit allows.
func insertRows(ctx context.Context, tx *sql.Tx, insert string, rows [][]any) error {
	return eachChunk(rows, func(chunk [][]any) error {
		q, args := valuesList(insert, chunk)
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	})
}

func eachChunk(rows [][]any, fn func([][]any) error) error {
	if len(rows) == 0 {
		return nil
	}
	per := max(1, maxInsertArgs/len(rows[0]))
	for len(rows) > 0 {
		n := min(per, len(rows))
		if err := fn(rows[:n]); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// valuesList appends one "(?, …)" group a row to insert.
func valuesList(insert string, rows [][]any) (string, []any) {
	group := "(?" + strings.Repeat(", ?", len(rows[0])-1) + ")"
	var b strings.Builder
	b.WriteString(insert)
	args := make([]any, 0, len(rows)*len(rows[0]))
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(group)
		args = append(args, r...)
	}
	return b.String(), args
}

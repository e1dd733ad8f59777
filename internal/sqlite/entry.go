package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/leadup/leadup/internal/journal"
)

var errEntryNotFound = journal.Errorf(journal.ENOTFOUND, "That entry does not exist.")

// CreateEntry adds an entry (see CreateEntryOnce) and reads it back.
func (db *DB) CreateEntry(ctx context.Context, userID int64, in journal.EntryInput) (*journal.Entry, error) {
	id, _, err := db.CreateEntryOnce(ctx, userID, OnceKey{}, in, nil)
	if err != nil {
		return nil, err
	}
	return db.FindEntry(ctx, userID, id)
}

// Statements of creating an entry, prepared once on the writer.
const (
	insertEntrySQL = `INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, notes, priority_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertPracticeSQL = "INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on) VALUES (?, ?, ?, ?, ?)"
	bossArchivedSQL   = "SELECT archived FROM bosses WHERE user_id = ? AND id = ?"
)

// CreateEntryOnce adds an entry, and fu with it when not nil, in one
// transaction, unless key was used before: then it returns the id of the
// entry that use made, with replay set, and writes nothing.
func (db *DB) CreateEntryOnce(ctx context.Context, userID int64, key OnceKey, in journal.EntryInput, fu *journal.FollowUpInput) (id int64, replay bool, err error) {
	id, replay, _, err = db.CreateEntryUnlessTwin(ctx, userID, key, in, fu, time.Time{})
	return id, replay, err
}

// CreateEntryUnlessTwin is CreateEntryOnce that also refuses a twin: when
// key is new but the user saved an entry with the same boss, date and
// summary at or after since, it writes nothing and returns that entry's
// id as twin. A zero since looks for no twin. (A browser without scripts
// that goes Back to the form gets a new key with the fields refilled.)
func (db *DB) CreateEntryUnlessTwin(ctx context.Context, userID int64, key OnceKey, in journal.EntryInput, fu *journal.FollowUpInput, since time.Time) (id int64, replay bool, twin int64, err error) {
	err = db.tx(ctx, func(tx *sql.Tx) error {
		id, replay, err = db.once(ctx, tx, userID, key, KindEntry, func() (int64, error) {
			if !since.IsZero() {
				if twin, err = findTwinEntry(ctx, tx, userID, in, since); err != nil {
					return 0, err
				}
				if twin != 0 {
					return 0, errTwin // nothing written, the key left unused
				}
			}
			id, err := db.insertEntry(ctx, tx, userID, in)
			if err != nil || fu == nil {
				return id, err
			}
			_, err = db.insertFollowUp(ctx, tx, userID, id, *fu)
			return id, err
		})
		return err
	})
	if errors.Is(err, errTwin) {
		return 0, false, twin, nil
	}
	return id, replay, 0, err
}

// errTwin ends a create that found its twin; it never leaves this file.
var errTwin = errors.New("twin entry")

// findTwinEntry returns the newest entry of the user made at or after since
// with in's boss (by id, or by name for a boss typed new), date and
// summary, or 0.
func findTwinEntry(ctx context.Context, tx *sql.Tx, userID int64, in journal.EntryInput, since time.Time) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT e.id FROM entries e JOIN bosses b ON b.id = e.boss_id
		WHERE e.user_id = ? AND e.occurred_on = ? AND e.summary = ? AND e.created_at >= ?
		  AND (b.id = ? OR (? <> '' AND b.name = ?))
		ORDER BY e.id DESC LIMIT 1`,
		userID, in.OccurredOn, in.Summary, formatTime(since), in.BossID, in.NewBossName, in.NewBossName).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find twin entry: %w", err)
	}
	return id, nil
}

func (db *DB) insertEntry(ctx context.Context, tx *sql.Tx, userID int64, in journal.EntryInput) (int64, error) {
	bossID, err := db.resolveBoss(ctx, tx, userID, in, 0)
	if err != nil {
		return 0, err
	}
	if err := checkPriority(ctx, tx, userID, bossID, in.PriorityID, 0); err != nil {
		return 0, err
	}
	now := formatTime(db.Now())
	ins, err := db.stmt(ctx, tx, insertEntrySQL)
	if err != nil {
		return 0, err
	}
	res, err := ins.ExecContext(ctx, uuid.NewString(), userID, bossID, in.OccurredOn, in.Kind, in.Summary, in.Notes, nullID(in.PriorityID), now, now)
	if err != nil {
		return 0, fmt.Errorf("insert entry: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	insP, err := db.stmt(ctx, tx, insertPracticeSQL)
	if err != nil {
		return 0, err
	}
	for _, p := range in.Practices {
		if _, err := insP.ExecContext(ctx, id, p, userID, bossID, in.OccurredOn); err != nil {
			return 0, fmt.Errorf("insert practice: %w", err)
		}
	}
	if !in.GivesBlock() {
		// A new entry has no stored block for an empty one to clear, and its
		// triggers have indexed it already: writeBlocks would take the
		// document out of the search index and put it back as it was.
		return id, nil
	}
	return id, writeBlocks(ctx, tx, userID, bossID, id, in)
}

// LastEntryBossID returns the boss of the user's most recent entry while
// that boss is not archived, or 0: the capture form preselects them.
func (db *DB) LastEntryBossID(ctx context.Context, userID int64) (int64, error) {
	var id int64
	err := db.reader().QueryRowContext(ctx,
		`SELECT e.boss_id FROM entries e JOIN bosses b ON b.id = e.boss_id
		 WHERE e.user_id = ? AND b.archived = 0 ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1`, userID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("last entry boss: %w", err)
	}
	return id, nil
}

// UpdateEntry replaces an entry's fields and practices.
func (db *DB) UpdateEntry(ctx context.Context, userID, id int64, in journal.EntryInput) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var curBoss, curPriority int64
		err := tx.QueryRowContext(ctx, "SELECT boss_id, coalesce(priority_id, 0) FROM entries WHERE user_id = ? AND id = ?", userID, id).
			Scan(&curBoss, &curPriority)
		if errors.Is(err, sql.ErrNoRows) {
			return errEntryNotFound
		}
		if err != nil {
			return fmt.Errorf("find entry: %w", err)
		}
		bossID, err := db.resolveBoss(ctx, tx, userID, in, curBoss)
		if err != nil {
			return err
		}
		if err := checkPriority(ctx, tx, userID, bossID, in.PriorityID, curPriority); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx,
			`UPDATE entries SET boss_id = ?, occurred_on = ?, kind = ?, summary = ?, notes = ?, priority_id = ?, updated_at = ?
			 WHERE user_id = ? AND id = ?`,
			bossID, in.OccurredOn, in.Kind, in.Summary, in.Notes, nullID(in.PriorityID), formatTime(db.Now()), userID, id)
		if err != nil {
			return fmt.Errorf("update entry: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM entry_practices WHERE entry_id = ?", id); err != nil {
			return fmt.Errorf("clear practices: %w", err)
		}
		if err := insertPractices(ctx, tx, userID, bossID, id, in.OccurredOn, in.Practices); err != nil {
			return err
		}
		return writeBlocks(ctx, tx, userID, bossID, id, in)
	})
}

// DeleteEntry removes an entry with its practices and follow-ups.
func (db *DB) DeleteEntry(ctx context.Context, userID, id int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM entries WHERE user_id = ? AND id = ?", userID, id)
		return notFoundAs(checkOneRow(res, err, "delete entry"), errEntryNotFound)
	})
}

// FindEntries returns one page of the user's entries, newest first (best
// first for a search), and whether more pages follow.
func (db *DB) FindEntries(ctx context.Context, userID int64, f journal.EntryFilter) ([]*journal.Entry, bool, error) {
	p, err := db.findEntries(ctx, userID, f)
	if err != nil {
		return nil, false, err
	}
	return p.Entries, p.More, nil
}

// EntryPage is one page of a list or search, with the number of entries
// that match, counted up to journal.MaxCountedEntries (Capped when there
// are more).
type EntryPage struct {
	Entries []*journal.Entry
	More    bool
	Count   int
	Capped  bool
}

// ListEntries returns one page of the user's entries with the number that
// match, counted up to journal.MaxCountedEntries. A search reads the index
// once for both.
func (db *DB) ListEntries(ctx context.Context, userID int64, f journal.EntryFilter) (*EntryPage, error) {
	p, err := db.findEntries(ctx, userID, f)
	if err != nil {
		return nil, err
	}
	if journal.SearchQuery(userID, f.Language, f.Query) == "" || (len(p.Entries) == 0 && f.Page > 1) {
		n, err := db.CountEntries(ctx, userID, f)
		if err != nil {
			return nil, err
		}
		p.Count, p.Capped = journal.CountOf(n)
	}
	return p, nil
}

func (db *DB) findEntries(ctx context.Context, userID int64, f journal.EntryFilter) (*EntryPage, error) {
	fts := journal.SearchQuery(userID, f.Language, f.Query)
	q, args := entryListQuery(userID, f)
	if fts != "" {
		long, err := db.longJournal(ctx, userID)
		if err != nil {
			return nil, err
		}
		q, args = searchListQuery(userID, f, fts, long)
	}
	p := &EntryPage{}
	var hits int
	scan := scanEntry
	if fts != "" {
		scan = func(row scanner) (*journal.Entry, error) {
			e, err := scanEntry(withCount{row, &hits})
			if err == nil {
				// The index holds no text to cut a snippet from.
				if e.Snippet = journal.Snippet(e.Notes, f.Language, f.Query); e.Snippet == "" {
					e.Snippet = journal.Snippet(e.Summary, f.Language, f.Query)
				}
			}
			return e, err
		}
	}
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		p.Entries, err = readEntries(ctx, db.hot(tx), userID, scan, func(e *journal.Entry) *journal.Entry { return e }, q, args...)
		return err
	})
	if err != nil {
		return nil, err
	}
	p.Count, p.Capped = journal.CountOf(hits)
	if p.More = len(p.Entries) > pageSize(f); p.More {
		p.Entries = p.Entries[:pageSize(f)]
	}
	return p, nil
}

// CountEntries counts the user's entries that match f, stopping after
// journal.MaxCountedEntries+1.
func (db *DB) CountEntries(ctx context.Context, userID int64, f journal.EntryFilter) (int, error) {
	q, args := entryCountQuery(userID, f)
	if fts := journal.SearchQuery(userID, f.Language, f.Query); fts != "" {
		long, err := db.longJournal(ctx, userID)
		if err != nil {
			return 0, err
		}
		q, args = searchCountQuery(userID, f, fts, long)
	}
	var n int
	if err := db.reader().QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count entries: %w", err)
	}
	return n, nil
}

// entryWhere builds the filter of a list (a search is in search.go): with
// a practice it reads entry_practices, whose index starts (user, practice,
// date); otherwise entries by (user, date).
func entryWhere(userID int64, f journal.EntryFilter) (from, where, order string, args []any) {
	t := "e"
	from, where, order = "entries e", "e.user_id = ?", "e.occurred_on DESC, e.id DESC"
	args = []any{userID}
	if f.Practice != "" {
		t = "p"
		from = "entry_practices p JOIN entries e ON e.id = p.entry_id"
		where = "p.user_id = ? AND p.practice = ?"
		order = "p.occurred_on DESC, p.entry_id DESC"
		args = append(args, f.Practice)
	}
	if f.BossID > 0 {
		where += " AND " + t + ".boss_id = ?"
		args = append(args, f.BossID)
	}
	if f.From != "" {
		where += " AND " + t + ".occurred_on >= ?"
		args = append(args, f.From)
	}
	if f.To != "" {
		where += " AND " + t + ".occurred_on <= ?"
		args = append(args, f.To)
	}
	return from, where, order, args
}

func entryListQuery(userID int64, f journal.EntryFilter) (string, []any) {
	from, where, order, args := entryWhere(userID, f)
	page, size := max(f.Page, 1), pageSize(f)
	q := "SELECT " + entryColumns + " FROM " + from + entryJoins + " WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	return q, append(args, size+1, (page-1)*size)
}

func pageSize(f journal.EntryFilter) int {
	if f.Limit > 0 && f.Limit < journal.EntriesPerPage {
		return f.Limit
	}
	return journal.EntriesPerPage
}

// entryCountQuery counts at most MaxCountedEntries+1 rows: an exact count
// of a long journal would cost as much as the rest of the page.
func entryCountQuery(userID int64, f journal.EntryFilter) (string, []any) {
	from, where, _, args := entryWhere(userID, f)
	if f.Practice != "" {
		from = "entry_practices p" // every condition is on p; no need to read entries
	}
	return "SELECT count(*) FROM (SELECT 1 FROM " + from + " WHERE " + where + " LIMIT ?)", append(args, journal.MaxCountedEntries+1)
}

// resolveBoss returns the boss an entry goes to: a new one when the input
// names one, otherwise the chosen one, which must be the user's and, unless
// the entry already has it, not archived.
func (db *DB) resolveBoss(ctx context.Context, tx *sql.Tx, userID int64, in journal.EntryInput, current int64) (int64, error) {
	if in.NewBossName != "" {
		b, err := db.createBoss(ctx, tx, userID, journal.BossInput{Name: in.NewBossName, Relation: "manager"})
		if err != nil {
			return 0, err
		}
		return b.ID, nil
	}
	var archived bool
	q, err := db.stmt(ctx, tx, bossArchivedSQL)
	if err != nil {
		return 0, err
	}
	err = q.QueryRowContext(ctx, userID, in.BossID).Scan(&archived)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errBossNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("find boss: %w", err)
	}
	if archived && in.BossID != current {
		return 0, fieldError("boss", "That boss is archived. Restore them on their page first.")
	}
	return in.BossID, nil
}

// checkPriority allows no priority, the one the entry already links, or an
// active priority of the entry's boss.
func checkPriority(ctx context.Context, tx *sql.Tx, userID, bossID, priorityID, current int64) error {
	if priorityID == 0 {
		return nil
	}
	var pBoss int64
	var status string
	err := tx.QueryRowContext(ctx, "SELECT boss_id, status FROM priorities WHERE user_id = ? AND id = ?", userID, priorityID).Scan(&pBoss, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return errPriorityNotFound
	}
	if err != nil {
		return fmt.Errorf("find priority: %w", err)
	}
	if pBoss != bossID {
		return fieldError("priority", "That priority belongs to another boss.")
	}
	if status != "active" && priorityID != current {
		return fieldError("priority", "That priority is no longer active.")
	}
	return nil
}

func insertPractices(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, occurredOn string, practices []string) error {
	for _, p := range practices {
		_, err := tx.ExecContext(ctx, insertPracticeSQL, entryID, p, userID, bossID, occurredOn)
		if err != nil {
			return fmt.Errorf("insert practice: %w", err)
		}
	}
	return nil
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

func fieldError(field, msg string) error {
	return &journal.Error{Code: journal.EINVALID, Message: "Please correct the highlighted fields.", Fields: map[string]string{field: msg}}
}

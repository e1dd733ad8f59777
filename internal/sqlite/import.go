package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// The importer merges a journal into the user's account by public id,
// inside ImportStream's one transaction: a record that is new is added,
// one that differs is updated, one that is the same is left alone.
// Importing the same file twice changes nothing the second time. Any
// failure writes nothing.
type importer struct {
	ctx    context.Context
	tx     *sql.Tx
	userID int64
	res    *journal.ImportResult

	newEntries   []newEntry    // waiting for one INSERT (see import_batch.go)
	newFollowUps []newFollowUp // likewise

	stmts map[string]*sql.Stmt // prepared once an import: most run once a record
	ids   map[string]int64     // table and public id → id, of lookups that found one
}

// queryRow runs a query of the import's, prepared on first use.
func (im *importer) queryRow(query string, args ...any) *sql.Row {
	st, ok := im.stmts[query]
	if !ok {
		var err error
		if st, err = im.tx.PrepareContext(im.ctx, query); err != nil {
			return im.tx.QueryRowContext(im.ctx, query, args...) // reports the same error
		}
		if im.stmts == nil {
			im.stmts = map[string]*sql.Stmt{}
		}
		im.stmts[query] = st
	}
	return st.QueryRowContext(im.ctx, args...)
}

// count records one merged record and reports whether it needs writing.
func count(c *journal.ImportCounts, exists, same bool) bool {
	switch {
	case !exists:
		c.Added++
	case same:
		c.Unchanged++
		return false
	default:
		c.Updated++
	}
	return true
}

// lookup finds the internal id of a public id in one of the user's tables.
func (im *importer) lookup(table, publicID string) (int64, bool, error) {
	if publicID == "" {
		return 0, false, nil
	}
	key := table + " " + publicID
	if id, ok := im.ids[key]; ok {
		return id, true, nil
	}
	var id int64
	err := im.queryRow("SELECT id FROM "+table+" WHERE user_id = ? AND public_id = ?", im.userID, publicID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	if im.ids == nil {
		im.ids = map[string]int64{}
	}
	im.ids[key] = id
	return id, true, nil
}

// ref is lookup for a reference that must resolve: a missing record is
// invalid input at path.
func (im *importer) ref(path, field, table, publicID string) (int64, error) {
	id, ok, err := im.lookup(table, publicID)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, invalidRef(path+"."+field, table, publicID)
	}
	return id, nil
}

// invalidRef says that the reference at path names no record of table.
func invalidRef(path, table, id string) error {
	kind := map[string]string{"bosses": "boss", "priorities": "priority"}[table]
	msg := fmt.Sprintf("%s: no %s has the id %q, in this file or in this account.", path, kind, id)
	return &journal.Error{Code: journal.EINVALID, Message: msg}
}

func (im *importer) boss(b *journal.Boss) error {
	var cur journal.Boss
	err := im.queryRow("SELECT id, name, relation, role, archived FROM bosses WHERE user_id = ? AND public_id = ?",
		im.userID, b.PublicID).Scan(&cur.ID, &cur.Name, &cur.Relation, &cur.Role, &cur.Archived)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	same := cur.Name == b.Name && cur.Relation == b.Relation && cur.Role == b.Role && cur.Archived == b.Archived
	if !count(&im.res.Bosses, exists, same) {
		return im.bossManual(b)
	}
	if exists {
		_, err = im.tx.ExecContext(im.ctx, "UPDATE bosses SET name = ?, relation = ?, role = ?, archived = ?, updated_at = ? WHERE id = ?",
			b.Name, b.Relation, b.Role, b.Archived, formatTime(b.UpdatedAt), cur.ID)
	} else {
		_, err = im.tx.ExecContext(im.ctx,
			"INSERT INTO bosses (public_id, user_id, name, relation, role, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			b.PublicID, im.userID, b.Name, b.Relation, b.Role, b.Archived, formatTime(b.CreatedAt), formatTime(b.UpdatedAt))
	}
	if err != nil {
		return err
	}
	return im.bossManual(b)
}

func (im *importer) priority(i int, p *journal.Priority) error {
	bossID, err := im.ref(fmt.Sprintf("priorities[%d]", i), "boss_id", "bosses", p.BossPublicID)
	if err != nil {
		return err
	}
	var cur journal.Priority
	err = im.queryRow("SELECT id, boss_id, text, status, noted_on FROM priorities WHERE user_id = ? AND public_id = ?",
		im.userID, p.PublicID).Scan(&cur.ID, &cur.BossID, &cur.Text, &cur.Status, &cur.NotedOn)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	same := cur.BossID == bossID && cur.Text == p.Text && cur.Status == p.Status && cur.NotedOn == p.NotedOn
	if !count(&im.res.Priorities, exists, same) {
		return nil
	}
	if exists {
		_, err = im.tx.ExecContext(im.ctx, "UPDATE priorities SET boss_id = ?, text = ?, status = ?, noted_on = ?, status_changed_at = ? WHERE id = ?",
			bossID, p.Text, p.Status, p.NotedOn, formatTime(p.StatusChangedAt), cur.ID)
	} else {
		_, err = im.tx.ExecContext(im.ctx,
			`INSERT INTO priorities (public_id, user_id, boss_id, text, status, noted_on, status_changed_at, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			p.PublicID, im.userID, bossID, p.Text, p.Status, p.NotedOn, formatTime(p.StatusChangedAt), formatTime(p.CreatedAt))
	}
	return err
}

func (im *importer) entry(i int, e *journal.Entry) error {
	path := fmt.Sprintf("entries[%d]", i)
	bossID, err := im.ref(path, "boss_id", "bosses", e.BossPublicID)
	if err != nil {
		return err
	}
	var prioID int64
	if e.PriorityPublicID != "" {
		if prioID, err = im.ref(path, "priority_id", "priorities", e.PriorityPublicID); err != nil {
			return err
		}
		// As in the form: an entry advances a priority of its own boss.
		var prioBoss int64
		if err := im.queryRow("SELECT boss_id FROM priorities WHERE id = ?", prioID).Scan(&prioBoss); err != nil {
			return err
		}
		if prioBoss != bossID {
			msg := fmt.Sprintf("%s.priority_id: %q is a priority of another boss; an entry can only advance a priority of its own boss.", path, e.PriorityPublicID)
			return &journal.Error{Code: journal.EINVALID, Message: msg}
		}
	}
	cur, exists, err := im.currentEntry(e.PublicID)
	if err != nil {
		return err
	}
	if !exists {
		im.res.Entries.Added++
		return im.addEntry(newEntry{path: path, bossID: bossID, prioID: prioID, e: e})
	}
	same := cur.BossID == bossID && cur.PriorityID == prioID && cur.OccurredOn == e.OccurredOn && cur.Kind == e.Kind &&
		cur.Summary == e.Summary && cur.Notes == e.Notes && slices.Equal(cur.Practices, e.Practices) && sameBlocks(cur, e)
	if count(&im.res.Entries, exists, same) {
		if err := im.updateEntry(cur.ID, bossID, prioID, e); err != nil {
			return err
		}
		if err := importBlocks(im.ctx, im.tx, im.userID, bossID, cur.ID, e); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return im.followUps(path, cur.ID, e)
}

// followUps merges an entry's follow-ups, once the entry is written.
func (im *importer) followUps(path string, entryID int64, e *journal.Entry) error {
	for j, f := range e.FollowUps {
		if err := im.followUp(entryID, f); err != nil {
			return fmt.Errorf("%s.followups[%d]: %w", path, j, err)
		}
	}
	return nil
}

// currentEntry returns the account's entry with publicID, and false when
// the account has none.
func (im *importer) currentEntry(publicID string) (*journal.Entry, bool, error) {
	list, err := queryEntries(im.ctx, im.tx, im.userID,
		"SELECT "+entryColumns+" FROM entries e"+entryJoins+" WHERE e.user_id = ? AND e.public_id = ?", im.userID, publicID)
	if err != nil || len(list) == 0 {
		return nil, false, err
	}
	return list[0], true, nil
}

// updateEntry replaces a stored entry and its practices; new entries go
// in by the batch (flushEntries).
func (im *importer) updateEntry(id, bossID, prioID int64, e *journal.Entry) error {
	_, err := im.tx.ExecContext(im.ctx,
		"UPDATE entries SET boss_id = ?, occurred_on = ?, kind = ?, summary = ?, notes = ?, priority_id = ?, updated_at = ? WHERE id = ?",
		bossID, e.OccurredOn, e.Kind, e.Summary, e.Notes, nullID(prioID), formatTime(e.UpdatedAt), id)
	if err == nil {
		_, err = im.tx.ExecContext(im.ctx, "DELETE FROM entry_practices WHERE entry_id = ?", id)
	}
	if err != nil {
		return fmt.Errorf("write entry: %w", err)
	}
	return insertPractices(im.ctx, im.tx, im.userID, bossID, id, e.OccurredOn, e.Practices)
}

func (im *importer) followUp(entryID int64, f *journal.FollowUp) error {
	var cur journal.FollowUp
	var doneAt sql.NullString
	err := im.queryRow("SELECT id, entry_id, text, owner, coalesce(due_on, ''), done_at, coalesce(done_on, '') FROM followups WHERE user_id = ? AND public_id = ?",
		im.userID, f.PublicID).Scan(&cur.ID, &cur.EntryID, &cur.Text, &cur.Owner, &cur.DueOn, &doneAt, &cur.DoneOn)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var newDoneAt any
	if f.DoneAt != nil {
		newDoneAt = formatTime(*f.DoneAt)
	}
	same := cur.EntryID == entryID && cur.Text == f.Text && cur.Owner == f.Owner && cur.DueOn == f.DueOn && cur.DoneOn == f.DoneOn &&
		doneAt.Valid == (f.DoneAt != nil) && (f.DoneAt == nil || sameInstant(doneAt.String, *f.DoneAt))
	if !count(&im.res.FollowUps, exists, same) {
		return nil
	}
	if !exists {
		return im.addFollowUp(newFollowUp{entryID: entryID, f: f})
	}
	_, err = im.tx.ExecContext(im.ctx, "UPDATE followups SET entry_id = ?, text = ?, owner = ?, due_on = ?, done_at = ?, done_on = ?, first_due_on = coalesce(?, first_due_on, ?) WHERE id = ?",
		entryID, f.Text, f.Owner, nullString(f.DueOn), newDoneAt, nullString(f.DoneOn), nullString(f.FirstDueOn), nullString(f.DueOn), cur.ID)
	return err
}

func sameInstant(stored string, t time.Time) bool {
	s, err := parseTime(stored)
	return err == nil && s.Equal(t)
}

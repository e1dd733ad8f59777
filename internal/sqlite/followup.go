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

var errFollowUpNotFound = journal.Errorf(journal.ENOTFOUND, "That follow-up does not exist.")

// followUpColumns ends with the promise's judgement, read from the columns
// migration 00016 defines the rules in.
const followUpColumns = `f.id, f.public_id, f.user_id, f.entry_id, f.text, f.owner, coalesce(f.due_on, ''), f.done_at,
	coalesce(f.done_on, ''), f.created_at, e.public_id, e.summary, e.boss_id, b.name, coalesce(f.judged_on, ''),
	f.promise_state, coalesce(f.overdue_after, '')`

// followUpJoins also leaves out withdrawn follow-ups, which no page or
// export shows.
const followUpJoins = ` JOIN entries e ON e.id = f.entry_id` + followUpJoinsRest

// followUpJoinsRest is followUpJoins after the entry's id, for a query
// that must read f before e (fillFollowUpsSQL) and so joins e on an
// expression of f.entry_id, which SQLite does not carry over to e.
const followUpJoinsRest = ` AND f.withdrawn_at IS NULL JOIN bosses b ON b.id = e.boss_id`

// CreateFollowUp adds a commitment to one of the user's entries.
func (db *DB) CreateFollowUp(ctx context.Context, userID, entryID int64, in journal.FollowUpInput) (*journal.FollowUp, error) {
	id, _, err := db.CreateFollowUpOnce(ctx, userID, entryID, OnceKey{}, in)
	if err != nil {
		return nil, err
	}
	return db.FindFollowUp(ctx, userID, id)
}

// CreateFollowUpOnce adds a commitment unless key was used before: then it
// returns the id of the follow-up that use made, with replay set.
func (db *DB) CreateFollowUpOnce(ctx context.Context, userID, entryID int64, key OnceKey, in journal.FollowUpInput) (id int64, replay bool, err error) {
	err = db.tx(ctx, func(tx *sql.Tx) error {
		id, replay, err = db.once(ctx, tx, userID, key, KindFollowUp, func() (int64, error) {
			return db.insertFollowUp(ctx, tx, userID, entryID, in)
		})
		return err
	})
	return id, replay, err
}

func (db *DB) insertFollowUp(ctx context.Context, tx *sql.Tx, userID, entryID int64, in journal.FollowUpInput) (int64, error) {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM entries WHERE user_id = ? AND id = ?", userID, entryID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errEntryNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("find entry: %w", err)
	}
	res, err := tx.ExecContext(ctx,
		"INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
		uuid.NewString(), userID, entryID, in.Text, in.Owner, nullString(in.DueOn), formatTime(db.Now()))
	if err != nil {
		return 0, fmt.Errorf("insert follow-up: %w", err)
	}
	return res.LastInsertId()
}

// FindFollowUp returns one of the user's follow-ups.
func (db *DB) FindFollowUp(ctx context.Context, userID, id int64) (*journal.FollowUp, error) {
	row := db.reader().QueryRowContext(ctx, "SELECT "+followUpColumns+" FROM followups f"+followUpJoins+" WHERE f.user_id = ? AND f.id = ?", userID, id)
	return scanFollowUp(row)
}

// SetFollowUpDone marks a follow-up done (keeping the first time and local
// date it was marked, so later reviews can tell whether it was kept on
// time) or open again.
func (db *DB) SetFollowUpDone(ctx context.Context, userID, id int64, st journal.FollowUpState) (*journal.FollowUp, error) {
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var res sql.Result
		var err error
		if st.Done {
			res, err = tx.ExecContext(ctx,
				"UPDATE followups SET done_at = coalesce(done_at, ?), done_on = coalesce(done_on, ?) WHERE user_id = ? AND id = ? AND withdrawn_at IS NULL",
				formatTime(st.At), st.On, userID, id)
		} else {
			res, err = tx.ExecContext(ctx, "UPDATE followups SET done_at = NULL, done_on = NULL WHERE user_id = ? AND id = ? AND withdrawn_at IS NULL", userID, id)
		}
		return notFoundAs(checkOneRow(res, err, "set follow-up"), errFollowUpNotFound)
	})
	if err != nil {
		return nil, err
	}
	return db.FindFollowUp(ctx, userID, id)
}

// FindOpenFollowUps returns up to limit open follow-ups, soonest due first,
// those without a due date last; bossID > 0 keeps one boss's.
func (db *DB) FindOpenFollowUps(ctx context.Context, userID, bossID int64, limit int) ([]*journal.FollowUp, error) {
	return db.FindOpenFollowUpsFrom(ctx, userID, bossID, 0, limit)
}

// FindOpenFollowUpsFrom is FindOpenFollowUps after skipping the first
// offset: one page of the follow-ups page.
func (db *DB) FindOpenFollowUpsFrom(ctx context.Context, userID, bossID int64, offset, limit int) ([]*journal.FollowUp, error) {
	q, args := openFollowUpsQuery(userID, bossID, offset, limit)
	return db.findFollowUps(ctx, q, args...)
}

// openFollowUps is where the open follow-ups come from: not done, not
// withdrawn (followUpJoins), the user's.
const openFollowUps = " FROM followups f" + followUpJoins + " WHERE f.user_id = ? AND f.done_at IS NULL"

// openFollowUpsQuery is the query of FindOpenFollowUpsFrom, and of its plan
// test.
func openFollowUpsQuery(userID, bossID int64, offset, limit int) (string, []any) {
	cond, args := bossCond("e.boss_id", bossID, []any{userID})
	return "SELECT " + followUpColumns + openFollowUps + cond + " ORDER BY f.due_on IS NULL, f.due_on, f.id LIMIT ? OFFSET ?",
		append(args, limit, offset)
}

// CountOpenFollowUps counts the user's open follow-ups.
func (db *DB) CountOpenFollowUps(ctx context.Context, userID int64) (int, error) {
	var n int
	if err := db.reader().QueryRowContext(ctx, "SELECT count(*)"+openFollowUps, userID).Scan(&n); err != nil {
		return 0, fmt.Errorf("count open follow-ups: %w", err)
	}
	return n, nil
}

func (db *DB) findFollowUps(ctx context.Context, q string, args ...any) ([]*journal.FollowUp, error) {
	return queryAll(ctx, db.reader(), "find follow-ups", scanFollowUp, q, args...)
}

func scanFollowUp(row scanner) (*journal.FollowUp, error) {
	var f journal.FollowUp
	err := scanOne(row, errFollowUpNotFound, "follow-up",
		&f.ID, &f.PublicID, &f.UserID, &f.EntryID, &f.Text, &f.Owner, &f.DueOn, optionalTime{&f.DoneAt}, &f.DoneOn, storedTime{&f.CreatedAt},
		&f.EntryPublicID, &f.EntrySummary, &f.BossID, &f.BossName, &f.FirstDueOn, promiseState{&f.State}, &f.OverdueAfter)
	if err != nil {
		return nil, err
	}
	return &f, nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// FindDoneFollowUps returns follow-ups marked done between two local dates,
// oldest first; bossID > 0 keeps one boss's.
func (db *DB) FindDoneFollowUps(ctx context.Context, userID, bossID int64, from, to string, limit int) ([]*journal.FollowUp, error) {
	q := "SELECT " + followUpColumns + " FROM followups f" + followUpJoins + " WHERE f.user_id = ? AND f.done_on BETWEEN ? AND ?"
	cond, args := bossCond("e.boss_id", bossID, []any{userID, from, to})
	q += cond + " ORDER BY f.done_on, f.id LIMIT ?"
	return db.findFollowUps(ctx, q, append(args, limit)...)
}

// UpdateFollowUp corrects a follow-up's text, owner and due date. The first
// due date stays as it was (or becomes this one if there was none), so a
// moved date never makes a late promise count as kept.
func (db *DB) UpdateFollowUp(ctx context.Context, userID, id int64, in journal.FollowUpInput) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`UPDATE followups SET text = ?, owner = ?, due_on = ?, first_due_on = coalesce(first_due_on, ?)
			 WHERE user_id = ? AND id = ? AND withdrawn_at IS NULL`,
			in.Text, in.Owner, nullString(in.DueOn), nullString(in.DueOn), userID, id)
		return notFoundAs(checkOneRow(res, err, "update follow-up"), errFollowUpNotFound)
	})
}

// WithdrawFollowUp removes a follow-up from every page and export, keeping
// the row so that withdrawn promises can still be counted.
func (db *DB) WithdrawFollowUp(ctx context.Context, userID, id int64, at time.Time) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE followups SET withdrawn_at = ? WHERE user_id = ? AND id = ? AND withdrawn_at IS NULL",
			formatTime(at), userID, id)
		return notFoundAs(checkOneRow(res, err, "withdraw follow-up"), errFollowUpNotFound)
	})
}

// CountWithdrawnFollowUps counts the user's withdrawn follow-ups.
func (db *DB) CountWithdrawnFollowUps(ctx context.Context, userID int64) (int, error) {
	var n int
	err := db.reader().QueryRowContext(ctx, "SELECT count(*) FROM followups WHERE user_id = ? AND withdrawn_at IS NOT NULL", userID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count withdrawn follow-ups: %w", err)
	}
	return n, nil
}

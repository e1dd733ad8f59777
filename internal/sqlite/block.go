package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// The store's one writer and reader of entry blocks, working from each
// block's description (journal.Blocks): its table and columns. Table and
// column names come only from those descriptions, never from input.

// blockHead are the columns every block's list reads along, from the
// block t joined to its entry e and boss b (blockJoinsOn).
const blockHead = "t.entry_id, t.occurred_on, e.summary, t.boss_id, b.name"

// blockJoinsOn joins a block t to its entry, found as entryID, and boss:
// t.entry_id, or an expression of it for a query that must read t first
// (see blockFillQueries), since SQLite does not carry an expression's
// conditions over to e.
func blockJoinsOn(entryID string) string {
	return " JOIN entries e ON e.id = " + entryID + " JOIN bosses b ON b.id = t.boss_id"
}

// blockColumns reads a block from its table t: blockHead, then its
// Written and Recorded columns, a nullable one as "" while NULL.
func blockColumns(k journal.BlockKind) string {
	cols := []string{blockHead}
	for _, c := range k.Columns() {
		if c.Nullable {
			cols = append(cols, "coalesce(t."+c.Column+", '')")
		} else {
			cols = append(cols, "t."+c.Column)
		}
	}
	return strings.Join(cols, ", ")
}

// blockSelect starts a query of k's blocks, filtered by where on t.
func blockSelect(k journal.BlockKind, where string) string {
	return blockSelectOn(k, "t.entry_id", where)
}

// blockSelectOn is blockSelect with the entry joined as blockJoinsOn does.
func blockSelectOn(k journal.BlockKind, entryID, where string) string {
	return "SELECT " + blockColumns(k) + " FROM " + k.Table + " t" + blockJoinsOn(entryID) + " WHERE " + where
}

// scanBlock scans a row of blockColumns into a new block of entry e.
func scanBlock(row scanner, k journal.BlockKind, e *journal.Entry) error {
	fields, head := k.New(e)
	dest := []any{&head.EntryID, &head.OccurredOn, &head.EntrySummary, &head.BossID, &head.BossName}
	for _, f := range fields {
		if list, ok := f.(*[]string); ok {
			f = jsonList{list}
		}
		dest = append(dest, f)
	}
	if err := row.Scan(dest...); err != nil {
		return fmt.Errorf("scan %s: %w", k.Key, err)
	}
	return nil
}

// queryBlocks reads k's blocks with a query built by blockSelect; T is
// the block's type.
func queryBlocks[T any](ctx context.Context, q queryer, k journal.BlockKind, slot func(*journal.Entry) *T, query string, args ...any) ([]*T, error) {
	return queryAll(ctx, q, "find "+k.Table, func(row scanner) (*T, error) {
		var e journal.Entry
		if err := scanBlock(row, k, &e); err != nil {
			return nil, err
		}
		return slot(&e), nil
	}, query, args...)
}

// loadBlocks fills in the entries' blocks, with one query per kind.
func loadBlocks(ctx context.Context, q queryer, userID int64, ids entryIndex) error {
	list := ids.json()
	for _, k := range journal.Blocks {
		err := eachRow(ctx, q, "find "+k.Table, func(rows *sql.Rows) error {
			var read journal.Entry
			if err := scanBlock(rows, k, &read); err != nil {
				return err
			}
			_, head := k.Fields(&read)
			ids.each(head.EntryID, func(e *journal.Entry) { k.Share(e, &read) })
			return nil
		}, fillBlockSQL[k.Table], userID, list)
		if err != nil {
			return err
		}
	}
	return nil
}

// blockFillQueries are the queries that read each kind's blocks of a page
// of entries, by table; see fillFollowUpsSQL.
func blockFillQueries() map[string]string {
	qs := map[string]string{}
	for _, k := range journal.Blocks {
		qs[k.Table] = blockSelectOn(k, "+t.entry_id", "+t.user_id = ? AND "+idsIn("t.entry_id"))
	}
	return qs
}

// jsonList scans a JSON array of strings, as a repeated field is stored.
type jsonList struct{ list *[]string }

func (j jsonList) Scan(v any) error {
	var b []byte
	switch v := v.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("a list is stored as %T", v)
	}
	return json.Unmarshal(b, j.list)
}

// blockValues turns a block's values into what its columns store: a list
// as a JSON array, and "" in a nullable column as NULL.
func blockValues(cols []journal.BlockField, values []any) ([]any, error) {
	out := make([]any, len(values))
	for i, v := range values {
		switch v := v.(type) {
		case *string:
			out[i] = *v
		case *[]string:
			out[i] = *v
		default:
			out[i] = v
		}
		switch v := out[i].(type) {
		case []string:
			b, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			out[i] = string(b)
		case string:
			if cols[i].Nullable && v == "" {
				out[i] = nil
			}
		}
	}
	return out, nil
}

// upsertBlock writes the given columns of an entry's block, keeping the
// others when the entry has one already.
func upsertBlock(ctx context.Context, tx *sql.Tx, k journal.BlockKind, cols []journal.BlockField, userID, bossID, entryID int64, occurredOn string, values []any) error {
	vals, err := blockValues(cols, values)
	if err != nil {
		return err
	}
	names := make([]string, len(cols))
	set := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Column
		set[i] = c.Column + " = excluded." + c.Column
	}
	query := "INSERT INTO " + k.Table + " (entry_id, user_id, boss_id, occurred_on, " + strings.Join(names, ", ") +
		") VALUES (?, ?, ?, ?" + strings.Repeat(", ?", len(cols)) + ") ON CONFLICT (entry_id) DO UPDATE SET " + strings.Join(set, ", ")
	if _, err := tx.ExecContext(ctx, query, append([]any{entryID, userID, bossID, occurredOn}, vals...)...); err != nil {
		return fmt.Errorf("write %s: %w", k.Key, err)
	}
	return nil
}

// writeBlocks stores the blocks the entry form sent (nil leaves a stored
// one alone, an empty one removes it, anything else replaces what the form
// writes and keeps what closing recorded), then checks that the entry's
// date still fits each block's dates: moving an entry must not leave a
// decision, review or resolution impossible.
func writeBlocks(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, in journal.EntryInput) error {
	err := reindexEntry(ctx, tx, entryID, func() error {
		for _, k := range journal.Blocks {
			b := k.Input(&in)
			var err error
			switch {
			case b == nil:
			case b.Empty():
				if _, err = tx.ExecContext(ctx, "DELETE FROM "+k.Table+" WHERE user_id = ? AND entry_id = ?", userID, entryID); err != nil {
					err = fmt.Errorf("delete %s: %w", k.Key, err)
				}
			default:
				err = upsertBlock(ctx, tx, k, k.Written, userID, bossID, entryID, in.OccurredOn, b.Fields())
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range journal.Blocks {
		var stale bool
		err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+k.Table+" WHERE user_id = ?2 AND entry_id = ?3 AND ("+k.Stale+"))",
			in.OccurredOn, userID, entryID).Scan(&stale)
		if err != nil {
			return fmt.Errorf("check %s dates: %w", k.Key, err)
		}
		if stale {
			return fieldError("occurred_on", k.Moved)
		}
	}
	return nil
}

// importBlocks writes an imported entry's blocks whole, closing included;
// a block the file does not carry (an older export) is left alone. The
// entry's date and boss come from the entry row.
func importBlocks(ctx context.Context, tx *sql.Tx, userID, bossID, entryID int64, e *journal.Entry) error {
	return reindexEntry(ctx, tx, entryID, func() error {
		for _, k := range journal.Blocks {
			if fields, _ := k.Fields(e); fields != nil {
				if err := upsertBlock(ctx, tx, k, k.Columns(), userID, bossID, entryID, e.OccurredOn, fields); err != nil {
					return fmt.Errorf("import: %w", err)
				}
			}
		}
		return nil
	})
}

// sameBlocks reports whether an imported entry's blocks match the stored
// ones. A block the file does not carry leaves the stored one alone, so
// it counts as the same.
func sameBlocks(cur, in *journal.Entry) bool {
	for _, k := range journal.Blocks {
		want, _ := k.Fields(in)
		if want == nil {
			continue
		}
		have, _ := k.Fields(cur)
		if have == nil {
			return false
		}
		a, _ := blockValues(k.Columns(), have)
		b, _ := blockValues(k.Columns(), want)
		if !slices.Equal(a, b) {
			return false
		}
	}
	return true
}

// CloseBlock records what became of the block of kind k in one of the
// user's entries: a problem's decision, a bet's outcome, a forecast's
// result.
func (db *DB) CloseBlock(ctx context.Context, userID, entryID int64, k journal.BlockKind, in journal.BlockCloser) error {
	vals, err := blockValues(k.Recorded, in.Fields())
	if err != nil {
		return err
	}
	set := make([]string, len(k.Recorded))
	for i, c := range k.Recorded {
		set[i] = c.Column + " = ?"
	}
	notFound := journal.Errorf(journal.ENOTFOUND, "%s", k.NotFound)
	return db.tx(ctx, func(tx *sql.Tx) error {
		return reindexEntry(ctx, tx, entryID, func() error {
			res, err := tx.ExecContext(ctx, "UPDATE "+k.Table+" SET "+strings.Join(set, ", ")+" WHERE user_id = ? AND entry_id = ?",
				append(vals, userID, entryID)...)
			return notFoundAs(checkOneRow(res, err, "close "+k.Key), notFound)
		})
	})
}

// reindexEntry rebuilds the entry's search document around change, which
// writes its blocks: it removes the document as the view entry_search_source
// builds it before, and inserts it as the view builds it after. (The index
// is contentless: removing a document takes the very text it was indexed
// with.) The entry's own triggers do the same for its summary, notes,
// boss and follow-ups.
func reindexEntry(ctx context.Context, tx *sql.Tx, entryID int64, change func() error) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO entry_search (entry_search, rowid, summary, notes, followups, boss, extra)
		SELECT 'delete', entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = ?`, entryID); err != nil {
		return fmt.Errorf("unindex entry: %w", err)
	}
	if err := change(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
		SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source WHERE entry_id = ?`, entryID); err != nil {
		return fmt.Errorf("index entry: %w", err)
	}
	return nil
}

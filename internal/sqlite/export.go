package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// ExportVisitor receives a user's whole journal, one record at a time:
// every boss, then every priority, then every entry with its follow-ups.
type ExportVisitor interface {
	Boss(*journal.Boss) error
	Priority(*journal.Priority) error
	Entry(*journal.Entry) error
}

// exportBatch is how many entries are read at a time, so that an export of
// any size streams in bounded memory.
const exportBatch = 500

// Export walks the user's journal in one read transaction, so the export
// is one consistent snapshot. Entries come newest first by date (then id),
// as every page lists them.
func (db *DB) Export(ctx context.Context, userID int64, v ExportVisitor) error {
	tx, done, err := db.beginRead(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer done()
	bossIDs, err := exportBosses(ctx, tx, userID, v)
	if err != nil {
		return err
	}
	if err := exportPriorities(ctx, tx, userID, bossIDs, v); err != nil {
		return err
	}
	return exportEntries(ctx, tx, userID, v)
}

func exportBosses(ctx context.Context, tx *sql.Tx, userID int64, v ExportVisitor) (map[int64]string, error) {
	manuals, err := exportManuals(ctx, tx, userID)
	if err != nil {
		return nil, err
	}
	ids := map[int64]string{}
	query := "SELECT " + bossColumns + " FROM bosses WHERE user_id = ? ORDER BY id"
	err = eachRow(ctx, tx, "export bosses", func(rows *sql.Rows) error {
		b, err := scanBoss(rows)
		if err != nil {
			return err
		}
		ids[b.ID] = b.PublicID
		b.Manual = manuals[b.ID]
		return v.Boss(b)
	}, query, userID)
	return ids, err
}

func exportPriorities(ctx context.Context, tx *sql.Tx, userID int64, bossIDs map[int64]string, v ExportVisitor) error {
	query := "SELECT " + priorityColumns + " FROM priorities WHERE user_id = ? ORDER BY id"
	return eachRow(ctx, tx, "export priorities", func(rows *sql.Rows) error {
		p, err := scanPriority(rows)
		if err != nil {
			return err
		}
		p.BossPublicID = bossIDs[p.BossID]
		return v.Priority(p)
	}, query, userID)
}

// exportEntries pages through the entries by (date, id), the order of
// entries_user_date_idx, so each batch starts where the last one ended and
// nothing is sorted: the cost of a batch does not grow with the journal.
func exportEntries(ctx context.Context, tx *sql.Tx, userID int64, v ExportVisitor) error {
	var lastDate string
	var lastID int64
	first := true
	for {
		query, args := exportFirstBatch, []any{userID}
		if !first {
			query, args = exportNextBatch, append(args, lastDate, lastID)
		}
		batch, err := queryEntries(ctx, tx, userID, query, append(args, exportBatch)...)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, e := range batch {
			if err := v.Entry(e); err != nil {
				return err
			}
		}
		last := batch[len(batch)-1]
		lastDate, lastID, first = last.OccurredOn, last.ID, false
	}
}

// exportFirstBatch and exportNextBatch read a batch of entries newest
// first; the next batch starts past the (date, id) the last one ended at.
var (
	exportFirstBatch = exportBatchQuery("e.user_id = ?")
	exportNextBatch  = exportBatchQuery("e.user_id = ? AND (e.occurred_on, e.id) < (?, ?)")
)

func exportBatchQuery(where string) string {
	return "SELECT " + entryColumns + " FROM entries e" + entryJoins + " WHERE " + where + " ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?"
}

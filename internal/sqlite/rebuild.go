package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"
)

// Rebuilds. A migration that changes what a derived structure holds (the
// search index: a new view of what each entry's document says, a new
// tokenizer) does not refill it inside its own transaction, where a
// million entries would be one statement, one transaction and one long
// silence. It asks for a rebuild instead, in its SQL, so that the request
// commits with the migration:
//
//	CREATE TABLE IF NOT EXISTS pending_rebuilds (name TEXT PRIMARY KEY, done_through INTEGER) STRICT;
//	INSERT INTO pending_rebuilds (name) VALUES ('entry_search')
//	    ON CONFLICT (name) DO UPDATE SET done_through = NULL;
//
// After the last migration, Migrate empties the structure and fills it again
// from its source in chunks of rebuildChunk rows, each chunk its own
// transaction that also records how far it got, and logs a line per chunk.
// A process killed in the middle (kill -9, a full disk) leaves a file whose
// committed chunks are whole; the next Open or `leadup migrate up` goes on
// from the last one. Open does not return, so nothing is served, while a
// rebuild is pending. When every rebuild is done the table is dropped: the
// schema is the same as if the migration had filled the structure itself.
//
// The name in the row is a key of rebuilds below; a migration that rebuilds
// something new adds its entry there. Asking again (a second migration in
// the same upgrade) starts that rebuild over, so the last source wins.

// rebuildChunk is how many source rows one transaction of a rebuild fills:
// at 1,000,000 entries, 50 log lines and commits. Tests make it smaller.
var rebuildChunk int64 = 20_000

// rebuild fills one derived structure from its source, keyed by an integer
// id that orders the source.
type rebuild struct {
	what  string // for the log
	empty string // empties the structure
	count string // counts the source rows with id <= ?
	next  string // the id ending a chunk: (after, rows-1) → the id of the chunk's last row
	last  string // the highest id of the source
	fill  string // fills the source rows with after < id <= through
	// settle, when set, runs after the last chunk, each run its own
	// transaction, until a run changes nothing.
	settle string
	// during runs before the chunks (again on a resumed rebuild) and
	// after ends them, once the structure is settled: settings that suit
	// filling it in bulk, and the ones it serves with.
	during, after []string
}

// rebuilds are the structures a migration may ask to rebuild, by name.
var rebuilds = map[string]rebuild{
	// The search index (00008): every entry's document, as the view
	// entry_search_source says it now. 'delete-all' works on a contentless
	// table and leaves nothing of the old documents (secure_delete zeroes
	// the freed pages).
	"entry_search": {
		what:  "the search index",
		empty: "INSERT INTO entry_search (entry_search) VALUES ('delete-all')",
		count: "SELECT count(*) FROM entries WHERE id <= ?",
		next:  "SELECT id FROM entries WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?",
		last:  "SELECT coalesce(max(id), 0) FROM entries",
		fill: `INSERT INTO entry_search (rowid, summary, notes, followups, boss, extra)
			SELECT entry_id, summary, notes, followups, boss, extra FROM entry_search_source
			WHERE entry_id > ? AND entry_id <= ?`,
		// The chunks leave the index in many segments, and an edit's
		// secure-delete looks each of the document's words up in every
		// one: merged into one (FTS5's incremental 'merge', a negative
		// budget merging across levels, 5,000 pages a transaction), an
		// edit at 100,000 entries took half the time. Secure_delete zeroes
		// the pages the merge frees.
		settle: "INSERT INTO entry_search (entry_search, rank) VALUES ('merge', -5000)",
		// While filling, FTS5 merges a level's segments when it has 16
		// of them rather than 4 (and must at 32 rather than 16): fewer
		// levels, so each term is rewritten fewer times before the
		// settle merges everything into one segment anyway. At
		// 1,000,000 entries it cut the upgrade's CPU by about a third.
		// Serving keeps FTS5's defaults, which keep a new entry's
		// segments few.
		during: []string{
			"INSERT INTO entry_search (entry_search, rank) VALUES ('automerge', 16)",
			"INSERT INTO entry_search (entry_search, rank) VALUES ('crisismerge', 32)",
		},
		after: []string{
			"INSERT INTO entry_search (entry_search, rank) VALUES ('automerge', 4)",
			"INSERT INTO entry_search (entry_search, rank) VALUES ('crisismerge', 16)",
		},
	},
}

// pendingRebuild is a row of pending_rebuilds.
type pendingRebuild struct {
	name    string
	started bool  // done_through is set: the structure was emptied
	done    int64 // the last source id filled
}

// finishRebuilds runs every rebuild a migration asked for, from where an
// earlier run stopped, then drops pending_rebuilds.
func finishRebuilds(ctx context.Context, db *sql.DB, log *slog.Logger) error {
	for {
		p, ok, err := nextRebuild(ctx, db)
		if err != nil || !ok {
			return err
		}
		r, known := rebuilds[p.name]
		if !known {
			return fmt.Errorf("rebuild %q: this leadup does not know how; nothing was changed", p.name)
		}
		if err := runRebuild(ctx, db, log, p, r); err != nil {
			return fmt.Errorf("rebuild %s: %w", r.what, err)
		}
	}
}

// nextRebuild reads one pending rebuild; with none left it drops the table
// and reports false.
func nextRebuild(ctx context.Context, db *sql.DB) (pendingRebuild, bool, error) {
	var p pendingRebuild
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'pending_rebuilds'").Scan(&n); err != nil || n == 0 {
		return p, false, err
	}
	var done sql.NullInt64
	err := db.QueryRowContext(ctx, "SELECT name, done_through FROM pending_rebuilds ORDER BY name LIMIT 1").Scan(&p.name, &done)
	if err == sql.ErrNoRows {
		_, err = db.ExecContext(ctx, "DROP TABLE pending_rebuilds")
		return p, false, err
	}
	p.started, p.done = done.Valid, done.Int64
	return p, err == nil, err
}

// runRebuild empties the structure unless an earlier run did, then fills
// it chunk by chunk, each chunk committed with its progress.
func runRebuild(ctx context.Context, db *sql.DB, log *slog.Logger, p pendingRebuild, r rebuild) error {
	start := time.Now()
	var total, filled, last int64
	if err := db.QueryRowContext(ctx, r.last).Scan(&last); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, r.count, last).Scan(&total); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, r.count, p.done).Scan(&filled); err != nil {
		return err
	}
	if !p.started {
		err := inTx(ctx, db, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, r.empty); err != nil {
				return err
			}
			return setRebuilt(ctx, tx, p.name, 0)
		})
		if err != nil {
			return err
		}
	}
	log.Info("rebuilding", "what", r.what, "rows", total, "resumed_after_id", p.done)
	if err := execAll(ctx, db, r.during); err != nil {
		return err
	}
	done := p.done
	for done < last {
		through := last
		if err := db.QueryRowContext(ctx, r.next, done, rebuildChunk-1).Scan(&through); err != nil && err != sql.ErrNoRows {
			return err
		}
		var n int64
		err := inTx(ctx, db, func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, r.fill, done, through)
			if err != nil {
				return err
			}
			if n, err = res.RowsAffected(); err != nil {
				return err
			}
			return setRebuilt(ctx, tx, p.name, through)
		})
		if err != nil {
			return err
		}
		done, filled = through, filled+n
		log.Info("rebuilding", "what", r.what, "done", filled, "of", total, "through_id", done, "elapsed", time.Since(start).Round(time.Millisecond))
	}
	if err := settle(ctx, db, log, r, start); err != nil {
		return err
	}
	if err := execAll(ctx, db, r.after); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, "DELETE FROM pending_rebuilds WHERE name = ?", p.name)
	log.Info("rebuilt", "what", r.what, "rows", total, "took", time.Since(start).Round(time.Millisecond))
	return err
}

// settle runs r.settle until a run changes fewer than two rows, which is
// how FTS5 says a merge found nothing left to do. Stopped in the middle,
// the next run goes on: every round commits whole.
func settle(ctx context.Context, db *sql.DB, log *slog.Logger, r rebuild, start time.Time) error {
	for round := 1; r.settle != ""; round++ {
		var before, after int64
		err := inTx(ctx, db, func(tx *sql.Tx) error {
			if err := tx.QueryRowContext(ctx, "SELECT total_changes()").Scan(&before); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, r.settle); err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, "SELECT total_changes()").Scan(&after)
		})
		if err != nil || after-before < 2 {
			return err
		}
		log.Info("rebuilding", "what", r.what, "merged_rounds", round, "elapsed", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// execAll runs the statements in one transaction.
func execAll(ctx context.Context, db *sql.DB, stmts []string) error {
	return inTx(ctx, db, func(tx *sql.Tx) error {
		for _, q := range stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
}

func setRebuilt(ctx context.Context, tx *sql.Tx, name string, through int64) error {
	_, err := tx.ExecContext(ctx, "UPDATE pending_rebuilds SET done_through = ? WHERE name = ?", through, name)
	return err
}

// inTx runs fn in a transaction of db, committing when fn returns nil.
func inTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// reads is what a read runs on: the read pool, or inside View the page's
// one read transaction.
type reads interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// reader returns where reads go.
func (db *DB) reader() reads {
	if db.view != nil {
		return db.hot(db.view)
	}
	return poolReads{db}
}

// txReads runs reads in a read transaction of the pool: a hot read through
// its prepared statement, any other prepared now.
type txReads struct {
	tx    *sql.Tx
	stmts stmtCache
}

// hot gives the reads of tx (beginRead's or View's) to run as txReads
// does. Inside Update that is the writer's transaction, which the pool's
// statements are not prepared for: its reads are prepared as they come.
func (db *DB) hot(tx *sql.Tx) reads {
	if tx == db.update {
		return tx
	}
	return txReads{tx, db.readStmts}
}

func (t txReads) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s, ok := t.stmts[query]; ok {
		return t.tx.StmtContext(ctx, s).QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, query, args...)
}

func (t txReads) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if s, ok := t.stmts[query]; ok {
		return t.tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, query, args...)
}

// A read snapshot is what one read sees of the file: a read transaction
// (View's, or beginRead's outside View), or a query run on the pool
// outside any, which SQLite gives a snapshot of its own. DB.ReadHook is
// told of each, so a test can count a page's snapshots — one per page is
// the rule (see internal/core) — through every path the store reads by.
// Reads that join View's transaction open none.

// poolReads runs reads on the pool, each its own snapshot: a hot read
// through its prepared statement, any other prepared now. It holds only
// the DB, so making one allocates nothing.
type poolReads struct{ db *DB }

func (p poolReads) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	p.db.snapshot(ctx)
	if s, ok := p.db.readStmts[query]; ok {
		return s.QueryContext(ctx, args...)
	}
	return p.db.read.QueryContext(ctx, query, args...)
}

func (p poolReads) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	p.db.snapshot(ctx)
	if s, ok := p.db.readStmts[query]; ok {
		return s.QueryRowContext(ctx, args...)
	}
	return p.db.read.QueryRowContext(ctx, query, args...)
}

// snapshot tells the hook, if any, of a read transaction about to begin.
func (db *DB) snapshot(ctx context.Context) {
	if db.ReadHook != nil {
		db.ReadHook(ctx)
	}
}

// beginRead starts a read transaction, or inside View joins the page's
// one; done ends what beginRead started.
func (db *DB) beginRead(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	if db.view != nil {
		return db.view, func() {}, nil
	}
	db.snapshot(ctx)
	// Callers wrap the error with what they were reading.
	if tx, err = db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}); err != nil {
		return nil, nil, err
	}
	return tx, func() { tx.Rollback() }, nil
}

// View runs fn with a DB whose every read comes from one read
// transaction, so that a page's data is one consistent snapshot however
// many queries gather it. Writes from fn still go to the writer.
func (db *DB) View(ctx context.Context, fn func(*DB) error) error {
	if db.view != nil {
		return fn(db)
	}
	db.snapshot(ctx)
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	v := *db
	v.view = tx
	return fn(&v)
}

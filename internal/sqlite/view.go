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
		return db.view
	}
	return db.read
}

// beginRead starts a read transaction, or inside View joins the page's
// one; done ends what beginRead started.
func (db *DB) beginRead(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	if db.view != nil {
		return db.view, func() {}, nil
	}
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
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	v := *db
	v.view = tx
	return fn(&v)
}

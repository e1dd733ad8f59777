package sqlite

import (
	"context"
	"database/sql"
)

// Update runs fn with a DB whose every write, and every read, joins one
// write transaction, committed when fn returns nil and rolled back
// otherwise: a use case that needs several store writes stays one change.
// Inside Update, fn joins the transaction already open.
func (db *DB) Update(ctx context.Context, fn func(*DB) error) error {
	if db.update != nil {
		return fn(db)
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		u := *db
		u.update, u.view = tx, tx
		return fn(&u)
	})
}

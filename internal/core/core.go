// Package core holds leadup's use cases: one method for each thing a user
// or an operator does — create an account, log an entry, read a page —
// whatever front end asks for it (the HTML pages, the JSON API, the
// command line or the reminder runner). Each method owns its transaction:
// one read snapshot per page, one write transaction per change. The rules
// themselves live in internal/journal; the queries in internal/sqlite,
// which no front end imports.
package core

import "github.com/leadup/leadup/internal/sqlite"

// Core is the use-case layer over one store.
type Core struct {
	db *sqlite.DB
}

// New returns the use cases over db.
func New(db *sqlite.DB) *Core {
	return &Core{db: db}
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/leadup/leadup/internal/journal"
)

// hotStatements are prepared once on the writer's one connection, when
// the database opens: preparing the statements of creating an entry cost a
// quarter of its CPU.
var hotStatements = []string{insertEntrySQL, insertPracticeSQL, bossArchivedSQL}

// stmtCache holds the prepared hot statements. It is filled before the
// pool serves anyone and only read after, so it needs no lock. Preparing
// inside a transaction would wait forever for the writer's only
// connection, which the transaction holds.
type stmtCache map[string]*sql.Stmt

// hotReads are prepared once on the read pool: the reads nearly every
// request makes (its session and account), the sign-in page's account
// count, and the entry pages' (the list's first query, its count and boss
// menu, the entry page's entry, and the queries that fill entries whole).
// Preparing them each time was 12–19% of the sign-in page's CPU and a
// fifth of the list page's.
// database/sql prepares a pool statement on each connection the first
// time that connection runs it, and keeps it there; a read transaction
// runs them through txReads.
var hotReads = append([]string{countUsersSQL, findSessionSQL, findUserByIDSQL,
	entryListSQL, entryCountSQL, bossesQuery(true), findEntrySQL}, fillQueries()...)

// The unfiltered list of entries and its count, as entryListQuery and
// entryCountQuery write them for any user and page.
var (
	entryListSQL, _  = entryListQuery(0, journal.EntryFilter{})
	entryCountSQL, _ = entryCountQuery(0, journal.EntryFilter{})
)

func (db *DB) prepareHot(ctx context.Context) error {
	db.stmts, db.readStmts = stmtCache{}, stmtCache{}
	for _, q := range hotStatements {
		s, err := db.write.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		db.stmts[q] = s
	}
	for _, q := range hotReads {
		s, err := db.read.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		db.readStmts[q] = s
	}
	return nil
}

// stmt returns query bound to tx: the prepared statement when there is
// one, or one prepared now on the transaction's connection.
func (db *DB) stmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if s, ok := db.stmts[query]; ok {
		return tx.StmtContext(ctx, s), nil
	}
	s, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return s, nil
}

func (db *DB) closeStmts() {
	for _, s := range db.stmts {
		s.Close()
	}
	for _, s := range db.readStmts {
		s.Close()
	}
}

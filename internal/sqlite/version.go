package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"

	"github.com/leadup/leadup/migrations"
)

// querier is what both a pool and a transaction offer.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaVersion returns the highest applied migration of a database, 0
// when it has none yet.
func schemaVersion(ctx context.Context, q querier) (int64, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'goose_db_version'").Scan(&n); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	if n == 0 {
		return 0, nil
	}
	var v int64
	if err := q.QueryRowContext(ctx, "SELECT coalesce(max(version_id), 0) FROM goose_db_version WHERE is_applied").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// knownVersion returns the newest migration in fsys.
func knownVersion(fsys fs.FS) (int64, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return 0, fmt.Errorf("migrations: %w", err)
	}
	var v int64
	for _, name := range names {
		n, err := goose.NumericComponent(name)
		if err != nil {
			return 0, fmt.Errorf("migrations: %w", err)
		}
		v = max(v, n)
	}
	return v, nil
}

// refuseNewer fails when the database was written by a newer leadup: this
// binary cannot know what the newer migrations changed, so serving or
// restoring it could corrupt data it does not understand.
func refuseNewer(ctx context.Context, q querier, fsys fs.FS) error {
	have, err := schemaVersion(ctx, q)
	if err != nil {
		return err
	}
	know, err := knownVersion(fsys)
	if err != nil {
		return err
	}
	if have > know {
		return fmt.Errorf("the database's schema version is %d, newer than the %d this leadup knows: use a newer leadup, or restore a backup made by this version; nothing was changed", have, know)
	}
	return nil
}

// CheckSchema fails when the database file at path was written by a newer
// leadup. It opens the file read-only.
func CheckSchema(ctx context.Context, path string) error {
	db, err := openToRead(path)
	if err != nil {
		return err
	}
	defer db.Close()
	return refuseNewer(ctx, db, migrations.FS)
}

// openToRead opens the file at path for a command that only reads it
// (status, checks before a restore). Queries cannot write (query_only), but
// the file is not opened with mode=ro: a read-only connection to a WAL
// database cannot remove the -wal and -shm files it made, and would leave
// them beside a file the operator only looked at. The caller checks that
// the file exists; SQLite would create it.
func openToRead(path string) (*sql.DB, error) {
	return sql.Open("sqlite", "file:"+escapePath(path)+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
}

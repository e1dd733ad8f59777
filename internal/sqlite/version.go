package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"strings"

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

// lateMigrations reports whether the database lacks migrations below the
// newest one it has, as a file made by a build between out-of-order merges
// does. Each must be in migrations.AppliedLate, within its bound, to be
// applied now; otherwise it fails and changes nothing.
func lateMigrations(ctx context.Context, db *sql.DB, fsys fs.FS) (bool, error) {
	have, err := schemaVersion(ctx, db)
	if err != nil || have == 0 {
		return false, err
	}
	rows, err := db.QueryContext(ctx, "SELECT version_id FROM goose_db_version WHERE is_applied AND version_id > 0")
	if err != nil {
		return false, fmt.Errorf("read applied migrations: %w", err)
	}
	applied := map[int64]bool{}
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return false, fmt.Errorf("read applied migrations: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("read applied migrations: %w", err)
	}
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return false, fmt.Errorf("migrations: %w", err)
	}
	var late, refused []string
	for _, name := range names {
		v, err := goose.NumericComponent(name)
		if err != nil {
			return false, fmt.Errorf("migrations: %w", err)
		}
		if v >= have || applied[v] {
			continue
		}
		if bound, ok := migrations.AppliedLate[v]; ok && have <= bound {
			late = append(late, name)
		} else {
			refused = append(refused, name)
		}
	}
	if len(refused) > 0 {
		return false, fmt.Errorf("the database is at schema version %d but lacks %s, which this leadup cannot apply after the later ones: "+
			"the file was made by a build between releases. Open it with that build, export your data (Settings → Export JSON) "+
			"and import it into a new database; nothing was changed", have, strings.Join(refused, ", "))
	}
	return len(late) > 0, nil
}

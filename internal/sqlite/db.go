// Package sqlite stores leadup's data in one SQLite file through the pure-Go
// modernc.org/sqlite driver.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/leadup/leadup/migrations"
)

// pragmas are applied, in this order, to every pooled connection.
// busy_timeout comes first so that the others wait rather than fail;
// synchronous=FULL because a journal entry is irreplaceable; temp_store in
// memory because the container image has no /tmp; a 16 MB page cache per
// connection so that a large journal's index pages stay in memory (it
// halved the week page's extra cost at 100,000 entries; at 2 MB the 500th
// list page read 50,246 pages from the file per view instead of none, and
// took 7 to 11 times as long). SQLite fills a cache only as pages are read, so
// a small journal or an idle server never holds it; secure_delete so
// that deleted text is overwritten rather than left in free pages, where
// every later backup would carry it.
const pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)" +
	"&_pragma=temp_store(MEMORY)&_pragma=cache_size(-16000)&_pragma=secure_delete(1)&_txlock=immediate&_time_format=sqlite"

// DB is the database: one writer connection, so writes never contend for
// SQLite's lock, and a pool of read-only connections that WAL lets run
// beside it.
type DB struct {
	write  *sql.DB
	read   *sql.DB
	health *sql.DB // one read connection of its own, so Ping answers while the pool is busy
	path   string

	secret []byte    // see Secret
	stmts  stmtCache // the writer's, see stmt.go
	// readStmts are the read pool's; see hotReads.
	readStmts stmtCache
	view      *sql.Tx // inside View: the read transaction every read joins
	update    *sql.Tx // inside Update: the write transaction every write joins

	// ReadHook, when set, is called with the request's context each time
	// the store opens a read snapshot; see view.go. Set it before the
	// store serves anyone.
	ReadHook func(context.Context)

	// Now returns the current time; tests replace it.
	Now func() time.Time

	// Migrated is what Open's migrations changed: zero when the file was
	// already at this version.
	Migrated SchemaChange
}

// SchemaChange is a migration run from one schema version to another.
type SchemaChange struct{ From, To int64 }

// DSN returns the driver data source name for the file at path.
func DSN(path string) string {
	return "file:" + escapePath(path) + "?" + pragmas
}

// escapePath escapes the characters that would end the path in a URI.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// Open opens the database file at path, creating it if needed, and applies
// every pending migration before returning. It gathers no statistics: the
// server runs Optimize once it listens (see Optimize).
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	db, err := OpenNoMigrate(path)
	if err != nil {
		return nil, err
	}
	from, err := schemaVersion(ctx, db.write)
	if err != nil {
		db.Close()
		return nil, err
	}
	res, err := Migrate(ctx, db.write, migrations.FS, opts...)
	if err != nil {
		db.Close()
		return nil, err
	}
	if len(res) > 0 {
		db.Migrated = SchemaChange{From: from, To: res[len(res)-1].Source.Version}
	}
	if db.secret, err = loadSecret(ctx, db.write); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.prepareHot(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// OpenNoMigrate opens the database file at path without migrating it.
func OpenNoMigrate(path string) (*DB, error) {
	write, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	if err := write.Ping(); err != nil {
		write.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Readers begin deferred transactions: an immediate one would take the
	// write lock just to read.
	readDSN := strings.Replace(DSN(path), "_txlock=immediate", "_txlock=deferred", 1) + "&_pragma=query_only(1)"
	read, err := sql.Open("sqlite", readDSN)
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	health, err := sql.Open("sqlite", readDSN)
	if err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	health.SetMaxOpenConns(1)
	health.SetMaxIdleConns(1)
	return &DB{write: write, read: read, health: health, path: path, Now: time.Now}, nil
}

// Close closes every pool.
func (db *DB) Close() error {
	db.closeStmts()
	return errors.Join(db.health.Close(), db.read.Close(), db.write.Close())
}

// Ping checks that the database answers a query. It runs on a connection
// of its own: four slow searches holding the read pool must not make a
// container's health check fail and restart a server that is working.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.health.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Writer returns the one writer connection's pool: the metrics read its
// statistics, and tests reach under the store with it.
func (db *DB) Writer() *sql.DB { return db.write }

// Dir returns the folder that holds the database file: the one place the
// server may write files of its own (an import's upload, for instance).
func (db *DB) Dir() string { return filepath.Dir(db.path) }

// Reader returns the read-only pool.
func (db *DB) Reader() *sql.DB { return db.read }

// Option changes how Open and Migrate work.
type Option func(*options)

type options struct {
	log *slog.Logger
}

// WithProgress logs an upgrade's progress to log: each migration as it is
// applied, each chunk of a rebuild (see rebuild.go).
func WithProgress(log *slog.Logger) Option {
	return func(o *options) { o.log = log }
}

func applyOptions(opts []Option) options {
	o := options{log: slog.New(slog.DiscardHandler)}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// Migrate applies every pending migration in fsys, then finishes the
// rebuilds they asked for (rebuild.go). Each migration commits with its
// version row in one transaction, so a failing one changes nothing; each
// chunk of a rebuild commits with how far it got, so an interrupted one
// goes on where it stopped. db is the one writer connection: the temporary
// files the work needs go beside the database (see tempBeside).
func Migrate(ctx context.Context, db *sql.DB, fsys fs.FS, opts ...Option) ([]*goose.MigrationResult, error) {
	o := applyOptions(opts)
	if err := refuseNewer(ctx, db, fsys); err != nil {
		return nil, err
	}
	late, err := lateMigrations(ctx, db, fsys)
	if err != nil {
		return nil, err
	}
	p, err := newProvider(db, fsys, goose.WithAllowOutofOrder(late))
	if err != nil {
		return nil, err
	}
	restore, err := tempBeside(ctx, db)
	if err != nil {
		return nil, err
	}
	defer restore()
	// A rebuild a killed run left half done goes on first, with the schema
	// that asked for it: the migrations below then write a whole index.
	if err := finishRebuilds(ctx, db, o.log); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	var res []*goose.MigrationResult
	for {
		r, err := p.UpByOne(ctx)
		if errors.Is(err, goose.ErrNoNextVersion) {
			break
		}
		var partial *goose.PartialError
		if errors.As(err, &partial) {
			return append(res, partial.Applied...), fmt.Errorf("migrate: %s failed and was rolled back, the database is at the last good version: %w",
				path.Base(partial.Failed.Source.Path), partial.Err)
		}
		if err != nil {
			return res, fmt.Errorf("migrate: %w", err)
		}
		res = append(res, r)
		o.log.Info("migration applied", "migration", path.Base(r.Source.Path), "took", r.Duration.Round(time.Millisecond))
	}
	if err := finishRebuilds(ctx, db, o.log); err != nil {
		return res, fmt.Errorf("migrate: %w", err)
	}
	return res, nil
}

// tempBeside points SQLite's temporary files (sorting for CREATE INDEX and
// GROUP BY, statement journals) at the database's own folder and keeps
// them in files there, not in memory, until the returned func runs: a
// migration over a large file then needs about a page cache of memory, not
// a copy of what it sorts. The folder is the one place the server may
// write (the container image has no /tmp). Serving keeps temp_store in
// memory, where a request's temporary data is small.
//
// SQLite holds the folder process-wide (the deprecated but supported
// PRAGMA temp_store_directory; modernc's SQLite reads the environment's
// SQLITE_TMPDIR only once, at start); a server opens one database.
func tempBeside(ctx context.Context, db *sql.DB) (func(), error) {
	var file string
	if err := db.QueryRowContext(ctx, "SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&file); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if file == "" { // an in-memory database has no folder
		return func() {}, nil
	}
	dir := strings.ReplaceAll(filepath.Dir(file), "'", "''")
	if _, err := db.ExecContext(ctx, "PRAGMA temp_store_directory = '"+dir+"'"); err != nil {
		return nil, fmt.Errorf("migrate: temporary files beside the database: %w", err)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA temp_store = FILE"); err != nil {
		return nil, fmt.Errorf("migrate: temporary files beside the database: %w", err)
	}
	return func() {
		// Back to the DSN's setting; a closed pool has nothing to restore.
		db.ExecContext(context.WithoutCancel(ctx), "PRAGMA temp_store = MEMORY")
	}, nil
}

// MigrationState is one known migration and whether a database has it.
type MigrationState struct {
	Name      string
	Version   int64
	AppliedAt time.Time // zero while pending
}

// MigrationStatus lists every known migration and whether the database
// file at path has it. It only reads: a file that is not there has every
// migration pending and is not created, and one without goose's table
// does not get it.
func MigrationStatus(ctx context.Context, path string) ([]MigrationState, error) {
	applied := map[int64]time.Time{}
	if _, err := os.Stat(path); err == nil {
		if applied, err = appliedMigrations(ctx, path); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("migration status: %w", err)
	}
	names, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var list []MigrationState
	for _, name := range names {
		v, err := goose.NumericComponent(name)
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		list = append(list, MigrationState{Name: name, Version: v, AppliedAt: applied[v]})
	}
	return list, nil
}

// appliedMigrations reads goose's table of the file at path, read-only.
func appliedMigrations(ctx context.Context, path string) (map[int64]time.Time, error) {
	db, err := openToRead(path)
	if err != nil {
		return nil, fmt.Errorf("migration status: %w", err)
	}
	defer db.Close()
	applied := map[int64]time.Time{}
	if v, err := schemaVersion(ctx, db); err != nil || v == 0 {
		return applied, err
	}
	rows, err := db.QueryContext(ctx, "SELECT version_id, tstamp FROM goose_db_version WHERE is_applied AND version_id > 0")
	if err != nil {
		return nil, fmt.Errorf("migration status: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int64
		var at time.Time
		if err := rows.Scan(&v, &at); err != nil {
			return nil, fmt.Errorf("migration status: %w", err)
		}
		applied[v] = at
	}
	return applied, rows.Err()
}

// MigrateUp applies pending migrations to an open database.
func MigrateUp(ctx context.Context, db *DB, opts ...Option) ([]*goose.MigrationResult, error) {
	return Migrate(ctx, db.write, migrations.FS, opts...)
}

func newProvider(db *sql.DB, fsys fs.FS, opts ...goose.ProviderOption) (*goose.Provider, error) {
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return p, nil
}

// tx runs fn in a write transaction, committing when fn returns nil.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if db.update != nil {
		return fn(db.update)
	}
	return inTx(ctx, db.write, fn)
}

// isUniqueViolation reports whether err is SQLite's UNIQUE constraint error.
func isUniqueViolation(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

// IsDiskFull reports whether err is SQLite's "database or disk is full".
func IsDiskFull(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlite3.SQLITE_FULL
}

// timeLayout is RFC 3339 in UTC with a fixed width, so that stored times
// sort as strings.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse time %q: %w", s, err)
	}
	return t, nil
}

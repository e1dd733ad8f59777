package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/leadup/leadup/migrations"
)

// Lock takes an exclusive advisory lock on the database file for as long as
// the process serves it, so that `leadup restore` (and a second server) can
// tell the database is in use. SQLite's own locks are fcntl locks, which
// flock does not touch.
func Lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("database %s is in use by another leadup process", path)
		}
		return nil, fmt.Errorf("lock database %s: %w", path, err)
	}
	return func() { f.Close() }, nil
}

// Backup writes a consistent copy of the database at src to dest with
// VACUUM INTO, which reads one snapshot while the server keeps writing. The
// copy is made under a temporary name, checked, made private (0600) and
// only then linked to dest, which must not exist.
func Backup(ctx context.Context, src, dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new file name", dest)
	}
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	tmp := filepath.Join(filepath.Dir(dest), fmt.Sprintf(".%s.%d.tmp", filepath.Base(dest), time.Now().UnixNano()))
	defer os.Remove(tmp)

	// SQLite creates the file itself; a tight umask keeps it private from
	// the first byte.
	old := syscall.Umask(0o077)
	err := vacuumInto(ctx, src, tmp)
	syscall.Umask(old)
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := IntegrityCheck(ctx, tmp); err != nil {
		return fmt.Errorf("backup: the copy failed its check: %w", err)
	}
	// A hard link never replaces an existing file, unlike rename.
	if err := os.Link(tmp, dest); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

func vacuumInto(ctx context.Context, src, dest string) error {
	db, err := sql.Open("sqlite", DSN(src))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return fmt.Errorf("backup: vacuum into %s: %w", dest, err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check on the file at path, which must
// be a leadup database.
func IntegrityCheck(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	db, err := openToRead(path)
	if err != nil {
		return err
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("integrity check: %s", result)
	}
	return checkIsLeadup(ctx, db)
}

// errNotLeadup says a file is a sound SQLite database but not leadup's.
var errNotLeadup = errors.New("not a leadup database")

// checkIsLeadup fails with errNotLeadup when db lacks leadup's tables. A
// query that fails is its own error: it says nothing about what the file is.
func checkIsLeadup(ctx context.Context, db *sql.DB) error {
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name IN ('goose_db_version', 'users')").Scan(&n); err != nil {
		return fmt.Errorf("integrity check: read the schema: %w", err)
	}
	if n != 2 {
		return errNotLeadup
	}
	return nil
}

// Restore replaces the database at path with the backup at src. It refuses
// while a server holds the database, checks the backup, migrates it to this
// version, and ends every session in it. The replaced file is kept beside
// it as path.before-restore-TIME; with no database at path, kept is "" and
// a failed restore leaves nothing there.
func Restore(ctx context.Context, path, src string) (kept string, err error) {
	_, statErr := os.Stat(path)
	existed := statErr == nil
	unlock, err := Lock(path)
	if err != nil {
		return "", fmt.Errorf("restore: %w; stop the server first", err)
	}
	defer unlock()
	if !existed {
		// Lock created the file it locks; only the restored one may stay.
		defer func() {
			if err != nil {
				os.Remove(path)
			}
		}()
	}
	if err := IntegrityCheck(ctx, src); err != nil {
		return "", fmt.Errorf("restore: %s: %w", src, err)
	}
	if err := CheckSchema(ctx, src); err != nil {
		return "", fmt.Errorf("restore: %s: %w", src, err)
	}
	tmp := path + ".restoring"
	defer removeDB(tmp)
	if err := copyFile(src, tmp); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	db, err := Open(ctx, tmp)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	_, err = db.write.ExecContext(ctx, "DELETE FROM sessions")
	if err == nil {
		// The lease was the backed-up server's: the restored one takes
		// the scheduled backups at once.
		_, err = db.write.ExecContext(ctx, "UPDATE backup_state SET lease_holder = '', lease_until = ''")
	}
	if err == nil {
		_, err = db.write.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if !existed {
		if err := os.Rename(tmp, path); err != nil {
			return "", fmt.Errorf("restore: %w", err)
		}
		return "", nil
	}
	// The old WAL belongs to the old file: it must not meet the new one.
	kept = fmt.Sprintf("%s.before-restore-%s", path, time.Now().UTC().Format("20060102T150405Z"))
	if err := os.Rename(path, kept); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Rename(path+suffix, kept+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("restore: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	return kept, nil
}

func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// BackupReport is what VerifyBackup found in a backup.
type BackupReport struct {
	SchemaVersion int64 // the newest migration the backup has
	KnownVersion  int64 // the newest this leadup knows; a newer backup needs a newer leadup
	Users         int64
	Entries       int64
}

// VerifyBackup checks the database file at path as a restore would see it:
// PRAGMA integrity_check, PRAGMA foreign_key_check, leadup's tables, and
// counts what it holds. It only reads; the caller hands it a copy.
func VerifyBackup(ctx context.Context, path string) (BackupReport, error) {
	var r BackupReport
	if err := IntegrityCheck(ctx, path); err != nil {
		return r, err
	}
	db, err := openToRead(path)
	if err != nil {
		return r, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return r, fmt.Errorf("foreign key check: %w", err)
	}
	var broken []string
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int64
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			rows.Close()
			return r, fmt.Errorf("foreign key check: %w", err)
		}
		broken = append(broken, fmt.Sprintf("%s row %d refers to a missing %s", table, rowid.Int64, parent))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("foreign key check: %w", err)
	}
	if len(broken) > 0 {
		return r, fmt.Errorf("foreign key check: %d broken references, the first: %s", len(broken), broken[0])
	}
	if r.SchemaVersion, err = schemaVersion(ctx, db); err != nil {
		return r, err
	}
	if r.KnownVersion, err = knownVersion(migrations.FS); err != nil {
		return r, err
	}
	for _, c := range []struct {
		table string
		n     *int64
	}{{"users", &r.Users}, {"entries", &r.Entries}} {
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+c.table).Scan(c.n); err != nil {
			return r, fmt.Errorf("count %s: %w", c.table, err)
		}
	}
	return r, nil
}

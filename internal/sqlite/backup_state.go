package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// BackupState is the backup_state row: the lease on scheduled backups and
// how the last one went. Zero times mean never.
type BackupState struct {
	LeaseHolder    string
	LeaseUntil     time.Time
	LastSuccess    time.Time
	LastFile       string
	LastBytes      int64
	LastTook       time.Duration
	LastFailure    time.Time
	LastFailureMsg string
}

// Snapshot writes a consistent, checked copy of the database to path (see
// Backup). It reads through a connection of its own, never the writer.
func (db *DB) Snapshot(ctx context.Context, path string) error {
	return Backup(ctx, db.path, path)
}

// TakeBackupLease makes holder the server that takes scheduled backups
// until now+ttl, when no other holder's lease runs past now; it renews
// holder's own lease. It reports whether holder holds the lease.
func (db *DB) TakeBackupLease(ctx context.Context, holder string, now time.Time, ttl time.Duration) (bool, error) {
	res, err := db.write.ExecContext(ctx, `UPDATE backup_state SET lease_holder = ?, lease_until = ?
		WHERE id = 1 AND (lease_holder = ? OR lease_holder = '' OR lease_until <= ?)`,
		holder, formatTime(now.Add(ttl)), holder, formatTime(now))
	if err != nil {
		return false, fmt.Errorf("take the backup lease: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("take the backup lease: %w", err)
	}
	return n == 1, nil
}

// ReleaseBackupLease gives up holder's lease, so that another server may
// take the backups at once.
func (db *DB) ReleaseBackupLease(ctx context.Context, holder string) error {
	if _, err := db.write.ExecContext(ctx, `UPDATE backup_state SET lease_holder = '', lease_until = ''
		WHERE id = 1 AND lease_holder = ?`, holder); err != nil {
		return fmt.Errorf("release the backup lease: %w", err)
	}
	return nil
}

// RecordBackupSuccess records a backup written to file.
func (db *DB) RecordBackupSuccess(ctx context.Context, at time.Time, file string, size int64, took time.Duration) error {
	if _, err := db.write.ExecContext(ctx, `UPDATE backup_state SET last_success_at = ?, last_success_file = ?,
		last_success_bytes = ?, last_success_seconds = ? WHERE id = 1`, formatTime(at), file, size, took.Seconds()); err != nil {
		return fmt.Errorf("record the backup: %w", err)
	}
	return nil
}

// RecordBackupFailure records a failed backup, or a failed backup command.
func (db *DB) RecordBackupFailure(ctx context.Context, at time.Time, msg string) error {
	if _, err := db.write.ExecContext(ctx, `UPDATE backup_state SET last_failure_at = ?, last_failure = ? WHERE id = 1`,
		formatTime(at), msg); err != nil {
		return fmt.Errorf("record the backup failure: %w", err)
	}
	return nil
}

// BackupState reads the backup_state row.
func (db *DB) BackupState(ctx context.Context) (BackupState, error) {
	return readBackupState(ctx, db.read)
}

// ReadBackupState reads the backup_state row of the database at path
// without writing to it, for `leadup backup-status` beside a running
// server. A database older than the table has no backups recorded.
func ReadBackupState(ctx context.Context, path string) (BackupState, error) {
	if _, err := os.Stat(path); err != nil {
		return BackupState{}, err
	}
	db, err := openToRead(path)
	if err != nil {
		return BackupState{}, err
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'backup_state'").Scan(&n); err != nil {
		return BackupState{}, fmt.Errorf("read the backup state: %w", err)
	}
	if n == 0 {
		return BackupState{}, nil
	}
	return readBackupState(ctx, db)
}

func readBackupState(ctx context.Context, q *sql.DB) (BackupState, error) {
	var s BackupState
	var until, success, failure string
	var seconds float64
	err := q.QueryRowContext(ctx, `SELECT lease_holder, lease_until, last_success_at, last_success_file, last_success_bytes,
		last_success_seconds, last_failure_at, last_failure FROM backup_state WHERE id = 1`).
		Scan(&s.LeaseHolder, &until, &success, &s.LastFile, &s.LastBytes, &seconds, &failure, &s.LastFailureMsg)
	if errors.Is(err, sql.ErrNoRows) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read the backup state: %w", err)
	}
	s.LastTook = time.Duration(seconds * float64(time.Second))
	for _, f := range []struct {
		text string
		t    *time.Time
	}{{until, &s.LeaseUntil}, {success, &s.LastSuccess}, {failure, &s.LastFailure}} {
		if f.text == "" {
			continue
		}
		if *f.t, err = parseTime(f.text); err != nil {
			return s, fmt.Errorf("read the backup state: %w", err)
		}
	}
	return s, nil
}

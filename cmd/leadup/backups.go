package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"filippo.io/age"

	"github.com/leadup/leadup/internal/backup"
	"github.com/leadup/leadup/internal/sqlite"
)

// backupConfig is the scheduled backups and their encryption; scheduled
// backups are off while Dir is empty.
type backupConfig struct {
	Dir, Every, Keep, Recipients, RecipientsFile, Command string

	// Derived by validate.
	every      time.Duration
	keep       backup.Keep
	recipients []age.Recipient
	command    []string
}

func (c *backupConfig) flags(fs *flag.FlagSet, env func(key, def string) string) {
	fs.StringVar(&c.Dir, "backup-dir", env("LEADUP_BACKUP_DIR", ""), "folder for scheduled backups; off when empty")
	fs.StringVar(&c.Every, "backup-every", env("LEADUP_BACKUP_EVERY", backup.DefaultEvery.String()), "time between scheduled backups (at least 1m)")
	fs.StringVar(&c.Keep, "backup-keep", env("LEADUP_BACKUP_KEEP", backup.DefaultKeep.String()), "backups rotation keeps: 7d,4w,12m")
	fs.StringVar(&c.Recipients, "backup-age-recipients", env("LEADUP_BACKUP_AGE_RECIPIENTS", ""), "age public keys backups are encrypted to")
	fs.StringVar(&c.RecipientsFile, "backup-age-recipients-file", env("LEADUP_BACKUP_AGE_RECIPIENTS_FILE", ""), "age recipients file")
	fs.StringVar(&c.Command, "backup-command", env("LEADUP_BACKUP_COMMAND", ""), "command run on each new backup: its path replaces {}, or comes last")
}

// validate reads the settings once, at start: a mistyped key or interval
// stops the server rather than the first backup, a day later.
func (c *backupConfig) validate(db string) error {
	d, err := time.ParseDuration(c.Every)
	if err != nil || d < backup.MinEvery {
		return fmt.Errorf("LEADUP_BACKUP_EVERY is %q; use a duration of at least %s, such as 24h or 6h", c.Every, backup.MinEvery)
	}
	c.every = d
	if c.keep, err = backup.ParseKeep(c.Keep); err != nil {
		return err
	}
	if c.recipients, err = backup.ParseRecipients(c.Recipients, c.RecipientsFile); err != nil {
		return err
	}
	if c.command, err = backup.ParseCommand(c.Command); err != nil {
		return err
	}
	if len(c.command) > 0 && c.Dir == "" {
		return errors.New("LEADUP_BACKUP_COMMAND needs LEADUP_BACKUP_DIR: it runs after each scheduled backup")
	}
	if c.Dir == "" {
		return nil
	}
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return fmt.Errorf("LEADUP_BACKUP_DIR: %w", err)
	}
	dbDir, err := filepath.Abs(filepath.Dir(db))
	if err != nil {
		return fmt.Errorf("LEADUP_DB: %w", err)
	}
	if dir == dbDir {
		// The plaintext snapshot is written beside the database, and must
		// never sit where backups are shipped from.
		return fmt.Errorf("LEADUP_BACKUP_DIR is the database's own folder %s; give backups a folder (or volume) of their own", dir)
	}
	return nil
}

// checkDir fails when the backup folder cannot take a backup.
func (c *backupConfig) checkDir() error {
	info, err := os.Stat(c.Dir)
	if err != nil {
		return fmt.Errorf("LEADUP_BACKUP_DIR: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("LEADUP_BACKUP_DIR: %s is not a folder", c.Dir)
	}
	probe, err := os.CreateTemp(c.Dir, ".leadup-probe-*")
	if err != nil {
		return fmt.Errorf("LEADUP_BACKUP_DIR: leadup cannot write to %s: %w", c.Dir, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// newScheduler makes the scheduled backups' scheduler on db, with the last
// outcome the database recorded.
func newScheduler(ctx context.Context, c backupConfig, dbPath string, db *sqlite.DB, log *slog.Logger) (*backup.Scheduler, error) {
	if err := c.checkDir(); err != nil {
		return nil, err
	}
	st, err := db.BackupState(ctx)
	if err != nil {
		return nil, err
	}
	// The holder is this host's server of this file, not this process: a
	// server restarted after a crash renews its own lease at once instead
	// of waiting LeaseTTL for it. A second server of the same file on this
	// host cannot start (sqlite.Lock), so the name is never shared.
	host, _ := os.Hostname()
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	return backup.New(db, backup.Config{
		Dir: c.Dir, Every: c.every, Keep: c.keep, Recipients: c.recipients, Command: c.command,
		SnapshotPrefix: dbPath + ".backup-snapshot-",
		Holder:         host + ":" + abs,
		Log:            log,
	}, backup.Status{
		LastSuccess: st.LastSuccess, LastFile: st.LastFile, LastBytes: st.LastBytes, LastTook: st.LastTook,
		LastFailure: st.LastFailure, LastFailureMsg: st.LastFailureMsg,
	}), nil
}

// runBackup is `leadup backup FILE`: a consistent copy of the database,
// encrypted to the configured recipients when there are any.
func runBackup(ctx context.Context, cfg config, file string, stdout io.Writer) error {
	if len(cfg.Backup.recipients) == 0 {
		if err := sqlite.Backup(ctx, cfg.DB, file); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "backed up %s to %s (checked, mode 0600, not encrypted)\n", cfg.DB, file)
		return nil
	}
	sweepCommandDirs(cfg.DB, nil)
	work, release, err := commandDir(cfg.DB)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer release()
	size, err := backup.Write(ctx, snapshotFile(cfg.DB), filepath.Join(work, "snapshot.db"), file, cfg.Backup.recipients)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(stdout, "backed up %s to %s (checked, encrypted to %d age recipient(s), %d bytes, mode 0600)\n", cfg.DB, file, len(cfg.Backup.recipients), size)
	return nil
}

// runRestore is `leadup restore [-age-identity FILE] BACKUP`.
func runRestore(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var identity string
	cfg, rest, err := parseConfig("restore", args, getenv, stderr, identityFlag(&identity))
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{"restore needs exactly one BACKUP"}
	}
	file := rest[0]
	if err := checkNoReplicator(ctx, cfg.DB); err != nil {
		return err
	}
	plain, cleanup, err := openBackup(file, identity, filepath.Dir(cfg.DB))
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer cleanup()
	kept, err := sqlite.Restore(ctx, cfg.DB, plain)
	if err != nil {
		return err
	}
	if kept == "" {
		fmt.Fprintf(stdout, "restored %s from %s; every session has ended; there was no database to keep\n", cfg.DB, file)
		return nil
	}
	fmt.Fprintf(stdout, "restored %s from %s; every session has ended; the replaced database is kept as %s\n", cfg.DB, file, kept)
	return nil
}

func identityFlag(identity *string) func(*flag.FlagSet) {
	return func(fs *flag.FlagSet) {
		fs.StringVar(identity, "age-identity", "", "age identity file (or OpenSSH private key) that decrypts an encrypted backup")
	}
}

// openBackup returns the path of file's plaintext: file itself when it is
// plain SQLite, else a private copy decrypted with the identity into a
// temporary folder in dir, which cleanup removes.
func openBackup(file, identity, dir string) (plain string, cleanup func(), err error) {
	encrypted, err := backup.IsEncrypted(file)
	if err != nil {
		return "", nil, err
	}
	if !encrypted {
		return file, func() {}, nil
	}
	if identity == "" {
		return "", nil, fmt.Errorf("%s is encrypted with age; name the private key with -age-identity FILE", file)
	}
	ids, err := backup.ReadIdentities(identity)
	if err != nil {
		return "", nil, err
	}
	tmp, err := privateTempDir(dir)
	if err != nil {
		return "", nil, err
	}
	plain = filepath.Join(tmp, "leadup.db")
	if err := backup.Decrypt(file, plain, ids); err != nil {
		os.RemoveAll(tmp)
		return "", nil, err
	}
	return plain, func() { os.RemoveAll(tmp) }, nil
}

// privateTempDir makes a folder only this user can read, in the system's
// temporary folder or, where there is none (the container's empty image),
// in fallback.
func privateTempDir(fallback string) (string, error) {
	dir, err := os.MkdirTemp("", "leadup-backup-")
	if err != nil {
		dir, err = os.MkdirTemp(fallback, ".leadup-backup-")
	}
	if err != nil {
		return "", fmt.Errorf("make a temporary folder: %w", err)
	}
	return dir, nil
}

// runVerifyBackup is `leadup verify-backup [-age-identity FILE] BACKUP`:
// the monthly restore drill, without touching the served database.
func runVerifyBackup(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var identity string
	cfg, rest, err := parseConfig("verify-backup", args, getenv, stderr, identityFlag(&identity))
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{"verify-backup needs exactly one BACKUP"}
	}
	file := rest[0]
	plain, cleanup, err := openBackup(file, identity, filepath.Dir(cfg.DB))
	if err != nil {
		return fmt.Errorf("verify-backup: %w", err)
	}
	defer cleanup()
	// A copy in a folder of its own: opening the backup itself could
	// leave -wal and -shm files beside it, or change it.
	tmp, err := privateTempDir(filepath.Dir(cfg.DB))
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	copyPath := filepath.Join(tmp, "verify.db")
	if err := copyPlain(plain, copyPath); err != nil {
		return fmt.Errorf("verify-backup: %w", err)
	}
	r, err := sqlite.VerifyBackup(ctx, copyPath)
	if err != nil {
		return fmt.Errorf("verify-backup: %s: %w", file, err)
	}
	fmt.Fprintf(stdout, "%s: integrity_check ok, foreign_key_check ok\nschema version %d (this leadup knows %d)\n%d users, %d entries\n",
		file, r.SchemaVersion, r.KnownVersion, r.Users, r.Entries)
	if r.SchemaVersion > r.KnownVersion {
		return fmt.Errorf("verify-backup: %s was written by a newer leadup (schema %d); restore it with that version or newer", file, r.SchemaVersion)
	}
	return nil
}

func copyPlain(src, dest string) error {
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
	return out.Close()
}

// runBackupStatus is `leadup backup-status`: what the database recorded of
// the scheduled backups, and what the folder holds. It exits non-zero when
// the last attempt failed or the last success is overdue, for monitoring.
func runBackupStatus(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, rest, err := parseConfig("backup-status", args, getenv, stderr)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{"backup-status takes no arguments"}
	}
	st, err := sqlite.ReadBackupState(ctx, cfg.DB)
	if err != nil {
		return fmt.Errorf("backup-status: %w", err)
	}
	now := time.Now()
	b := cfg.Backup
	if b.Dir == "" {
		fmt.Fprintln(stdout, "scheduled backups: off (LEADUP_BACKUP_DIR is not set)")
	} else {
		enc := "not encrypted"
		if n := len(b.recipients); n > 0 {
			enc = fmt.Sprintf("encrypted to %d age recipient(s)", n)
		}
		fmt.Fprintf(stdout, "scheduled backups: every %s into %s, keeping %s, %s\n", b.every, b.Dir, b.keep, enc)
		if files, err := backup.List(b.Dir); err != nil {
			fmt.Fprintf(stdout, "backup folder: %v\n", err)
		} else {
			fmt.Fprintf(stdout, "backups in the folder: %d\n", len(files))
		}
	}
	if st.LastSuccess.IsZero() {
		fmt.Fprintln(stdout, "last success: never")
	} else {
		fmt.Fprintf(stdout, "last success: %s (%s ago), %s, %d bytes, took %s\n", st.LastSuccess.UTC().Format(time.RFC3339),
			now.Sub(st.LastSuccess).Round(time.Second), st.LastFile, st.LastBytes, st.LastTook.Round(time.Millisecond))
	}
	if st.LastFailure.IsZero() {
		fmt.Fprintln(stdout, "last failure: never")
	} else {
		fmt.Fprintf(stdout, "last failure: %s (%s ago): %s\n", st.LastFailure.UTC().Format(time.RFC3339), now.Sub(st.LastFailure).Round(time.Second), st.LastFailureMsg)
	}
	if st.LeaseHolder != "" && st.LeaseUntil.After(now) {
		fmt.Fprintf(stdout, "taken by: %s (lease until %s)\n", st.LeaseHolder, st.LeaseUntil.UTC().Format(time.RFC3339))
	} else {
		fmt.Fprintln(stdout, "taken by: no running server holds the backup lease")
	}
	if b.Dir == "" {
		return nil
	}
	switch {
	case !st.LastFailure.IsZero() && st.LastFailure.After(st.LastSuccess):
		return errors.New("backup-status: the last backup attempt failed")
	case st.LastSuccess.IsZero():
		return errors.New("backup-status: no backup has succeeded yet")
	case now.Sub(st.LastSuccess) > 2*b.every:
		return fmt.Errorf("backup-status: the last success is older than twice LEADUP_BACKUP_EVERY (%s)", b.every)
	}
	return nil
}

// snapshotFile is a database file a command copies from, without opening
// it as a server does.
type snapshotFile string

func (p snapshotFile) Snapshot(ctx context.Context, path string) error {
	return sqlite.Backup(ctx, string(p), path)
}

// commandDirPattern names the private folders beside the database in
// which `leadup backup FILE` keeps its plaintext snapshot while it
// encrypts it.
func commandDirPattern(db string) string { return filepath.Base(db) + ".backup-command-*" }

// commandDir makes a private folder beside db for one command's plaintext
// snapshot and holds a lock on it until release, which removes it. A
// command killed on the way leaves the folder, a copy of entries the user
// may since have deleted, unlocked: sweepCommandDirs removes it.
func commandDir(db string) (dir string, release func(), err error) {
	dir, err = os.MkdirTemp(filepath.Dir(db), commandDirPattern(db))
	if err != nil {
		return "", nil, err
	}
	f, err := os.Open(dir)
	if err == nil {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	}
	if err != nil {
		// A sweep took the folder between its making and its lock.
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	return dir, func() {
		os.RemoveAll(dir)
		f.Close()
	}, nil
}

// sweepCommandDirs removes the snapshot folders of backup commands that
// were killed: those no running command holds a lock on. log, when not
// nil, hears of each.
func sweepCommandDirs(db string, log *slog.Logger) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(db), commandDirPattern(db)))
	for _, m := range matches {
		f, err := os.Open(m)
		if err != nil {
			continue
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
			err := os.RemoveAll(m)
			if log != nil && err == nil {
				log.Info("backup: removed the plaintext snapshot a killed backup command left", "folder", m)
			}
		}
		f.Close()
	}
}

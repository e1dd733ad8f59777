// Package backup takes leadup's scheduled backups inside `serve`: a
// consistent snapshot on a timer, encrypted to the owner's age public keys,
// published atomically, rotated, and handed to an optional command that
// ships it off the machine. It reaches the database only through Store, so
// it depends on no storage package.
package backup

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"filippo.io/age"
)

// Store is what scheduled backups need of the database. *sqlite.DB is one.
type Store interface {
	Snapshotter
	// TakeBackupLease makes holder the one server that backs up until
	// now+ttl, unless another holder's lease runs past now.
	TakeBackupLease(ctx context.Context, holder string, now time.Time, ttl time.Duration) (bool, error)
	ReleaseBackupLease(ctx context.Context, holder string) error
	RecordBackupSuccess(ctx context.Context, at time.Time, file string, size int64, took time.Duration) error
	RecordBackupFailure(ctx context.Context, at time.Time, msg string) error
}

const (
	// MinEvery is the shortest LEADUP_BACKUP_EVERY.
	MinEvery = time.Minute
	// DefaultEvery is LEADUP_BACKUP_EVERY's default.
	DefaultEvery = 24 * time.Hour
	// FirstDelay is how long after start the first backup is taken: soon,
	// so that a server that crashes in a loop still backs up, but after
	// the start's own work.
	FirstDelay = 5 * time.Second
	// LeaseTTL is how long a lease outlives its holder's last renewal:
	// another server takes the backups over that long after the holder
	// died.
	LeaseTTL = 3 * time.Minute
	// leaseRenew is how often the holder renews it.
	leaseRenew = time.Minute
	// commandOutputLimit is how much of the command's output is logged.
	commandOutputLimit = 4096
)

// Config is the scheduled backups' configuration.
type Config struct {
	Dir        string        // LEADUP_BACKUP_DIR, where complete backups go
	Every      time.Duration // LEADUP_BACKUP_EVERY
	Keep       Keep          // LEADUP_BACKUP_KEEP
	Recipients []age.Recipient
	Command    []string // LEADUP_BACKUP_COMMAND; the backup's path is added as its last argument
	// SnapshotPrefix begins the path of each plaintext snapshot, beside
	// the database: the database's path and ".backup-snapshot-".
	SnapshotPrefix string
	// Holder names this server in the lease: host and process.
	Holder string
	Log    *slog.Logger
	Now    func() time.Time
}

// Status is what the scheduler knows of its backups, for /metrics.
type Status struct {
	LastSuccess    time.Time
	LastFile       string
	LastBytes      int64
	LastTook       time.Duration
	LastFailure    time.Time
	LastFailureMsg string
	Failures       int64 // since this process started
	LeaseHeld      bool
	Running        bool
}

// Scheduler takes the backups.
type Scheduler struct {
	cfg   Config
	store Store
	mu    sync.Mutex
	st    Status
	// leaseKnown is whether the lease was ever read: the first reading is
	// logged whichever it is.
	leaseKnown bool
}

// New makes a scheduler; initial is the last success and failure recorded
// in the database, so that a restart keeps them in the metrics.
func New(store Store, cfg Config, initial Status) *Scheduler {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Scheduler{cfg: cfg, store: store, st: initial}
}

// Status returns a copy of the current status.
func (s *Scheduler) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st
}

func (s *Scheduler) update(fn func(*Status)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(&s.st)
}

// Run takes a backup FirstDelay after it starts, then every cfg.Every,
// while this server holds the lease, until ctx ends; then it gives the
// lease up.
func (s *Scheduler) Run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() { s.holdLease(ctx) })
	defer func() {
		// The lease goes with this server, so that another may take over
		// at once rather than after LeaseTTL.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := s.store.ReleaseBackupLease(rctx, s.cfg.Holder); err != nil {
			s.cfg.Log.Warn("backup: release the lease", "err", err)
		}
	}()
	timer := time.NewTimer(FirstDelay)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		began := time.Now()
		s.RunOnce(ctx)
		// The next backup is due Every after this one began, however long
		// this one took.
		timer.Reset(max(0, s.cfg.Every-time.Since(began)))
	}
}

// holdLease renews the lease every leaseRenew, so that it stays with this
// server between backups and through a long one.
func (s *Scheduler) holdLease(ctx context.Context) {
	t := time.NewTicker(leaseRenew)
	defer t.Stop()
	for {
		s.takeLease(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (s *Scheduler) takeLease(ctx context.Context) bool {
	held, err := s.store.TakeBackupLease(ctx, s.cfg.Holder, s.cfg.Now(), LeaseTTL)
	if err != nil {
		if ctx.Err() == nil {
			s.cfg.Log.Error("backup: take the lease", "err", err)
		}
		held = false
	}
	s.update(func(st *Status) {
		if (st.LeaseHeld != held || !s.leaseKnown) && err == nil {
			s.leaseKnown = true
			if held {
				s.cfg.Log.Info("backup: this server takes the scheduled backups", "holder", s.cfg.Holder)
			} else {
				s.cfg.Log.Info("backup: another server holds the backup lease; this one does not back up")
			}
		}
		st.LeaseHeld = held
	})
	return held
}

// RunOnce takes one scheduled backup if this server holds the lease: it
// removes what an interrupted backup left, writes the backup, records the
// outcome, rotates, and runs the command. It returns the backup's path, ""
// when none was written.
func (s *Scheduler) RunOnce(ctx context.Context) string {
	if !s.takeLease(ctx) {
		return ""
	}
	s.update(func(st *Status) { st.Running = true })
	defer s.update(func(st *Status) { st.Running = false })
	// Only the lease holder writes these files: any there now were left
	// by a backup that was interrupted (a crash, kill -9).
	s.removeLeftovers()

	began := s.cfg.Now()
	name := FileName(began, len(s.cfg.Recipients) > 0)
	dest := filepath.Join(s.cfg.Dir, name)
	plain := s.cfg.SnapshotPrefix + began.UTC().Format(stampLayout)
	s.cfg.Log.Info("backup started", "file", dest, "encrypted", len(s.cfg.Recipients) > 0)
	size, err := Write(ctx, s.store, plain, dest, s.cfg.Recipients)
	took := s.cfg.Now().Sub(began)
	if err != nil && ctx.Err() != nil {
		s.cfg.Log.Info("backup stopped: the server is shutting down", "file", dest)
		return ""
	}
	if err != nil {
		s.fail(ctx, fmt.Sprintf("backup failed: %v", err))
		return ""
	}
	s.update(func(st *Status) {
		st.LastSuccess, st.LastFile, st.LastBytes, st.LastTook = began, dest, size, took
	})
	if err := s.store.RecordBackupSuccess(context.WithoutCancel(ctx), began, dest, size, took); err != nil {
		s.cfg.Log.Error("backup: record the success", "err", err)
	}
	// Rotation comes before "backup done", so that the line marks a
	// folder in its final state.
	s.rotate()
	s.cfg.Log.Info("backup done", "file", dest, "bytes", size, "took", took.Round(time.Millisecond), "encrypted", len(s.cfg.Recipients) > 0)
	if len(s.cfg.Command) > 0 {
		s.runCommand(ctx, dest)
	}
	return dest
}

// fail records a failure in the log, the status and the database.
func (s *Scheduler) fail(ctx context.Context, msg string) {
	now := s.cfg.Now()
	s.cfg.Log.Error(msg)
	s.update(func(st *Status) {
		st.LastFailure, st.LastFailureMsg = now, msg
		st.Failures++
	})
	if err := s.store.RecordBackupFailure(context.WithoutCancel(ctx), now, msg); err != nil {
		s.cfg.Log.Error("backup: record the failure", "err", err)
	}
}

// removeLeftovers deletes the plaintext snapshots beside the database and
// the temporary files in the backup folder that an interrupted backup left.
func (s *Scheduler) removeLeftovers() {
	dir, base := filepath.Split(s.cfg.SnapshotPrefix)
	patterns := []string{
		s.cfg.SnapshotPrefix + "*",
		filepath.Join(dir, "."+base+"*"), // the snapshot's own temporary file
		filepath.Join(s.cfg.Dir, "."+filePrefix+"*"),
	}
	for _, p := range patterns {
		matches, _ := filepath.Glob(p)
		for _, m := range matches {
			if err := os.Remove(m); err != nil {
				s.cfg.Log.Warn("backup: remove a leftover", "file", m, "err", err)
				continue
			}
			s.cfg.Log.Info("backup: removed what an interrupted backup left", "file", m)
		}
	}
}

// rotate removes the complete backups Keep does not keep.
func (s *Scheduler) rotate() {
	files, err := List(s.cfg.Dir)
	if err != nil {
		s.cfg.Log.Error("backup: rotate", "err", err)
		return
	}
	for _, f := range Prune(files, s.cfg.Keep) {
		path := filepath.Join(s.cfg.Dir, f.Name)
		if err := os.Remove(path); err != nil {
			s.cfg.Log.Error("backup: rotate", "file", path, "err", err)
			continue
		}
		s.cfg.Log.Info("backup rotated out", "file", path, "keep", s.cfg.Keep.String())
	}
}

// WriteMetrics writes the status as Prometheus gauges.
func (s *Scheduler) WriteMetrics(w io.Writer) {
	st := s.Status()
	unix := func(t time.Time) float64 {
		if t.IsZero() {
			return 0
		}
		return float64(t.UnixNano()) / 1e9
	}
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	fmt.Fprintf(w, "leadup_backup_last_success_timestamp_seconds %g\n", unix(st.LastSuccess))
	fmt.Fprintf(w, "leadup_backup_last_success_size_bytes %d\n", st.LastBytes)
	fmt.Fprintf(w, "leadup_backup_last_success_duration_seconds %g\n", st.LastTook.Seconds())
	fmt.Fprintf(w, "leadup_backup_last_failure_timestamp_seconds %g\n", unix(st.LastFailure))
	fmt.Fprintf(w, "leadup_backup_failures_total %d\n", st.Failures)
	fmt.Fprintf(w, "leadup_backup_interval_seconds %g\n", s.cfg.Every.Seconds())
	fmt.Fprintf(w, "leadup_backup_lease_held %d\n", b(st.LeaseHeld))
	fmt.Fprintf(w, "leadup_backup_running %d\n", b(st.Running))
	fmt.Fprintf(w, "leadup_backup_encrypted %d\n", b(len(s.cfg.Recipients) > 0))
}

// filePrefix begins every scheduled backup's name.
const filePrefix = "leadup-"

// stampLayout is the time in a backup's name, in UTC.
const stampLayout = "20060102T150405Z"

// FileName is the name of the scheduled backup taken at t: leadup-TIME.db,
// and .age after it when encrypted.
func FileName(t time.Time, encrypted bool) string {
	name := filePrefix + t.UTC().Format(stampLayout) + ".db"
	if encrypted {
		name += ".age"
	}
	return name
}

// List returns the complete scheduled backups in dir with the times their
// names carry. Temporary files (dot files) and other names are not backups.
func List(dir string) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		stamp, ok := strings.CutPrefix(e.Name(), filePrefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		stamp, ok = strings.CutSuffix(strings.TrimSuffix(stamp, ".age"), ".db")
		if !ok {
			continue
		}
		t, err := time.Parse(stampLayout, stamp)
		if err != nil {
			continue
		}
		files = append(files, File{Name: e.Name(), Time: t})
	}
	return files, nil
}

package backup

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"filippo.io/age"
)

const sqliteHeader = "SQLite format 3\x00"

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// fakeStore stands in for the database: its snapshot is a file that
// begins as SQLite files do; its lease and records live in memory.
type fakeStore struct {
	mu        sync.Mutex
	content   string
	snapErr   error
	snapshots []string // paths snapshots were written to
	holder    string
	until     time.Time
	successes []string
	failures  []string
	afterSnap func(path string) // runs after each snapshot is written
}

func (f *fakeStore) Snapshot(ctx context.Context, path string) error {
	f.mu.Lock()
	f.snapshots = append(f.snapshots, path)
	err, after := f.snapErr, f.afterSnap
	f.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(sqliteHeader+f.content), 0o600); err != nil {
		return err
	}
	if after != nil {
		after(path)
	}
	return nil
}

func (f *fakeStore) TakeBackupLease(ctx context.Context, holder string, now time.Time, ttl time.Duration) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.holder != "" && f.holder != holder && f.until.After(now) {
		return false, nil
	}
	f.holder, f.until = holder, now.Add(ttl)
	return true, nil
}

func (f *fakeStore) ReleaseBackupLease(ctx context.Context, holder string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.holder == holder {
		f.holder = ""
	}
	return nil
}

func (f *fakeStore) RecordBackupSuccess(ctx context.Context, at time.Time, file string, size int64, took time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.successes = append(f.successes, file)
	return nil
}

func (f *fakeStore) RecordBackupFailure(ctx context.Context, at time.Time, msg string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures = append(f.failures, msg)
	return nil
}

// testScheduler makes a scheduler over store whose clock starts at start
// and moves by a day at each call of advance.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func newTestScheduler(t *testing.T, store Store, recipients []age.Recipient, command []string) (*Scheduler, *testClock, string, string, *bytes.Buffer) {
	t.Helper()
	dataDir, backupDir := t.TempDir(), t.TempDir()
	clock := &testClock{now: time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)}
	var logs bytes.Buffer
	s := New(store, Config{
		Dir: backupDir, Every: time.Hour, Keep: Keep{Daily: 2}, Recipients: recipients, Command: command,
		SnapshotPrefix: filepath.Join(dataDir, "leadup.db.backup-snapshot-"),
		Holder:         "test", Log: slog.New(slog.NewTextHandler(&logs, nil)), Now: clock.Now,
	}, Status{})
	return s, clock, dataDir, backupDir, &logs
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// TestRunOnceEncryptsAndLeavesNoPlaintext: the backup is an age file only
// the identity opens, holding the snapshot; the plaintext snapshot was
// written beside the database, never in the backup folder, and is gone.
func TestRunOnceEncryptsAndLeavesNoPlaintext(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	store := &fakeStore{content: "the journal"}
	s, _, dataDir, backupDir, logs := newTestScheduler(t, store, []age.Recipient{id.Recipient()}, nil)
	var seenInBackupDir []string
	store.afterSnap = func(string) { seenInBackupDir = names(t, backupDir) }
	path := s.RunOnce(t.Context())
	if path == "" {
		t.Fatalf("no backup written\n%s", logs)
	}
	if filepath.Dir(store.snapshots[0]) != dataDir {
		t.Errorf("the snapshot was written to %s, want beside the database in %s", store.snapshots[0], dataDir)
	}
	if len(seenInBackupDir) != 0 {
		t.Errorf("while the plaintext existed the backup folder held %q", seenInBackupDir)
	}
	if got := names(t, dataDir); len(got) != 0 {
		t.Errorf("left beside the database: %q", got)
	}
	if got := names(t, backupDir); !slices.Equal(got, []string{filepath.Base(path)}) || !strings.HasSuffix(path, ".db.age") {
		t.Errorf("backup folder holds %q, want only %s (.db.age)", got, path)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("the journal")) || bytes.HasPrefix(raw, []byte(sqliteHeader)) {
		t.Error("the backup holds the plaintext")
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %o, want 600", info.Mode().Perm())
	}
	r, err := age.Decrypt(bytes.NewReader(raw), id)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(r)
	if string(plain) != sqliteHeader+"the journal" {
		t.Errorf("decrypted %q", plain)
	}
	other, _ := age.GenerateX25519Identity()
	if _, err := age.Decrypt(bytes.NewReader(raw), other); err == nil {
		t.Error("another identity decrypted the backup")
	}
	if st := s.Status(); st.LastFile != path || st.LastBytes != info.Size() || len(store.successes) != 1 {
		t.Errorf("status %+v, recorded %q", st, store.successes)
	}
}

// TestFailedBackupNeverReplacesNorCounts: a failing snapshot leaves no
// file, is recorded as a failure, and rotation after it still keeps the
// good backups it would have kept.
func TestFailedBackupNeverReplacesNorCounts(t *testing.T) {
	store := &fakeStore{content: "x"}
	s, clock, dataDir, backupDir, logs := newTestScheduler(t, store, nil, nil)
	first := s.RunOnce(t.Context())
	clock.advance(24 * time.Hour)
	second := s.RunOnce(t.Context())
	if first == "" || second == "" {
		t.Fatalf("backups failed\n%s", logs)
	}
	// Two days of failures, in the middle of encryption's input.
	store.snapErr = errors.New("disk full")
	for range 2 {
		clock.advance(24 * time.Hour)
		if got := s.RunOnce(t.Context()); got != "" {
			t.Fatalf("a failed backup returned %s", got)
		}
	}
	if got := names(t, backupDir); !slices.Equal(got, []string{filepath.Base(first), filepath.Base(second)}) {
		t.Errorf("after two failures the folder holds %q, want both good backups", got)
	}
	if got := names(t, dataDir); len(got) != 0 {
		t.Errorf("a failed backup left %q beside the database", got)
	}
	st := s.Status()
	if st.Failures != 2 || st.LastFile != second || !strings.Contains(st.LastFailureMsg, "disk full") || len(store.failures) != 2 {
		t.Errorf("status %+v, recorded failures %q", st, store.failures)
	}
	if !strings.Contains(logs.String(), "backup failed") {
		t.Errorf("no failure logged:\n%s", logs)
	}
	// The next good one rotates: Keep{Daily: 2} keeps it and the second.
	store.snapErr = nil
	clock.advance(24 * time.Hour)
	third := s.RunOnce(t.Context())
	if got := names(t, backupDir); !slices.Equal(got, []string{filepath.Base(second), filepath.Base(third)}) {
		t.Errorf("after rotation the folder holds %q, want the second and third", got)
	}
}

// TestLeftoversRemovedAndLeaseRespected: files an interrupted backup left
// are removed before the next; a server without the lease writes nothing.
func TestLeftoversRemovedAndLeaseRespected(t *testing.T) {
	store := &fakeStore{content: "x", holder: "another server", until: time.Date(2026, 12, 1, 3, 2, 0, 0, time.UTC)}
	s, clock, dataDir, backupDir, _ := newTestScheduler(t, store, nil, nil)
	leftovers := []string{
		filepath.Join(dataDir, "leadup.db.backup-snapshot-20261130T030000Z"),
		filepath.Join(dataDir, ".leadup.db.backup-snapshot-20261130T030000Z.123.tmp"),
		filepath.Join(backupDir, ".leadup-20261130T030000Z.db.age.tmp-abc"),
	}
	for _, p := range leftovers {
		writeFile(t, p, "partial")
	}
	writeFile(t, filepath.Join(dataDir, "leadup.db"), "the database")
	if got := s.RunOnce(t.Context()); got != "" || len(store.snapshots) != 0 {
		t.Fatalf("backed up to %q (%d snapshots) while another server held the lease", got, len(store.snapshots))
	}
	if s.Status().LeaseHeld {
		t.Error("status says the lease is held")
	}
	clock.advance(3 * time.Minute) // the other server's lease has run out
	path := s.RunOnce(t.Context())
	if path == "" {
		t.Fatal("no backup after the lease ran out")
	}
	for _, p := range leftovers {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("leftover %s is still there", p)
		}
	}
	if got := names(t, dataDir); !slices.Equal(got, []string{"leadup.db"}) {
		t.Errorf("beside the database: %q, want only leadup.db", got)
	}
	if got := names(t, backupDir); !slices.Equal(got, []string{filepath.Base(path)}) {
		t.Errorf("backup folder: %q", got)
	}
}

// TestCommandGetsThePathAndItsFailureShows: the command runs without a
// shell with the backup's path last; a failing command is logged with its
// exit status and output and recorded, and the backup stays.
func TestCommandGetsThePathAndItsFailureShows(t *testing.T) {
	out := filepath.Join(t.TempDir(), "args")
	store := &fakeStore{content: "x"}
	// sh only as the program under test: leadup runs it as an argument
	// list, and the words reach it as written, $1 included.
	s, _, _, _, logs := newTestScheduler(t, store, nil, []string{"sh", "-c", `printf '%s' "$1" > ` + out + `; echo shipped`, "sh"})
	path := s.RunOnce(t.Context())
	got, err := os.ReadFile(out)
	if err != nil || string(got) != path {
		t.Errorf("the command got %q (%v), want the backup's path %s", got, err, path)
	}
	if !strings.Contains(logs.String(), "backup command done") || !strings.Contains(logs.String(), "exit_status=0") || !strings.Contains(logs.String(), "output=shipped") {
		t.Errorf("log:\n%s", logs)
	}

	s, _, _, backupDir, logs := newTestScheduler(t, store, nil, []string{"sh", "-c", "echo no route to remote >&2; exit 3"})
	path = s.RunOnce(t.Context())
	if path == "" {
		t.Fatal("no backup")
	}
	if !strings.Contains(logs.String(), "backup command failed") || !strings.Contains(logs.String(), "exit_status=3") || !strings.Contains(logs.String(), "no route to remote") {
		t.Errorf("log:\n%s", logs)
	}
	if st := s.Status(); st.Failures != 1 || !strings.Contains(st.LastFailureMsg, "exit status 3") {
		t.Errorf("status %+v", st)
	}
	if got := names(t, backupDir); !slices.Equal(got, []string{filepath.Base(path)}) {
		t.Errorf("backup folder after a failed command: %q", got)
	}
}

func TestCommandArgs(t *testing.T) {
	if got := CommandArgs([]string{"copy", "{}", "offsite:leadup"}, "/b/x.age"); !slices.Equal(got, []string{"copy", "/b/x.age", "offsite:leadup"}) {
		t.Errorf("with {}: %q", got)
	}
	if got := CommandArgs([]string{"backup", "--quiet"}, "/b/x.age"); !slices.Equal(got, []string{"backup", "--quiet", "/b/x.age"}) {
		t.Errorf("without {}: %q", got)
	}
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"", nil, false},
		{"rclone copy --quiet", []string{"rclone", "copy", "--quiet"}, false},
		{`["/usr/bin/rclone", "copy", "remote:my bucket"]`, []string{"/usr/bin/rclone", "copy", "remote:my bucket"}, false},
		{`["rclone", `, nil, true},
		{`[]`, nil, true},
	}
	for _, tt := range tests {
		got, err := ParseCommand(tt.in)
		if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
			t.Errorf("ParseCommand(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

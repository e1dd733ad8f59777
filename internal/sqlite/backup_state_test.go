package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// TestBackupLease: two servers on one file never both hold the lease; the
// holder renews it; it passes to the other when it runs out or is given up.
func TestBackupLease(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	now := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	const ttl = 3 * time.Minute
	steps := []struct {
		name   string
		holder string
		at     time.Duration
		want   bool
	}{
		{"a takes the free lease", "a", 0, true},
		{"b cannot while a holds it", "b", time.Minute, false},
		{"a renews", "a", 2 * time.Minute, true},
		{"b still cannot: a renewed", "b", 4 * time.Minute, false},
		{"b takes it once a's ran out", "b", 5*time.Minute + time.Second, true},
		{"a cannot now", "a", 6 * time.Minute, false},
	}
	for _, s := range steps {
		got, err := db.TakeBackupLease(ctx, s.holder, now.Add(s.at), ttl)
		if err != nil || got != s.want {
			t.Fatalf("%s: got %v, %v; want %v", s.name, got, err, s.want)
		}
	}
	if err := db.ReleaseBackupLease(ctx, "a"); err != nil { // not a's to give up
		t.Fatal(err)
	}
	if got, _ := db.TakeBackupLease(ctx, "a", now.Add(6*time.Minute), ttl); got {
		t.Error("a took the lease after releasing one it did not hold")
	}
	if err := db.ReleaseBackupLease(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.TakeBackupLease(ctx, "a", now.Add(6*time.Minute), ttl); !got {
		t.Error("a could not take the lease b gave up")
	}
}

// TestBackupStateRoundTrip: what the scheduler records, backup-status reads
// from the file while the server holds it.
func TestBackupStateRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leadup.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
	if err := db.RecordBackupSuccess(ctx, at, "/backups/leadup-20261201T030000Z.db.age", 1234, 1500*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordBackupFailure(ctx, at.Add(time.Hour), "backup failed: disk full"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TakeBackupLease(ctx, "host pid 1", at, time.Minute); err != nil {
		t.Fatal(err)
	}
	got, err := ReadBackupState(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	want := BackupState{LeaseHolder: "host pid 1", LeaseUntil: at.Add(time.Minute), LastSuccess: at, LastFile: "/backups/leadup-20261201T030000Z.db.age",
		LastBytes: 1234, LastTook: 1500 * time.Millisecond, LastFailure: at.Add(time.Hour), LastFailureMsg: "backup failed: disk full"}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestRestoreFreesTheLease: a backup carries the lease of the server it
// was taken from; the restored database must not wait for it to run out.
func TestRestoreFreesTheLease(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "served.db")
	db, err := Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := db.TakeBackupLease(ctx, "old server", time.Now(), time.Hour); !ok || err != nil {
		t.Fatal(ok, err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := db.Snapshot(ctx, backup); err != nil {
		t.Fatal(err)
	}
	db.Close()
	target := filepath.Join(dir, "restored.db")
	if _, err := Restore(ctx, target, backup); err != nil {
		t.Fatal(err)
	}
	restored, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if ok, err := restored.TakeBackupLease(ctx, "new server", time.Now(), time.Minute); !ok || err != nil {
		t.Errorf("the restored database's lease: %v, %v; want free", ok, err)
	}
}

// TestVerifyBackup counts what a backup holds and finds broken references.
func TestVerifyBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := newFixture(t)
	db := f.db
	for _, summary := range []string{"first", "second"} {
		f.entry(t, journal.EntryInput{BossID: f.annBoss.ID, OccurredOn: "2026-11-20", Kind: "meeting", Summary: summary, Practices: []string{"results"}})
	}
	copy1 := filepath.Join(dir, "copy.db")
	if err := db.Snapshot(ctx, copy1); err != nil {
		t.Fatal(err)
	}
	r, err := VerifyBackup(ctx, copy1)
	if err != nil {
		t.Fatal(err)
	}
	var users, entries int64
	db.Reader().QueryRow("SELECT count(*) FROM users").Scan(&users)
	db.Reader().QueryRow("SELECT count(*) FROM entries").Scan(&entries)
	if r.Users != users || r.Entries != entries || r.Users == 0 || r.SchemaVersion != r.KnownVersion {
		t.Errorf("report %+v, want %d users, %d entries, the known schema", r, users, entries)
	}
	// An entry whose boss is gone: foreign_key_check finds it.
	if _, err := db.Writer().Exec("PRAGMA foreign_keys = OFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Writer().Exec("UPDATE entries SET boss_id = 999999 WHERE id = (SELECT min(id) FROM entries)"); err != nil {
		t.Fatal(err)
	}
	db.Writer().Exec("PRAGMA foreign_keys = ON")
	copy2 := filepath.Join(dir, "broken.db")
	if err := db.Snapshot(ctx, copy2); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyBackup(ctx, copy2); err == nil || !strings.Contains(err.Error(), "foreign key check") {
		t.Errorf("a broken reference: got %v, want a foreign key check failure", err)
	}
}

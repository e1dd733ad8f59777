package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"filippo.io/age"
)

// TestBackupCommandEncryptsToRecipients: with recipients configured,
// `leadup backup FILE` writes an age file that no one opens without the
// identity; `restore -age-identity` and `verify-backup -age-identity` open
// it; nothing plain is left beside the database or the backup.
func TestBackupCommandEncryptsToRecipients(t *testing.T) {
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	os.Mkdir(data, 0o700)
	os.Mkdir(out, 0o700)
	db := filepath.Join(data, "leadup.db")
	leadup(t, env("LEADUP_DB", db), "migrate", "up")
	if err := run(t.Context(), []string{"user", "add", "-db", db, "ann@example.com"}, env(), strings.NewReader("correct horse battery\n"), &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	id, _ := age.GenerateX25519Identity()
	other, _ := age.GenerateX25519Identity()
	key := filepath.Join(dir, "key.txt")
	os.WriteFile(key, []byte(id.String()+"\n"), 0o600)
	recipients := filepath.Join(dir, "recipients.txt")
	os.WriteFile(recipients, []byte("# owner\n"+id.Recipient().String()+"\n"), 0o644)

	file := filepath.Join(out, "leadup.db.age")
	// Flags before the command, as for every other command.
	printed := leadup(t, env("LEADUP_DB", db), "-backup-age-recipients-file", recipients, "backup", file)
	if !strings.Contains(printed, "encrypted to 1 age recipient") {
		t.Errorf("backup printed %q", printed)
	}
	assertNotSQLite(t, file)
	if got := files(t, data); len(got) != 1 {
		t.Errorf("beside the database after the backup: %q, want leadup.db only", got)
	}
	if got := files(t, out); len(got) != 1 {
		t.Errorf("beside the backup: %q, want the backup only", got)
	}
	// LEADUP_BACKUP_AGE_RECIPIENTS works as well as the file.
	file2 := filepath.Join(out, "second.db.age")
	leadup(t, env("LEADUP_DB", db, "LEADUP_BACKUP_AGE_RECIPIENTS", other.Recipient().String()+","+id.Recipient().String()), "backup", file2)
	assertNotSQLite(t, file2)

	var buf bytes.Buffer
	target := filepath.Join(dir, "restored", "leadup.db")
	os.Mkdir(filepath.Dir(target), 0o700)
	if err := run(t.Context(), []string{"restore", file}, env("LEADUP_DB", target), nil, &buf, &buf); err == nil || !strings.Contains(err.Error(), "-age-identity") {
		t.Errorf("restore of an encrypted backup without an identity: %v", err)
	}
	wrong := filepath.Join(dir, "wrong.txt")
	os.WriteFile(wrong, []byte(other.String()+"\n"), 0o600)
	if err := run(t.Context(), []string{"restore", "-age-identity", wrong, file}, env("LEADUP_DB", target), nil, &buf, &buf); err == nil {
		t.Error("restore with a key the backup was not encrypted to succeeded")
	}
	if got := files(t, filepath.Dir(target)); len(got) != 0 {
		t.Errorf("failed restores left %q", got)
	}
	leadup(t, env("LEADUP_DB", target), "restore", "-age-identity", key, file)
	if got := files(t, filepath.Dir(target)); len(got) != 1 {
		t.Errorf("after the restore: %q, want leadup.db only (no decrypted copy)", got)
	}
	if n := countRows(t, target, "users"); n != 1 {
		t.Errorf("restored %d users, want 1", n)
	}
	report := leadup(t, env("LEADUP_DB", target), "verify-backup", "-age-identity", key, file2)
	if !strings.Contains(report, "1 users, 0 entries") {
		t.Errorf("verify-backup printed %q", report)
	}
	// A plain backup verifies without an identity.
	plain := filepath.Join(out, "plain.db")
	leadup(t, env("LEADUP_DB", db), "backup", plain)
	if report := leadup(t, env("LEADUP_DB", db), "verify-backup", plain); !strings.Contains(report, "integrity_check ok") {
		t.Errorf("verify-backup of a plain backup printed %q", report)
	}
	// A damaged encrypted backup fails verification.
	raw, _ := os.ReadFile(file)
	raw[len(raw)-100] ^= 0xff
	damaged := filepath.Join(out, "damaged.db.age")
	os.WriteFile(damaged, raw, 0o600)
	if err := run(t.Context(), []string{"verify-backup", "-age-identity", key, damaged}, env("LEADUP_DB", db), nil, &buf, &buf); err == nil {
		t.Error("verify-backup passed a damaged backup")
	}
}

func TestBackupMisconfiguration(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "leadup.db")
	id, _ := age.GenerateX25519Identity()
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"interval too short", []string{"LEADUP_BACKUP_EVERY", "30s"}, "LEADUP_BACKUP_EVERY"},
		{"interval not a duration", []string{"LEADUP_BACKUP_EVERY", "daily"}, "LEADUP_BACKUP_EVERY"},
		{"keep", []string{"LEADUP_BACKUP_KEEP", "7 days"}, "LEADUP_BACKUP_KEEP"},
		{"recipient", []string{"LEADUP_BACKUP_AGE_RECIPIENTS", "age1notakey"}, "LEADUP_BACKUP_AGE_RECIPIENTS"},
		{"private key as recipient", []string{"LEADUP_BACKUP_AGE_RECIPIENTS", id.String()}, "private key"},
		{"recipients file", []string{"LEADUP_BACKUP_AGE_RECIPIENTS_FILE", filepath.Join(dir, "missing")}, "LEADUP_BACKUP_AGE_RECIPIENTS_FILE"},
		{"backups beside the database", []string{"LEADUP_BACKUP_DIR", filepath.Join(dir, "data")}, "folder (or volume) of their own"},
		{"command without a folder", []string{"LEADUP_BACKUP_COMMAND", "rclone copy"}, "needs LEADUP_BACKUP_DIR"},
		{"missing folder", []string{"LEADUP_BACKUP_DIR", filepath.Join(dir, "nowhere"), "LEADUP_ADDR", "127.0.0.1:0"}, "LEADUP_BACKUP_DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.MkdirAll(filepath.Dir(db), 0o700)
			err := run(t.Context(), []string{"serve"}, env(append([]string{"LEADUP_DB", db}, tt.env...)...), nil, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error mentioning %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), id.String()) {
				t.Errorf("the error shows the private key: %v", err)
			}
		})
	}
}

// TestKilledBackupCommandLeavesNoPlaintext: `leadup backup FILE` with
// recipients keeps its plaintext snapshot in a locked folder beside the
// database. A command killed with SIGKILL leaves that folder unlocked; the
// next backup command and the next server start remove it, and leave
// alone the folder of a command still running.
func TestKilledBackupCommandLeavesNoPlaintext(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "leadup.db")
	leadup(t, env("LEADUP_DB", db), "migrate", "up")
	id, _ := age.GenerateX25519Identity()
	getenv := env("LEADUP_DB", db, "LEADUP_BACKUP_AGE_RECIPIENTS", id.Recipient().String())

	killed := func(name string) string {
		t.Helper()
		folder := filepath.Join(dir, "leadup.db.backup-command-"+name)
		if err := os.Mkdir(folder, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, "snapshot.db"), []byte("SQLite format 3\x00 a deleted entry"), 0o600); err != nil {
			t.Fatal(err)
		}
		return folder
	}
	running := killed("running")
	f, err := os.Open(running)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}

	dead := killed("dead")
	leadup(t, getenv, "backup", filepath.Join(dir, "one.db.age"))
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the backup command left a killed command's plaintext snapshot: %v", err)
	}
	if _, err := os.Stat(running); err != nil {
		t.Errorf("the backup command removed a running command's folder: %v", err)
	}

	dead = killed("dead-again")
	addr := freeAddr(t)
	stop := startServe(t, env("LEADUP_DB", db, "LEADUP_ADDR", addr), addr)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("serve left a killed command's plaintext snapshot: %v", err)
	}
	if _, err := os.Stat(running); err != nil {
		t.Errorf("serve removed a running command's folder: %v", err)
	}
}

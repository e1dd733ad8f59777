package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/leadup/leadup/internal/sqlite"
	"github.com/leadup/leadup/migrations"
)

// markNewer makes the database at path claim a schema version no leadup
// has, as a database written by a future release would.
func markNewer(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", sqlite.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("INSERT INTO goose_db_version (version_id, is_applied) VALUES (99999, 1)"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func newestMigration(t *testing.T) string {
	names, _ := fs.Glob(migrations.FS, "*.sql")
	var v int64
	for _, n := range names {
		x, err := goose.NumericComponent(n)
		if err != nil {
			t.Fatal(err)
		}
		v = max(v, x)
	}
	return strconv.FormatInt(v, 10)
}

// wantNewerRefusal checks the one-line message names both versions.
func wantNewerRefusal(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("a database from a newer leadup was accepted")
	}
	msg := err.Error()
	if !strings.Contains(msg, "99999") || !strings.Contains(msg, " "+newestMigration(t)+" ") || strings.Contains(msg, "\n") {
		t.Errorf("message %q should be one line naming 99999 and %s", msg, newestMigration(t))
	}
}

func TestRestoreRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	dbPath, file := filepath.Join(dir, "leadup.db"), filepath.Join(dir, "future.db")
	getenv := env("LEADUP_DB", dbPath)
	leadup(t, getenv, "migrate", "up")
	leadup(t, getenv, "backup", file)
	var out bytes.Buffer
	markNewer(t, file)
	before, backupBefore := fileSum(t, dbPath), fileSum(t, file)

	wantNewerRefusal(t, run(t.Context(), []string{"restore", file}, getenv, nil, &out, &out))
	if fileSum(t, dbPath) != before || fileSum(t, file) != backupBefore {
		t.Error("the refused restore changed the database or the backup")
	}
	if kept, _ := filepath.Glob(dbPath + ".*"); len(kept) > 0 {
		t.Errorf("the refused restore left %v", kept)
	}
}

func TestServeRefusesNewerSchema(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "leadup.db")
	getenv := env("LEADUP_DB", dbPath, "LEADUP_ADDR", "127.0.0.1:0")
	leadup(t, getenv, "migrate", "up")
	var out bytes.Buffer
	markNewer(t, dbPath)
	before := fileSum(t, dbPath)
	// Without the check serve would start; the timeout makes that a
	// failure rather than a hang.
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	wantNewerRefusal(t, run(ctx, []string{"serve"}, getenv, nil, &out, &out))
	if fileSum(t, dbPath) != before {
		t.Error("the refused serve changed the database")
	}
}

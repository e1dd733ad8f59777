package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"github.com/leadup/leadup/internal/sqlite"
	"github.com/leadup/leadup/migrations"
)

// TestHelpListsEveryFlag: each flag of the README's configuration table,
// and each flag leadup registers, is in `leadup help` with its variable.
func TestHelpListsEveryFlag(t *testing.T) {
	var usage bytes.Buffer
	if err := run(t.Context(), []string{"help"}, env(), nil, &usage, io.Discard); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `(LEADUP_[A-Z_]+)` \\| `(-[a-z-]+)` \\|")
	rows := row.FindAllStringSubmatch(string(readme), -1)
	if len(rows) == 0 {
		t.Fatal("found no flag in the README's configuration table")
	}
	for _, m := range rows {
		if !regexp.MustCompile(`(?m)^\s+` + m[2] + `\s+` + m[1] + `\s`).MatchString(usage.String()) {
			t.Errorf("the README lists %s (%s); 'leadup help' does not", m[2], m[1])
		}
	}
	leadupFlags(t).VisitAll(func(f *flag.Flag) {
		if !strings.Contains(usage.String(), "-"+f.Name+" ") {
			t.Errorf("leadup takes -%s; 'leadup help' does not say so", f.Name)
		}
	})
}

// files lists what is in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestLookingCreatesNothing: migrate status and restore leave no file they
// were not asked for: no empty database, no 0-byte "before-restore" copy,
// no -wal or -shm beside a database they only read.
func TestLookingCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "leadup.db")
	if out := leadup(t, env("LEADUP_DB", db), "migrate", "status"); !strings.Contains(out, "pending  00001_init.sql") {
		t.Errorf("status of a missing database:\n%s\nwant every migration pending", out)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("migrate status of a missing database left %q", got)
	}

	// A database in WAL mode, closed cleanly: nothing beside it.
	backups := t.TempDir()
	src := filepath.Join(backups, "served.db")
	leadup(t, env("LEADUP_DB", src), "migrate", "up")
	if out := leadup(t, env("LEADUP_DB", src), "migrate", "status"); strings.Contains(out, "pending") {
		t.Errorf("status after up:\n%s", out)
	}
	if got := files(t, backups); !slices.Equal(got, []string{"served.db"}) {
		t.Errorf("migrate status left %q, want only served.db", got)
	}

	// Restoring where no database was: the restored file and nothing else,
	// and nothing beside the backup it read.
	out := leadup(t, env("LEADUP_DB", db), "restore", src)
	if !strings.Contains(out, "restored") {
		t.Errorf("restore printed %q", out)
	}
	if got := files(t, dir); !slices.Equal(got, []string{"leadup.db"}) {
		t.Errorf("restore into an empty folder left %q, want only leadup.db", got)
	}
	if got := files(t, backups); !slices.Equal(got, []string{"served.db"}) {
		t.Errorf("restore left %q beside its backup, want only served.db", got)
	}

	// A failed restore where no database was leaves the folder empty.
	empty := t.TempDir()
	junk := filepath.Join(backups, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	if err := run(t.Context(), []string{"restore", "-db", filepath.Join(empty, "leadup.db"), junk}, env(), nil, io.Discard, io.Discard); err == nil {
		t.Error("restore from junk succeeded")
	}
	if got := files(t, empty); len(got) != 0 {
		t.Errorf("a failed restore left %q", got)
	}
}

// migrateTo makes a database at schema version v with this leadup's own
// migrations, as a build of that version left it.
func migrateTo(t *testing.T, path string, v int64) {
	t.Helper()
	conn, err := sql.Open("sqlite", sqlite.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	p, err := goose.NewProvider(goose.DialectSQLite3, conn, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(context.Background(), v); err != nil {
		t.Fatal(err)
	}
}

// latestVersion is the newest migration this leadup has.
func latestVersion(t *testing.T) int64 {
	t.Helper()
	names, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var v int64
	for _, name := range names {
		n, err := goose.NumericComponent(name)
		if err != nil {
			t.Fatal(err)
		}
		v = max(v, n)
	}
	return v
}

// TestStartLogsMigration: a start that migrates says from which schema
// version to which, in one line; a start that does not, says nothing.
func TestStartLogsMigration(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	migrateTo(t, db, 5)
	addr := freeAddr(t)
	for round, want := range []string{fmt.Sprintf("from_version=5 to_version=%d", latestVersion(t)), ""} {
		var logs syncBuffer
		stop := startServeLogging(t, env("LEADUP_ADDR", addr, "LEADUP_DB", db), addr, &logs)
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(logs.String(), "\n") {
			if strings.Contains(l, "migrated") {
				lines = append(lines, l)
			}
		}
		switch {
		case want == "" && len(lines) != 0:
			t.Errorf("start %d, with nothing to migrate, logged %q", round, lines)
		case want != "" && (len(lines) != 1 || !strings.Contains(lines[0], want)):
			t.Errorf("start %d logged %q, want one line with %s", round, lines, want)
		}
	}
}

package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// newTestDB opens a migrated database in a fresh temporary folder.
func newTestDB(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestPragmasOnEveryConnection(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	want := map[string]string{
		"busy_timeout":  "10000",
		"journal_mode":  "wal",
		"synchronous":   "2", // FULL
		"foreign_keys":  "1",
		"temp_store":    "2", // MEMORY
		"cache_size":    "-16000",
		"secure_delete": "1",
	}
	check := func(pool string, conn *sql.Conn) {
		for pragma, w := range want {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != w {
				t.Errorf("%s pool: PRAGMA %s = %q, want %q", pool, pragma, got, w)
			}
		}
	}
	// Hold several read connections at once so each is a distinct one.
	var conns []*sql.Conn
	for range 4 {
		c, err := db.Reader().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		check("read", c)
		var qo string
		if err := c.QueryRowContext(ctx, "PRAGMA query_only").Scan(&qo); err != nil || qo != "1" {
			t.Errorf("read pool: query_only = %q, %v; want 1", qo, err)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	w, err := db.Writer().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	check("write", w)
	if got := db.Writer().Stats().MaxOpenConnections; got != 1 {
		t.Errorf("writer MaxOpenConnections = %d, want 1", got)
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	ctx := context.Background()
	db, err := OpenNoMigrate(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	good := fstest.MapFS{
		"00001_a.sql": {Data: []byte("-- +goose Up\nCREATE TABLE a (x INTEGER);\nINSERT INTO a VALUES (42);\n-- +goose Down\nDROP TABLE a;\n")},
	}
	if _, err := Migrate(ctx, db.Writer(), good); err != nil {
		t.Fatal(err)
	}
	broken := fstest.MapFS{
		"00001_a.sql": good["00001_a.sql"],
		"00002_b.sql": {Data: []byte("-- +goose Up\nCREATE TABLE b (y INTEGER);\nUPDATE a SET x = 0;\nTHIS IS NOT SQL;\n-- +goose Down\nDROP TABLE b;\n")},
		"00003_c.sql": {Data: []byte("-- +goose Up\nCREATE TABLE c (z INTEGER);\n-- +goose Down\nDROP TABLE c;\n")},
	}
	if _, err := Migrate(ctx, db.Writer(), broken); err == nil {
		t.Fatal("got no error from a broken migration")
	}
	var version int
	if err := db.Writer().QueryRowContext(ctx, "SELECT max(version_id) FROM goose_db_version WHERE is_applied").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != 1 {
		t.Errorf("version = %d, want 1", version)
	}
	var x int
	if err := db.Writer().QueryRowContext(ctx, "SELECT x FROM a").Scan(&x); err != nil || x != 42 {
		t.Errorf("a.x = %d, %v; want 42", x, err)
	}
	for _, table := range []string{"b", "c"} {
		var n int
		db.Writer().QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = ?", table).Scan(&n)
		if n != 0 {
			t.Errorf("table %s exists after the failed migration", table)
		}
	}
}

func TestDSNEscapesPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd ?#% name.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The file exists under its own odd name, not one cut at ? or #.
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not at %q: %v", path, err)
	}
	var file string
	if err := db.Writer().QueryRow("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&file); err != nil {
		t.Fatal(err)
	}
	if file != path {
		t.Errorf("database file = %q, want %q", file, path)
	}
}

func TestSecretIsMadeOnceAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leadup.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	first := append([]byte(nil), db.Secret()...)
	db.Close()
	if len(first) != 32 {
		t.Fatalf("secret is %d bytes, want 32", len(first))
	}
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if !bytes.Equal(db.Secret(), first) {
		t.Errorf("secret changed on reopen: got %x, want %x", db.Secret(), first)
	}
}

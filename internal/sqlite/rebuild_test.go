package sqlite

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pressly/goose/v3"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/migrations"
)

// makeOldFile makes a database at schema version 7 (the first search
// index, which 00008 replaces) with one account and n entries, every tenth
// with a follow-up; entry i's summary carries the word "topic<i>".
func makeOldFile(t *testing.T, path string, n int) {
	t.Helper()
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	p, err := goose.NewProvider(goose.DialectSQLite3, db, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		fixtureSeed[0], fixtureSeed[2],
		fmt.Sprintf(`WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < %d)
		 INSERT INTO entries (id, public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
		 SELECT n, 'e-' || n, 1, 1, '2026-11-02', 'one_on_one', 'Weekly sync on topic' || n, 'Budget talk', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z' FROM i`, n),
		`INSERT INTO followups (public_id, user_id, entry_id, text, owner, created_at)
		 SELECT 'f-' || id, 1, id, 'Send spreadsheet' || id, 'me', '2026-11-02T09:00:00Z' FROM entries WHERE id % 10 = 0`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
}

// checkRebuiltIndex checks that the search index holds every one of the
// n entries of makeOldFile once, passes its own and SQLite's integrity
// checks, and that no rebuild is left pending.
func checkRebuiltIndex(t *testing.T, db *DB, n int) {
	t.Helper()
	w := db.Writer()
	var ok string
	if err := w.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q %v", ok, err)
	}
	if _, err := w.Exec("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')"); err != nil {
		t.Errorf("the search index's integrity-check: %v", err)
	}
	var docs, pending int
	w.QueryRow("SELECT count(*) FROM entry_search_docsize").Scan(&docs)
	w.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'pending_rebuilds'").Scan(&pending)
	if docs != n || pending != 0 {
		t.Errorf("got %d documents and pending_rebuilds %d, want %d and 0", docs, pending, n)
	}
	var all int
	w.QueryRow("SELECT count(*) FROM entry_search WHERE entry_search MATCH ?", journal.SearchQuery(1, "", "sync")).Scan(&all)
	if all != n {
		t.Errorf("a word of every entry matches %d documents, want %d", all, n)
	}
	// The rebuild leaves the index merged into one segment, the fewest
	// places an edit's secure-delete looks each word up in: another merge
	// finds nothing to do.
	conn, err := w.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var before, after int64
	conn.QueryRowContext(context.Background(), "SELECT total_changes()").Scan(&before)
	if _, err := conn.ExecContext(context.Background(), "INSERT INTO entry_search (entry_search, rank) VALUES ('merge', -100000)"); err != nil {
		t.Fatal(err)
	}
	conn.QueryRowContext(context.Background(), "SELECT total_changes()").Scan(&after)
	if after-before >= 2 {
		t.Errorf("the rebuilt index was left in segments a merge still joins (%d changes)", after-before)
	}
	// The bulk settings of the fill are gone: the index serves with
	// FTS5's merge settings.
	for k, want := range map[string]int{"automerge": 4, "crisismerge": 16} {
		var v int
		if err := conn.QueryRowContext(context.Background(), "SELECT v FROM entry_search_config WHERE k = ?", k).Scan(&v); err != nil && err != sql.ErrNoRows {
			t.Fatal(err)
		} else if err == nil && v != want {
			t.Errorf("the rebuilt index serves with %s %d, want %d", k, v, want)
		}
	}
	for _, i := range []int{1, n / 3, n / 2, n - 1, n} {
		if got := search(t, db, 1, journal.EntryFilter{Query: "topic" + strconv.Itoa(i)}); len(got) != 1 {
			t.Errorf("search for entry %d's word found %d entries", i, len(got))
		}
	}
	if got := search(t, db, 1, journal.EntryFilter{Query: "spreadsheet" + strconv.Itoa(n/10*10)}); len(got) != 1 {
		t.Errorf("search for a follow-up's word found %d entries", len(got))
	}
}

// TestUpgradeRebuildsSearchInChunks upgrades a schema-7 file and checks
// that the search index was filled in chunks, each logged with its count,
// and is whole.
func TestUpgradeRebuildsSearchInChunks(t *testing.T) {
	defer func(n int64) { rebuildChunk = n }(rebuildChunk)
	rebuildChunk = 100
	path := filepath.Join(t.TempDir(), "leadup.db")
	makeOldFile(t, path, 1000)
	var log bytes.Buffer
	db, err := Open(context.Background(), path, WithProgress(slog.New(slog.NewTextHandler(&log, nil))))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Migrated.From != 7 {
		t.Errorf("migrated from %d, want 7", db.Migrated.From)
	}
	checkRebuiltIndex(t, db, 1000)
	chunks := regexp.MustCompile(`msg=rebuilding what="the search index" done=(\d+) of=1000`).FindAllStringSubmatch(log.String(), -1)
	if len(chunks) != 10 || chunks[9][1] != "1000" {
		t.Errorf("got %d chunk lines (want 10, the last at 1000):\n%s", len(chunks), log.String())
	}
	if !strings.Contains(log.String(), "migration=00008_scoped_search.sql") {
		t.Errorf("no line for the migration that asked for the rebuild:\n%s", log.String())
	}
}

// TestUpgradeResumesAfterKill upgrades a schema-7 file in a child process
// and kills it (SIGKILL: no code of leadup runs) in the middle of the
// search index's rebuild. Opening the file again goes on from the last
// chunk the child committed, and leaves a file that passes SQLite's and
// the index's integrity checks with every entry searchable once.
func TestUpgradeResumesAfterKill(t *testing.T) {
	const n = 3000
	path := filepath.Join(t.TempDir(), "leadup.db")
	makeOldFile(t, path, n)
	cmd := exec.Command(os.Args[0], "-test.run=^TestUpgradeKillChild$")
	cmd.Env = append(os.Environ(), "LEADUP_UPGRADE_CHILD_DB="+path)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var seen []string
	chunks := 0
	for sc := bufio.NewScanner(stderr); chunks < 3 && sc.Scan(); {
		seen = append(seen, sc.Text())
		if strings.Contains(sc.Text(), "msg=rebuilding") && strings.Contains(sc.Text(), " done=") {
			chunks++
		}
	}
	cmd.Process.Kill()
	go io.Copy(io.Discard, stderr)
	cmd.Wait()
	if chunks < 3 {
		t.Fatalf("the child logged %d chunks before it ended:\n%s", chunks, strings.Join(seen, "\n"))
	}

	var log bytes.Buffer
	db, err := Open(context.Background(), path, WithProgress(slog.New(slog.NewTextHandler(&log, nil))))
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer db.Close()
	m := regexp.MustCompile(`resumed_after_id=(\d+)`).FindStringSubmatch(log.String())
	if m == nil || m[1] == "0" || m[1] == strconv.Itoa(n) {
		t.Errorf("the reopened upgrade did not go on from a chunk in the middle:\n%s", log.String())
	}
	checkRebuiltIndex(t, db, n)
}

// TestUpgradeKillChild is TestUpgradeResumesAfterKill's child: it upgrades
// the file in chunks of 100 entries, logging to stderr, and stops for good
// after the third chunk's line, to be killed. Run alone it has no file and
// returns.
func TestUpgradeKillChild(t *testing.T) {
	path := os.Getenv("LEADUP_UPGRADE_CHILD_DB")
	if path == "" {
		return
	}
	rebuildChunk = 100
	log := slog.New(slog.NewTextHandler(&stallAfter{w: os.Stderr, lines: 3}, nil))
	Open(context.Background(), path, WithProgress(log))
	t.Fatal("the upgrade finished before the parent killed it")
}

// stallAfter writes log lines and blocks forever after the given number
// of chunk lines.
type stallAfter struct {
	w     io.Writer
	lines int
}

func (s *stallAfter) Write(b []byte) (int, error) {
	n, err := s.w.Write(b)
	if bytes.Contains(b, []byte(" done=")) {
		if s.lines--; s.lines == 0 {
			select {}
		}
	}
	return n, err
}

// TestMigrationsSortInFilesBesideTheDatabase checks what a migration sees:
// temporary files (temp_store=FILE) in the database's folder, and serving
// back in memory afterwards.
func TestMigrationsSortInFilesBesideTheDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := OpenNoMigrate(filepath.Join(dir, "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fsys := fstest.MapFS{"00001_seen.sql": {Data: []byte("-- +goose Up\n" +
		"CREATE TABLE seen AS SELECT temp_store AS store FROM pragma_temp_store;\n" +
		"-- +goose Down\nDROP TABLE seen;\n")}}
	if _, err := Migrate(ctx, db.Writer(), fsys); err != nil {
		t.Fatal(err)
	}
	var store int
	var during string
	if err := db.Writer().QueryRow("SELECT store FROM seen").Scan(&store); err != nil {
		t.Fatal(err)
	}
	// The folder is SQLite's process-wide setting: it stays.
	if err := db.Writer().QueryRow("PRAGMA temp_store_directory").Scan(&during); err != nil {
		t.Fatal(err)
	}
	if store != 1 || during != dir {
		t.Errorf("during the migration temp_store = %d in %q, want 1 (FILE) in %q", store, during, dir)
	}
	if err := db.Writer().QueryRow("PRAGMA temp_store").Scan(&store); err != nil || store != 2 {
		t.Errorf("after the migrations temp_store = %d (%v), want 2 (MEMORY)", store, err)
	}
}

package server

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/leadup/leadup/internal/sqlite"
)

// TestDeletedTextLeavesTheFile deletes an entry, then a whole account,
// and checks that their words are in neither the database file nor a fresh
// backup: not in free pages, and not in the search index's segments.
func TestDeletedTextLeavesTheFile(t *testing.T) {
	app := newTestApp(t)
	keep := app.signedUp("keep@example.com")
	keep.createdID("/entries", entryForm("new_boss_name", "Dana", "summary", "Kept entry"), "/entries/")

	c := app.signedUp("gone@example.com")
	const entryWord, accountWord = "zorblaxentry", "quintroviaccount"
	id := c.createdID("/entries", entryForm("new_boss_name", "Boss "+accountWord, "summary", "About "+entryWord,
		"notes", "Notes on "+entryWord+" in detail."), "/entries/")
	c.createdID("/entries", entryForm("boss_id", "", "new_boss_name", "Other", "summary", "Plan for "+accountWord,
		"notes", accountWord+" notes"), "/entries/")
	wantStatus(t, c.post("/entries/"+id+"/delete", url.Values{"confirm": {"yes"}}), 303)
	wantNotInFile(t, app, entryWord)

	wantStatus(t, c.post("/settings", url.Values{"action": {"delete"}, "password": {"correct horse battery"}}), 303)
	wantNotInFile(t, app, accountWord)
}

// wantNotInFile checkpoints the WAL into the database file, then looks for
// word in it and in a backup made now.
func wantNotInFile(t *testing.T, app *testApp, word string) {
	t.Helper()
	ctx := context.Background()
	if _, err := app.db.Writer().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	var path string
	if err := app.db.Writer().QueryRow("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&path); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := sqlite.Backup(ctx, path, backup); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal", backup} {
		b, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(word)) {
			t.Errorf("%s still holds the deleted word %q", filepath.Base(f), word)
		}
	}
}

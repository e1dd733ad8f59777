package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// TestExportEncryptedForOneUser: `leadup export` writes one account's JSON
// export encrypted to the given key, and only that account's.
func TestExportEncryptedForOneUser(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "leadup.db")
	db, err := sqlite.Open(t.Context(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"ann@example.com", "bob@example.com"} {
		u, err := db.CreateUser(t.Context(), journal.Signup{Email: who, Password: "correct horse battery", DisplayName: who, TimeZone: "UTC"}, "h")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateEntry(t.Context(), u.ID, journal.EntryInput{NewBossName: "Dana", OccurredOn: "2026-11-20", Kind: "meeting",
			Summary: "secret of " + who, Practices: []string{"results"}}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	id, _ := age.GenerateX25519Identity()
	getenv := env("LEADUP_DB", dbPath)

	out := filepath.Join(dir, "ann.json.age")
	leadup(t, getenv, "export", "-user", "Ann@Example.com", "-age-recipient", id.Recipient().String(), "-o", out)
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("secret of")) || bytes.Contains(raw, []byte("ann@example.com")) {
		t.Error("the export file holds plaintext")
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("export mode %o, want 600", info.Mode().Perm())
	}
	r, err := age.Decrypt(bytes.NewReader(raw), id)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(r)
	var doc struct {
		Format  string
		User    struct{ Email string }
		Entries []struct{ Summary string }
	}
	if err := json.Unmarshal(plain, &doc); err != nil {
		t.Fatalf("decrypted export: %v\n%s", err, plain)
	}
	if doc.User.Email != "ann@example.com" || len(doc.Entries) != 1 || doc.Entries[0].Summary != "secret of ann@example.com" {
		t.Errorf("decrypted export: %s", plain)
	}

	// To standard output, for a pipe.
	var stdout bytes.Buffer
	if err := run(t.Context(), []string{"export", "-user", "bob@example.com", "-age-recipient", id.Recipient().String()}, getenv, nil, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	r, err = age.Decrypt(&stdout, id)
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(r); !bytes.Contains(plain, []byte("secret of bob@example.com")) || bytes.Contains(plain, []byte("secret of ann")) {
		t.Errorf("bob's export: %s", plain)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "-user", "ann@example.com"}, "-age-recipient"},
		{[]string{"export", "-age-recipient", id.Recipient().String()}, "-user"},
		{[]string{"export", "-user", "nobody@example.com", "-age-recipient", id.Recipient().String()}, "nobody@example.com"},
		{[]string{"export", "-user", "ann@example.com", "-age-recipient", "age1nope"}, "age"},
		{[]string{"export", "-user", "ann@example.com", "-age-recipient", id.Recipient().String(), "-o", out}, "already exists"},
	} {
		err := run(t.Context(), tt.args, getenv, nil, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want an error mentioning %q", tt.args, err, tt.want)
		}
	}
}

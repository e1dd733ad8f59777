package main

import (
	"database/sql"
	"net/http"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/sqlite"
)

// `leadup user add` and the sign-up form make an account the same way:
// from the same typed values, the two rows are equal but for what is new
// each time (ids, times, the password's salt), and the password hashes use
// the same algorithm and parameters.
func TestUserAddMakesTheSignupFormsAccount(t *testing.T) {
	const (
		email = "  Ann.Lee@Example.COM "
		name  = "  Ann Lee  "
		zone  = " Europe/Paris "
		pw    = "correct horse battery"
	)
	dir := t.TempDir()
	cliDB, webDB := filepath.Join(dir, "cli.db"), filepath.Join(dir, "web.db")

	var out strings.Builder
	if err := run(t.Context(), []string{"user", "add", "-name", name, "-timezone", zone, email}, env("LEADUP_DB", cliDB),
		strings.NewReader(pw+"\n"), &out, &out); err != nil {
		t.Fatalf("user add: %v\n%s", err, out.String())
	}

	addr := freeAddr(t)
	stop := startServe(t, env("LEADUP_DB", webDB, "LEADUP_ADDR", addr), addr)
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.PostForm("http://"+addr+"/signup", url.Values{"email": {email}, "password": {pw}, "display_name": {name}, "timezone": {zone}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-up: status %d, want 303", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	cli, web := accountRow(t, cliDB), accountRow(t, webDB)
	if !reflect.DeepEqual(cli, web) {
		t.Errorf("user add made\n%v\nthe sign-up form made\n%v", cli, web)
	}
	if cli["email"] != "ann.lee@example.com" || cli["display_name"] != "Ann Lee" || cli["timezone"] != "Europe/Paris" {
		t.Errorf("account %v, want the typed values normalised", cli)
	}
}

// accountRow returns the one account of the database at path, column by
// column, without what differs on every creation; of the password hash,
// its algorithm and parameters.
func accountRow(t *testing.T, path string) map[string]any {
	t.Helper()
	db, err := sql.Open("sqlite", sqlite.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT * FROM users")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := map[string]any{}
		for i, c := range cols {
			switch c {
			case "id", "public_id", "created_at", "updated_at":
			case "password_hash":
				s, _ := vals[i].(string)
				parts := strings.Split(s, "$")
				row[c] = strings.Join(parts[:min(len(parts), 4)], "$")
			default:
				row[c] = vals[i]
			}
		}
		got = append(got, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%s holds %d accounts, want 1", path, len(got))
	}
	return got[0]
}

// TestUserAddLanguage: `leadup user add -language` sets the account's
// language; without it the account starts in the server's default; a
// language leadup lacks is refused and makes nothing.
func TestUserAddLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	add := func(getenv func(string) string, args ...string) error {
		var out strings.Builder
		return run(t.Context(), append([]string{"user", "add"}, args...), getenv, strings.NewReader("correct horse battery\n"), &out, &out)
	}
	if err := add(env("LEADUP_DB", db), "-language", "es", "ann@example.com"); err != nil {
		t.Fatal(err)
	}
	if err := add(env("LEADUP_DB", db, "LEADUP_DEFAULT_LANGUAGE", "fr"), "bob@example.com"); err != nil {
		t.Fatal(err)
	}
	err := add(env("LEADUP_DB", db), "-language", "pt", "cy@example.com")
	if err == nil || !strings.Contains(err.Error(), `-language "pt" is not one of leadup's languages (en, de, es, fr)`) {
		t.Errorf("user add -language pt: %v", err)
	}
	s, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for email, want := range map[string]string{"ann@example.com": "es", "bob@example.com": "fr"} {
		u, err := s.FindUserByEmail(t.Context(), email)
		if err != nil || u.Language != want {
			t.Errorf("%s: %+v (%v), want language %s", email, u, err, want)
		}
	}
	if _, err := s.FindUserByEmail(t.Context(), "cy@example.com"); err == nil {
		t.Error("a refused -language made the account")
	}
}

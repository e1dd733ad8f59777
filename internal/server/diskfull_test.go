package server

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/export"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/sqlite"
)

// syncBuffer is a log destination safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fillFile leaves the database file no free page (a migration that drops
// a table leaves some, and a write reuses them before it grows the file)
// and returns its page count: capped at that, the next write that needs a
// page fails as on a full disk.
func fillFile(t *testing.T, db *sqlite.DB) int {
	t.Helper()
	if _, err := db.Writer().Exec("VACUUM"); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := db.Writer().QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestDiskFull caps the database at its current size, as a full disk
// would, then saves an entry: the answer says the disk is full and gives
// back every typed value, and the log says so once, not once per request.
func TestDiskFull(t *testing.T) {
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "leadup.db"))
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	srv := New(core.New(db), password.NewHasher(fastHash), slog.New(slog.NewTextHandler(&logs, nil)), func() Config {
		c := DefaultConfig()
		c.Signup = SignupOpen
		return c
	}())
	ts := httptest.NewServer(srv)
	t.Cleanup(func() { ts.Close(); db.Close() })
	app := &testApp{t: t, db: db, srv: srv, ts: ts}
	c := app.signedUp("ann@example.com")

	pages := fillFile(t, db)
	if _, err := db.Writer().Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	notes := strings.Repeat("A long note that needs new pages. ", 400)
	form := entryForm("new_boss_name", "Dana", "summary", "Typed before the disk filled", "notes", notes)
	for range 3 {
		r := c.post("/entries", form)
		wantStatus(t, r, http.StatusInsufficientStorage)
		wantBody(t, r, "disk is full", "Typed before the disk filled", "A long note that needs new pages.", "Dana")
	}
	if n := app.count("entries"); n != 0 {
		t.Errorf("entries = %d", n)
	}
	if n := strings.Count(logs.String(), "the disk is full"); n != 1 {
		t.Errorf("logged the full disk %d times in three requests, want once:\n%s", n, logs.String())
	}
	// Reading still works.
	wantStatus(t, c.get("/entries"), http.StatusOK)
}

// TestAPIDiskFull: an API create on a full disk answers 507 with code
// disk_full, as the OpenAPI document says, and writes nothing.
func TestAPIDiskFull(t *testing.T) {
	app, ann := newAnnApp(t)
	api := app.apiClient(ann.createToken("phone", "write", ""))
	var boss export.Boss
	api.do(http.MethodPost, "/bosses", map[string]string{"name": "Dana"}).decode(t, &boss)
	pages := fillFile(t, app.db)
	if _, err := app.db.Writer().Exec("PRAGMA max_page_count = " + strconv.Itoa(pages)); err != nil {
		t.Fatal(err)
	}
	r := api.do(http.MethodPost, "/entries", map[string]any{"boss_id": boss.ID, "occurred_on": "2026-01-05",
		"summary": "Typed before the disk filled", "notes": strings.Repeat("A long note that needs new pages. ", 400), "practices": []string{"team"}})
	if r.status != http.StatusInsufficientStorage || r.errorCode(t) != "disk_full" {
		t.Fatalf("status %d, body %s; want 507 disk_full", r.status, r.body)
	}
	if n := app.count("entries"); n != 0 {
		t.Errorf("entries = %d", n)
	}
}

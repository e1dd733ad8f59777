package server

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/sqlite"
	"github.com/leadup/leadup/migrations"
)

// fastHash keeps handler tests quick; the real parameters are tested in
// package password.
var fastHash = password.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

type testApp struct {
	t     testing.TB
	db    *sqlite.DB
	srv   *Server
	ts    *httptest.Server
	clock func() time.Time // the one clock of store and server; see setNow
}

// setNow stops the app's one clock, store and server alike, at now.
func (a *testApp) setNow(now time.Time) {
	a.clock = func() time.Time { return now }
}

// useClock makes clock the app's one clock, for a test that moves time on
// by assigning to a variable the clock reads.
func (a *testApp) useClock(clock func() time.Time) { a.clock = clock }

// newTestApp serves the real router over loopback on a fresh SQLite file.
func newTestApp(t testing.TB, edit ...func(*Config)) *testApp {
	t.Helper()
	db := openTestDB(t)
	cfg := DefaultConfig()
	cfg.Signup = SignupOpen
	for _, e := range edit {
		e(&cfg)
	}
	app := &testApp{t: t, db: db, clock: time.Now}
	clock := func() time.Time { return app.clock() }
	db.Now, cfg.Now = clock, clock
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	app.srv = New(core.New(db), password.NewHasher(fastHash), log, cfg)
	app.ts = httptest.NewServer(app.srv)
	t.Cleanup(func() {
		app.ts.Close()
		db.Close()
	})
	return app
}

// migrated is a database file with every migration applied, made once
// for the whole test binary.
var migrated struct {
	once sync.Once
	file []byte
	err  error
}

// openTestDB opens a fresh database file under t.TempDir(): a copy of the
// one the migrations made once, so that each test does not run them all
// again (each commits, and waits for the disk, on its own). sqlite.Open
// finds nothing left to migrate and gives the copy a server secret of its
// own, as on a new installation.
func openTestDB(t testing.TB) *sqlite.DB {
	t.Helper()
	migrated.once.Do(migrateTemplate)
	if migrated.err != nil {
		t.Fatalf("migrate the template database: %v", migrated.err)
	}
	path := filepath.Join(t.TempDir(), "leadup.db")
	if err := os.WriteFile(path, migrated.file, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// migrateTemplate applies every migration to a new file, with no server
// secret yet, and keeps the file's bytes in migrated.
func migrateTemplate() {
	dir, err := os.MkdirTemp("", "leadup-migrated-")
	if err != nil {
		migrated.err = err
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "leadup.db")
	raw, err := sql.Open("sqlite", sqlite.DSN(path))
	if err != nil {
		migrated.err = err
		return
	}
	raw.SetMaxOpenConns(1)
	_, err = sqlite.Migrate(context.Background(), raw, migrations.FS)
	if err == nil {
		// Everything into the main file: the copy is that file alone.
		_, err = raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	if cerr := raw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		migrated.err = err
		return
	}
	migrated.file, migrated.err = os.ReadFile(path)
}

// client is one browser: it keeps cookies and does not follow redirects.
type client struct {
	app *testApp
	hc  *http.Client
}

func (a *testApp) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{app: a, hc: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

type response struct {
	status int
	header http.Header
	body   string
}

func (c *client) do(req *http.Request) *response {
	c.app.t.Helper()
	resp, err := c.hc.Do(req)
	if err != nil {
		c.app.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.app.t.Fatal(err)
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

func (c *client) get(path string) *response {
	c.app.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.app.ts.URL+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values, headers ...string) *response {
	c.app.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.app.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.do(req)
}

// signup creates an account through the form and leaves c signed in.
func (c *client) signup(email string) {
	c.app.t.Helper()
	r := c.post("/signup", url.Values{
		"email": {email}, "password": {"correct horse battery"},
		"display_name": {"Test User"}, "timezone": {"Europe/Berlin"},
	})
	if r.status != http.StatusSeeOther {
		c.app.t.Fatalf("signup %s: status %d, want 303\n%s", email, r.status, r.body)
	}
}

// newAnnApp is a test app with Ann (Europe/Berlin) signed up.
func newAnnApp(t testing.TB, edit ...func(*Config)) (*testApp, *client) {
	t.Helper()
	app := newTestApp(t, edit...)
	return app, app.signedUp("ann@example.com")
}

// signedUp is a new browser with a fresh account for email.
func (a *testApp) signedUp(email string) *client {
	a.t.Helper()
	c := a.client()
	c.signup(email)
	return c
}

func (c *client) login(email, pw string) *response {
	c.app.t.Helper()
	return c.post("/login", url.Values{"email": {email}, "password": {pw}})
}

func (c *client) sessionCookie() *http.Cookie {
	u, _ := url.Parse(c.app.ts.URL)
	for _, ck := range c.hc.Jar.Cookies(u) {
		if ck.Name == auth.CookieName {
			return ck
		}
	}
	return nil
}

func (a *testApp) count(table string) int {
	a.t.Helper()
	var n int
	if err := a.db.Reader().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		a.t.Fatal(err)
	}
	return n
}

func wantStatus(t *testing.T, r *response, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status %d, want %d\n%.2000s", r.status, want, r.body)
	}
}

func wantBody(t *testing.T, r *response, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(r.body, s) {
			t.Errorf("body does not contain %q\n%.3000s", s, r.body)
		}
	}
}

// newLocalRequest is httptest.NewRequest addressed to 127.0.0.1 rather
// than example.com: without a public URL the server answers only IP
// literals and localhost (any other host gets 421).
func newLocalRequest(method, target string) *http.Request {
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1"
	return req
}

package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// leadup runs the command line with args and getenv, and returns what it
// printed; a failure stops the test.
func leadup(t *testing.T, getenv func(string) string, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(t.Context(), args, getenv, nil, &out, &out); err != nil {
		t.Fatalf("leadup %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// getOK is nil when GET url answers 200, else why not.
func getOK(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return nil
}

// startServe runs `leadup serve` in the background and waits for /healthz.
func startServe(t testing.TB, getenv func(string) string, addr string) (stop func() error) {
	t.Helper()
	return startServeLogging(t, getenv, addr, &syncBuffer{})
}

// startServeLogging is startServe with the server's log going to stderr.
func startServeLogging(t testing.TB, getenv func(string) string, addr string, stderr *syncBuffer) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, getenv, nil, &bytes.Buffer{}, stderr) }()
	// A hang guard, not a speed test: under -race beside the other
	// packages' tests a start has taken over 4 s on two cores.
	deadline := time.Now().Add(time.Minute)
	for getOK("http://"+addr+"/healthz") != nil {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("server did not answer /healthz in time\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop within 15 s")
			return nil
		}
	}
}

func TestServeAndHealthcheck(t *testing.T) {
	addr := freeAddr(t)
	db := filepath.Join(t.TempDir(), "leadup.db")
	getenv := env("LEADUP_ADDR", addr, "LEADUP_DB", db)
	stop := startServe(t, getenv, addr)

	if err := run(t.Context(), []string{"healthcheck"}, getenv, nil, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Errorf("healthcheck against a live server: %v", err)
	}
	resp, err := http.Get("http://" + addr + "/signup")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /signup: %v %v", resp, err)
	}
	resp.Body.Close()
	if err := stop(); err != nil {
		t.Errorf("graceful shutdown returned %v, want nil", err)
	}
	if err := run(t.Context(), []string{"healthcheck"}, getenv, nil, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Error("healthcheck against a stopped server succeeded")
	}
}

// Behind a proxy that publishes leadup under a path, the container's
// health check still calls the listen address's /healthz.
func TestHealthcheckWithSubPathBaseURL(t *testing.T) {
	addr := freeAddr(t)
	getenv := env("LEADUP_ADDR", addr, "LEADUP_DB", filepath.Join(t.TempDir(), "leadup.db"), "LEADUP_BASE_URL", "https://example.com/leadup/")
	stop := startServe(t, getenv, addr)
	defer stop()
	if err := run(t.Context(), []string{"healthcheck"}, getenv, nil, io.Discard, io.Discard); err != nil {
		t.Errorf("healthcheck with LEADUP_BASE_URL=https://example.com/leadup/: %v", err)
	}
}

func TestHealthcheckAgainstNothing(t *testing.T) {
	err := run(t.Context(), []string{"healthcheck", "-addr", freeAddr(t)}, env(), nil, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil {
		t.Fatal("healthcheck with nothing listening succeeded")
	}
}

func TestHealthcheckWildcardAddress(t *testing.T) {
	addr := freeAddr(t)
	_, port, _ := net.SplitHostPort(addr)
	getenv := env("LEADUP_ADDR", ":"+port, "LEADUP_DB", filepath.Join(t.TempDir(), "x.db"))
	stop := startServe(t, getenv, "127.0.0.1:"+port)
	defer stop()
	if err := run(t.Context(), []string{"healthcheck"}, getenv, nil, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Errorf("healthcheck of %q: %v", ":"+port, err)
	}
}

func TestMisconfiguration(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"signup mode", []string{"LEADUP_SIGNUP", "sometimes"}, nil, "LEADUP_SIGNUP"},
		{"cookie mode", []string{"LEADUP_SECURE_COOKIES", "maybe"}, nil, "LEADUP_SECURE_COOKIES"},
		{"log level", []string{"LEADUP_LOG_LEVEL", "loud"}, nil, "LEADUP_LOG_LEVEL"},
		{"bad address", []string{"LEADUP_ADDR", "not an address", "LEADUP_DB", filepath.Join(dir, "a.db")}, nil, "listen"},
		{"unwritable database", []string{"LEADUP_ADDR", "127.0.0.1:0", "LEADUP_DB", filepath.Join(dir, "missing", "dir", "x.db")}, nil, "open database"},
		{"malformed CIDR", []string{"LEADUP_TRUSTED_PROXIES", "10.0.0.0/8, 300.1.1.1/33"}, nil, "LEADUP_TRUSTED_PROXIES"},
		{"proxy header without proxies", []string{"LEADUP_AUTH_PROXY_HEADER", "Remote-Email"}, nil, "needs LEADUP_TRUSTED_PROXIES"},
		{"base URL without scheme", []string{"LEADUP_BASE_URL", "example.com/leadup"}, nil, "LEADUP_BASE_URL"},
		{"base URL with a query", []string{"LEADUP_BASE_URL", "https://example.com/?x=1"}, nil, "LEADUP_BASE_URL"},
		{"log format", []string{"LEADUP_LOG_FORMAT", "xml"}, nil, "LEADUP_LOG_FORMAT"},
		{"logout URL", []string{"LEADUP_LOGOUT_URL", "javascript:alert(1)"}, nil, "LEADUP_LOGOUT_URL"},
		{"metrics address", []string{"LEADUP_METRICS_ADDR", "nowhere:-1", "LEADUP_DB", filepath.Join(dir, "m.db")}, nil, "LEADUP_METRICS_ADDR"},
		{"default language", []string{"LEADUP_DEFAULT_LANGUAGE", "pt"}, nil, `LEADUP_DEFAULT_LANGUAGE: "pt" is not one of leadup's languages (de, en, es, fr)`},
		{"default language flag", nil, []string{"serve", "-default-language", "de-DE"}, `LEADUP_DEFAULT_LANGUAGE: "de-DE" is not one of leadup's languages`},
		{"unknown flag", nil, []string{"serve", "-colour"}, "flag provided but not defined"},
		{"unknown command", nil, []string{"launch"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if args == nil {
				args = []string{"serve"}
			}
			// A case that gets as far as opening the database must open
			// one in the temporary folder, never leadup.db in this package.
			kv := append([]string{"LEADUP_DB", filepath.Join(dir, "default.db")}, tt.env...)
			err := run(t.Context(), args, env(kv...), nil, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}

func TestMigrateAndUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	getenv := env("LEADUP_DB", db)
	if out := leadup(t, getenv, "migrate", "status"); !strings.Contains(out, "pending") {
		t.Errorf("status on a new database:\n%s\nwant pending migrations", out)
	}
	if out := leadup(t, getenv, "migrate", "up"); !strings.Contains(out, "applied 00001_init.sql") {
		t.Errorf("migrate up printed:\n%s", out)
	}
	if out := leadup(t, getenv, "migrate", "status"); strings.Contains(out, "pending") || !strings.Contains(out, "applied") {
		t.Errorf("status after up:\n%s", out)
	}

	// user add works even with sign-up closed.
	closed := env("LEADUP_DB", db, "LEADUP_SIGNUP", "closed")
	var out bytes.Buffer
	err := run(t.Context(), []string{"user", "add", "-name", "Ann", "-timezone", "Europe/Paris", "Ann@Example.com"}, closed,
		strings.NewReader("correct horse battery\n"), &out, &out)
	if err != nil {
		t.Fatalf("user add: %v\n%s", err, out.String())
	}
	err = run(t.Context(), []string{"user", "add", "ann@example.com"}, closed, strings.NewReader("another password\n"), &out, &out)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second user add: %v, want 'already exists'", err)
	}
	err = run(t.Context(), []string{"user", "add", "bob@example.com"}, closed, strings.NewReader("short\n"), &out, &out)
	if err == nil || !strings.Contains(err.Error(), "10 characters") {
		t.Errorf("user add with a short password: %v", err)
	}
	if err := run(t.Context(), []string{"user", "passwd", "ANN@example.com"}, closed, strings.NewReader("a new passphrase\n"), &out, &out); err != nil {
		t.Fatalf("user passwd: %v", err)
	}
	if err := run(t.Context(), []string{"user", "passwd", "nobody@example.com"}, closed, strings.NewReader("a new passphrase\n"), &out, &out); err == nil {
		t.Error("user passwd for an unknown email succeeded")
	}

	// The new password signs in over HTTP.
	addr := freeAddr(t)
	stop := startServe(t, env("LEADUP_DB", db, "LEADUP_ADDR", addr), addr)
	defer stop()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.PostForm("http://"+addr+"/login", map[string][]string{"email": {"ann@example.com"}, "password": {"a new passphrase"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("login with the password from user passwd: %d, want 303", resp.StatusCode)
	}
}

func TestFailedMigrationExitsWithMessage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	// A table in the way of the first migration makes it fail.
	leadup(t, env("LEADUP_DB", db), "migrate", "status")
	conn, err := sqlOpen(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("CREATE TABLE sessions (x INTEGER); INSERT INTO sessions VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	err = run(t.Context(), []string{"serve", "-addr", "127.0.0.1:0"}, env("LEADUP_DB", db), nil, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "migrate") || !strings.Contains(err.Error(), "00001_init.sql") {
		t.Fatalf("got %v, want a migration error naming the file", err)
	}
	conn, _ = sqlOpen(db)
	defer conn.Close()
	var users, x int
	conn.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'users'").Scan(&users)
	conn.QueryRow("SELECT x FROM sessions").Scan(&x)
	if users != 0 || x != 7 {
		t.Errorf("after the failed migration: users table %d, sessions.x %d; want 0 and 7", users, x)
	}
}

func TestVersion(t *testing.T) {
	if out := leadup(t, env(), "version"); !strings.HasPrefix(out, "leadup ") {
		t.Errorf("version printed %q", out)
	}
}

func TestMetrics(t *testing.T) {
	addr, metricsAddr := freeAddr(t), freeAddr(t)
	db := filepath.Join(t.TempDir(), "leadup.db")

	// Off by default: nothing answers /metrics.
	stop := startServe(t, env("LEADUP_ADDR", addr, "LEADUP_DB", db), addr)
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("/metrics on the app's listener: %d, want 404", resp.StatusCode)
	}
	if _, err := http.Get("http://" + metricsAddr + "/metrics"); err == nil {
		t.Error("something answers on the metrics address while metrics are off")
	}
	stop()

	stop = startServe(t, env("LEADUP_ADDR", addr, "LEADUP_DB", db, "LEADUP_METRICS_ADDR", metricsAddr), addr)
	defer stop()
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, _ = hc.PostForm("http://"+addr+"/signup", url.Values{"email": {"secret.person@example.com"}, "password": {"correct horse battery"},
		"display_name": {"Secret Person"}, "timezone": {"UTC"}})
	resp.Body.Close()
	resp, _ = hc.PostForm("http://"+addr+"/entries", url.Values{"occurred_on": {"2026-01-05"}, "kind": {"email"},
		"summary": {"Confidential reorganisation"}, "practice": {"team"}, "new_boss_name": {"Dana Private"}})
	resp.Body.Close()
	entry := resp.Header.Get("Location")
	resp, _ = hc.Get("http://" + addr + entry + "?q=secretword")
	resp.Body.Close()

	resp, err = http.Get("http://" + metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	body.ReadFrom(resp.Body)
	resp.Body.Close()
	text := body.String()
	for _, want := range []string{
		`leadup_http_requests_total{method="POST",route="/entries",status="303"} 1`,
		`leadup_http_requests_total{method="GET",route="/entries/{id}",status="200"} 1`,
		// Prometheus buckets with today's bounds, not VictoriaMetrics' vmrange.
		`leadup_http_request_duration_seconds_bucket{method="POST",route="/signup",le="0.0025"}`,
		`leadup_http_request_duration_seconds_bucket{method="POST",route="/signup",le="+Inf"} 1`,
		`go_sql_open_connections{db_name="write"}`,
		`go_sql_open_connections{db_name="read"}`,
		`go_build_info{checksum=`,
		"process_resident_memory_bytes",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	for _, secret := range []string{"secret.person", "Secret Person", "Confidential", "Dana", "secretword", entry} {
		if strings.Contains(text, secret) {
			t.Errorf("/metrics contains user data %q", secret)
		}
	}
}

func TestJSONLogs(t *testing.T) {
	addr := freeAddr(t)
	var logs syncBuffer
	getenv := env("LEADUP_ADDR", addr, "LEADUP_DB", filepath.Join(t.TempDir(), "x.db"), "LEADUP_LOG_FORMAT", "json")
	stop := startServeLogging(t, getenv, addr, &logs)
	resp, err := http.PostForm("http://"+addr+"/login", url.Values{"email": {"who@example.com"}, "password": {"a secret password"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		if rec["msg"] == "request" && rec["route"] == "/login" {
			found = true
			for _, k := range []string{"status", "duration", "request_id", "user_id", "method"} {
				if _, ok := rec[k]; !ok {
					t.Errorf("request log lacks %s: %v", k, rec)
				}
			}
		}
	}
	if !found {
		t.Error("no request line for /login")
	}
	if strings.Contains(logs.String(), "who@example.com") || strings.Contains(logs.String(), "a secret password") {
		t.Error("the logs hold an email or a password")
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// An operator at the terminal sees the cause of an internal failure, not
// the web app's "something went wrong".
func TestUserCommandsPrintTheCause(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	getenv := env("LEADUP_DB", db)
	leadup(t, getenv, "migrate", "up")
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON users BEGIN SELECT RAISE(ABORT, 'the disk controller said no'); END`)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	err = run(t.Context(), []string{"user", "add", "ann@example.com"}, getenv, strings.NewReader("correct horse battery\n"), &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "the disk controller said no") {
		t.Errorf("user add: %v, want the cause", err)
	}
}

// Shared flags and the command's own can come in any order before EMAIL.
func TestUserAddFlagsInAnyOrder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	var out bytes.Buffer
	err := run(t.Context(), []string{"user", "add", "-name", "Ann", "-db", db, "-timezone", "Europe/Paris", "ann@example.com"}, env(),
		strings.NewReader("correct horse battery\n"), &out, &out)
	if err != nil {
		t.Fatalf("user add: %v", err)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var name, zone string
	if err := conn.QueryRow(`SELECT display_name, timezone FROM users WHERE email = 'ann@example.com'`).Scan(&name, &zone); err != nil {
		t.Fatal(err)
	}
	if name != "Ann" || zone != "Europe/Paris" {
		t.Errorf("got name %q zone %q, want Ann and Europe/Paris", name, zone)
	}
}

// Flags before the command mean what they mean after it.
func TestFlagsBeforeCommand(t *testing.T) {
	tests := []struct {
		args     []string
		cmd      string
		wantArgs []string
	}{
		{[]string{"-db", "x.db", "backup", "out.db"}, "backup", []string{"-db", "x.db", "out.db"}},
		{[]string{"-db=x.db", "-log-level", "debug", "restore", "in.db"}, "restore", []string{"-db=x.db", "-log-level", "debug", "in.db"}},
		{[]string{"-db", "x.db", "migrate", "status"}, "migrate", []string{"status", "-db", "x.db"}},
		{[]string{"-db", "x.db", "-name", "Ann", "user", "add", "ann@example.com"}, "user", []string{"add", "-db", "x.db", "-name", "Ann", "ann@example.com"}},
		{[]string{"-addr", ":9000"}, "serve", []string{"-addr", ":9000"}},
		{[]string{"-db", "serve.db"}, "serve", []string{"-db", "serve.db"}},
		{[]string{"backup", "-db", "x.db", "out.db"}, "backup", []string{"-db", "x.db", "out.db"}},
		{nil, "serve", nil},
		{[]string{"--help"}, "help", nil},
	}
	for _, tt := range tests {
		cmd, args := commandLine(tt.args)
		if cmd != tt.cmd || strings.Join(args, " ") != strings.Join(tt.wantArgs, " ") {
			t.Errorf("commandLine(%q) = %q %q, want %q %q", tt.args, cmd, args, tt.cmd, tt.wantArgs)
		}
	}

	// The line the README gives cron makes a backup, with no server.
	dir := t.TempDir()
	db, out := filepath.Join(dir, "leadup.db"), filepath.Join(dir, "copy.db")
	leadup(t, env("LEADUP_ADDR", "not an address"), "-db", db, "migrate", "up")
	if got := leadup(t, env("LEADUP_ADDR", "not an address"), "-db", db, "backup", out); !strings.Contains(got, "backed up") {
		t.Errorf("leadup -db FILE backup OUT printed %q", got)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no backup: %v", err)
	}
}

// leadupFlags are all of leadup's flags, shared and each command's own.
func leadupFlags(t *testing.T) *flag.FlagSet {
	t.Helper()
	var all *flag.FlagSet
	own := func(fs *flag.FlagSet) {
		// The commands' own flags, registered as they register them.
		var s string
		for _, name := range []string{"name", "timezone", "at"} {
			fs.StringVar(&s, name, "", "")
		}
		all = fs
	}
	if _, _, err := parseConfig("all", nil, env(), io.Discard, own); err != nil {
		t.Fatal(err)
	}
	return all
}

// commandLine moves leading flags by assuming each takes a value.
func TestEveryFlagTakesAValue(t *testing.T) {
	leadupFlags(t).VisitAll(func(f *flag.Flag) {
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			t.Errorf("-%s is a boolean flag; commandLine would take the next argument as its value", f.Name)
		}
	})
}

// Anything left after serve's flags is a mistake, not ignored: exit 2.
func TestServeRefusesArguments(t *testing.T) {
	for _, args := range [][]string{{"serve", "backup.db"}, {"-db", filepath.Join(t.TempDir(), "x.db"), "serve", "extra"}, {"healthcheck", "now"}} {
		err := run(t.Context(), args, env("LEADUP_ADDR", "not an address", "LEADUP_DB", filepath.Join(t.TempDir(), "y.db")), nil, io.Discard, io.Discard)
		var u usageError
		if !errors.As(err, &u) {
			t.Errorf("leadup %q: %v, want a usage error (exit 2)", args, err)
		}
	}
}

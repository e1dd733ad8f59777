package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
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

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// startServe runs `leadup serve` in the background and waits for /healthz.
func startServe(t *testing.T, getenv func(string) string, addr string) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, getenv, nil, &bytes.Buffer{}, &stderr) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
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
		{"bad address", []string{"LEADUP_ADDR", "not an address"}, nil, "listen"},
		{"unwritable database", []string{"LEADUP_ADDR", "127.0.0.1:0", "LEADUP_DB", filepath.Join(dir, "missing", "dir", "x.db")}, nil, "open database"},
		{"unknown flag", nil, []string{"serve", "-colour"}, "flag provided but not defined"},
		{"unknown command", nil, []string{"launch"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if args == nil {
				args = []string{"serve"}
			}
			err := run(t.Context(), args, env(tt.env...), nil, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}

func TestMigrateAndUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leadup.db")
	getenv := env("LEADUP_DB", db)
	var out bytes.Buffer
	if err := run(t.Context(), []string{"migrate", "status"}, getenv, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "pending") {
		t.Errorf("status on a new database:\n%s\nwant pending migrations", out.String())
	}
	out.Reset()
	if err := run(t.Context(), []string{"migrate", "up"}, getenv, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "applied 00001_init.sql") {
		t.Errorf("migrate up printed:\n%s", out.String())
	}
	out.Reset()
	run(t.Context(), []string{"migrate", "status"}, getenv, nil, &out, &out)
	if strings.Contains(out.String(), "pending") || !strings.Contains(out.String(), "applied") {
		t.Errorf("status after up:\n%s", out.String())
	}

	// user add works even with sign-up closed.
	closed := env("LEADUP_DB", db, "LEADUP_SIGNUP", "closed")
	out.Reset()
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
	var out bytes.Buffer
	if err := run(t.Context(), []string{"migrate", "status"}, env("LEADUP_DB", db), nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	conn, err := sqlOpen(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("CREATE TABLE sessions (x INTEGER); INSERT INTO sessions VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	err = run(t.Context(), []string{"serve", "-addr", "127.0.0.1:0"}, env("LEADUP_DB", db), nil, &out, &out)
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
	var out bytes.Buffer
	if err := run(t.Context(), []string{"version"}, env(), nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "leadup ") {
		t.Errorf("version printed %q", out.String())
	}
}

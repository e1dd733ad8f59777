package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/sqlite"
)

// writer is one browser posting entries as fast as the server takes them.
type writer struct {
	hc     *http.Client
	base   string
	bossID string
	mu     sync.Mutex
	acked  []ack
}

type ack struct {
	id string
	at time.Time
}

func newWriter(t *testing.T, base string, n int) *writer {
	jar, _ := cookiejar.New(nil)
	w := &writer{base: base, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	resp, err := w.hc.PostForm(base+"/signup", url.Values{"email": {fmt.Sprintf("w%d@example.com", n)}, "password": {"correct horse battery"},
		"display_name": {"W"}, "timezone": {"UTC"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("signup: %v %v", resp, err)
	}
	resp.Body.Close()
	return w
}

func (w *writer) run(stop <-chan struct{}, n int) {
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		default:
		}
		form := url.Values{"occurred_on": {"2026-01-05"}, "kind": {"meeting"}, "summary": {fmt.Sprintf("writer %d entry %d", n, i)},
			"practice": {"results"}, "boss_id": {w.bossID}}
		resp, err := w.hc.PostForm(w.base+"/entries", form)
		if err != nil {
			return
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusSeeOther {
			w.mu.Lock()
			w.acked = append(w.acked, ack{id: strings.TrimPrefix(resp.Header.Get("Location"), "/entries/"), at: time.Now()})
			w.mu.Unlock()
		}
	}
}

// waitForAcks waits until the writers have at least n entries acknowledged
// at or after since, for up to a minute.
func waitForAcks(t *testing.T, writers []*writer, since time.Time, n int) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		got := 0
		for _, w := range writers {
			w.mu.Lock()
			for _, a := range w.acked {
				if !a.at.Before(since) {
					got++
				}
			}
			w.mu.Unlock()
		}
		if got >= n {
			return
		}
	}
	t.Fatalf("fewer than %d entries acknowledged within a minute", n)
}

func TestBackupWhileWriting(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	dbPath := filepath.Join(dir, "leadup.db")
	getenv := env("LEADUP_ADDR", addr, "LEADUP_DB", dbPath, "LEADUP_SIGNUP", "open")
	stop := startServe(t, getenv, addr)
	defer stop()

	var writers []*writer
	for n := range 8 {
		writers = append(writers, newWriter(t, "http://"+addr, n))
	}
	// Each writer's first entry creates its boss.
	lookup, err := sqlOpen(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer lookup.Close()
	for n, w := range writers {
		name := fmt.Sprintf("Boss %d", n)
		form := url.Values{"occurred_on": {"2026-01-05"}, "kind": {"meeting"}, "summary": {"first"}, "practice": {"results"}, "new_boss_name": {name}}
		resp, err := w.hc.PostForm(w.base+"/entries", form)
		if err != nil || resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("first entry: %v %v", resp, err)
		}
		resp.Body.Close()
		if err := lookup.QueryRow("SELECT id FROM bosses WHERE name = ?", name).Scan(&w.bossID); err != nil {
			t.Fatal(err)
		}
	}

	stopWriters := make(chan struct{})
	var wg sync.WaitGroup
	for n, w := range writers {
		wg.Add(1)
		go func() { defer wg.Done(); w.run(stopWriters, n) }()
	}
	// Wait for acknowledged writes rather than for a fixed time: on a
	// loaded machine a fixed sleep may see too few.
	waitForAcks(t, writers, time.Time{}, len(writers))
	backupStart := time.Now()
	file := filepath.Join(dir, "backup.db")
	var out bytes.Buffer
	err = run(context.Background(), []string{"backup", file}, getenv, nil, &out, &out)
	waitForAcks(t, writers, backupStart, 1)
	close(stopWriters)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup: %v\n%s", err, out.String())
	}

	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("backup mode %o, want 600", mode)
	}
	if err := sqlite.IntegrityCheck(context.Background(), file); err != nil {
		t.Fatalf("backup: %v", err)
	}
	copyDB, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	before, after := 0, 0
	for _, w := range writers {
		for _, a := range w.acked {
			if !a.at.Before(backupStart) {
				after++
				continue
			}
			before++
			var n int
			copyDB.QueryRow("SELECT count(*) FROM entries WHERE id = ?", a.id).Scan(&n)
			if n != 1 {
				t.Errorf("entry %s, acknowledged before the backup started, is not in the copy", a.id)
			}
		}
	}
	if before < len(writers) || after == 0 {
		t.Errorf("acknowledged %d entries before the backup and %d after; the test needs both", before, after)
	}
	t.Logf("%d entries acknowledged before the backup, %d during and after", before, after)

	// It refuses to overwrite.
	if err := run(context.Background(), []string{"backup", file}, getenv, nil, &out, &out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second backup to the same file: %v", err)
	}
	// Restore refuses while the server runs.
	if err := run(context.Background(), []string{"restore", file}, getenv, nil, &out, &out); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("restore while serving: %v", err)
	}
}

func TestRestore(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	dbPath := filepath.Join(dir, "leadup.db")
	getenv := env("LEADUP_ADDR", addr, "LEADUP_DB", dbPath)
	stop := startServe(t, getenv, addr)
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, _ := hc.PostForm("http://"+addr+"/signup", url.Values{"email": {"ann@example.com"}, "password": {"correct horse battery"}, "display_name": {"Ann"}, "timezone": {"UTC"}})
	resp.Body.Close()
	post := func(summary string) {
		resp, err := hc.PostForm("http://"+addr+"/entries", url.Values{"occurred_on": {"2026-01-05"}, "kind": {"email"}, "summary": {summary}, "practice": {"team"}, "new_boss_name": {"Dana"}})
		if err != nil || resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("post: %v %v", resp, err)
		}
		resp.Body.Close()
	}
	post("kept in the backup")
	file := filepath.Join(dir, "b.db")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"backup", file}, getenv, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	post("written after the backup")
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	// A file that is not a database is refused, and nothing changes.
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	if err := run(context.Background(), []string{"restore", junk}, getenv, nil, &out, &out); err == nil {
		t.Error("restore from junk succeeded")
	}

	out.Reset()
	if err := run(context.Background(), []string{"restore", file}, getenv, nil, &out, &out); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if !strings.Contains(out.String(), "before-restore") {
		t.Errorf("restore printed %q", out.String())
	}
	db, _ := sql.Open("sqlite", sqlite.DSN(dbPath))
	defer db.Close()
	var summaries string
	db.QueryRow("SELECT group_concat(summary) FROM entries").Scan(&summaries)
	var sessions, version int
	db.QueryRow("SELECT count(*) FROM sessions").Scan(&sessions)
	db.QueryRow("SELECT max(version_id) FROM goose_db_version").Scan(&version)
	if summaries != "kept in the backup" || sessions != 0 || version < 3 {
		t.Errorf("after restore: entries %q, sessions %d, version %d", summaries, sessions, version)
	}
	// The old cookie no longer signs in.
	stop = startServe(t, getenv, addr)
	defer stop()
	resp, _ = hc.Get("http://" + addr + "/settings")
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("old session after restore: status %d, want 303 to login", resp.StatusCode)
	}
}

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/leadup/leadup/internal/backup"
	"github.com/leadup/leadup/internal/password"
	"github.com/leadup/leadup/internal/sqlite"
)

// BenchmarkBackup100k times one backup of a database holding one account
// with 100,000 entries (see seedEntries), as the scheduler takes it
// (snapshot beside the database, copy or encryption into the backup
// folder, sync, rename), plain and encrypted to one age recipient, and
// reports the backup's size.
//
//	go test ./cmd/leadup -run '^$' -bench Backup100k -benchtime 3x
func BenchmarkBackup100k(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "leadup.db")
	seedEntries(b, db, 100_000)
	info, _ := os.Stat(db)
	b.Logf("database: %.1f MiB", float64(info.Size())/(1<<20))
	id, _ := age.GenerateX25519Identity()
	for _, mode := range []struct {
		name       string
		recipients []age.Recipient
	}{{"plain", nil}, {"age", []age.Recipient{id.Recipient()}}} {
		b.Run(mode.name, func(b *testing.B) {
			out := b.TempDir()
			var size int64
			for i := 0; b.Loop(); i++ {
				var err error
				size, err = backup.Write(context.Background(), snapshotFile(db), db+".backup-snapshot-bench", filepath.Join(out, fmt.Sprintf("b%d", i)), mode.recipients)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size)/(1<<20), "MiB")
		})
	}
}

// BenchmarkServingDuringBackup measures what a backup costs the people
// using the server: a real `leadup serve` over the 100,000-entry file, one
// client reading the heavy account's entry list page by page and another
// creating entries, first with no backup running (after a warm-up), then
// while two encrypted backups of the file run back to back. It reports p50
// and p99 of each.
//
//	go test ./cmd/leadup -run '^$' -bench ServingDuringBackup -benchtime 1x
func BenchmarkServingDuringBackup(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "leadup.db")
	seedEntries(b, db, 100_000)
	setBenchPassword(b, db)
	addr := freeAddr(b)
	getenv := env("LEADUP_ADDR", addr, "LEADUP_DB", db, "LEADUP_SIGNUP", "open", "LEADUP_LOG_LEVEL", "error")
	stop := startServe(b, getenv, addr)
	defer stop()
	reader := login(b, "http://"+addr, "bench@example.com")
	writer := login(b, "http://"+addr, "bench@example.com")
	id, _ := age.GenerateX25519Identity()
	// A first pass warms the page cache, so that the idle phase is not
	// charged for reading the file from disk.
	measure(b, reader, writer, "http://"+addr, func(done chan<- struct{}) {
		time.Sleep(10 * time.Second)
		close(done)
	})
	for b.Loop() {
		quiet := measure(b, reader, writer, "http://"+addr, func(done chan<- struct{}) {
			time.Sleep(15 * time.Second)
			close(done)
		})
		var backups int
		busy := measure(b, reader, writer, "http://"+addr, func(done chan<- struct{}) {
			defer close(done)
			out := b.TempDir()
			for i := range 2 {
				if _, err := backup.Write(context.Background(), snapshotFile(db), db+".backup-snapshot-bench", filepath.Join(out, fmt.Sprint(i)), []age.Recipient{id.Recipient()}); err != nil {
					b.Error(err)
					return
				}
				backups++
			}
		})
		for _, m := range []struct {
			phase string
			r     latencies
		}{{"idle", quiet}, {"backup", busy}} {
			b.ReportMetric(m.r.pct("read", 50), m.phase+"-read-p50-ms")
			b.ReportMetric(m.r.pct("read", 99), m.phase+"-read-p99-ms")
			b.ReportMetric(m.r.pct("create", 50), m.phase+"-create-p50-ms")
			b.ReportMetric(m.r.pct("create", 99), m.phase+"-create-p99-ms")
			b.Logf("%s: %d reads, %d creates", m.phase, len(m.r["read"]), len(m.r["create"]))
		}
		b.Logf("%d encrypted backups ran during the second phase", backups)
	}
}

type latencies map[string][]time.Duration

func (l latencies) pct(kind string, p int) float64 {
	d := slices.Clone(l[kind])
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return float64(d[min(len(d)-1, len(d)*p/100)].Microseconds()) / 1000
}

// measure runs the reader and the writer until phase closes done, and
// returns each request's latency.
func measure(b *testing.B, reader, writer *http.Client, base string, phase func(done chan<- struct{})) latencies {
	done := make(chan struct{})
	out := latencies{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	record := func(kind string, d time.Duration) {
		mu.Lock()
		out[kind] = append(out[kind], d)
		mu.Unlock()
	}
	wg.Go(func() {
		for page := 1; ; page++ {
			select {
			case <-done:
				return
			default:
			}
			t0 := time.Now()
			resp, err := reader.Get(fmt.Sprintf("%s/entries?page=%d", base, 1+page%50))
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Errorf("read: %v %v", resp, err)
				return
			}
			resp.Body.Close()
			record("read", time.Since(t0))
		}
	})
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			t0 := time.Now()
			resp, err := writer.PostForm(base+"/entries", url.Values{"occurred_on": {"2026-01-05"}, "kind": {"meeting"},
				"summary": {fmt.Sprintf("during %d", i)}, "practice": {"results"}, "boss_id": {"1"}})
			if err != nil || resp.StatusCode != http.StatusSeeOther {
				b.Errorf("create: %v %v", resp, err)
				return
			}
			resp.Body.Close()
			record("create", time.Since(t0))
		}
	})
	phase(done)
	wg.Wait()
	return out
}

// setBenchPassword gives seedEntries' account a password to sign in with.
func setBenchPassword(b *testing.B, path string) {
	hash, err := password.NewHasher(password.Default).Hash("correct horse battery")
	if err != nil {
		b.Fatal(err)
	}
	d, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Writer().Exec("UPDATE users SET password_hash = ? WHERE id = 1", hash); err != nil {
		b.Fatal(err)
	}
}

func login(b *testing.B, base, email string) *http.Client {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.PostForm(base+"/login", url.Values{"email": {email}, "password": {"correct horse battery"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		b.Fatalf("login: %v %v", resp, err)
	}
	resp.Body.Close()
	return hc
}

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/sqlite"
)

// BenchmarkLitestreamRestore100k times `litestream restore` from a file
// replica of a database holding one account with 100,000 entries (two
// practices each, 300 characters of notes), the whole way to a checked
// file.
//
//	LEADUP_LITESTREAM_BIN=... go test ./cmd/leadup -run '^$' -bench LitestreamRestore -benchtime 5x
func BenchmarkLitestreamRestore100k(b *testing.B) {
	bin := litestreamBin(b)
	dir := b.TempDir()
	db := filepath.Join(dir, "leadup.db")
	seedEntries(b, db, 100_000)
	replica := filepath.Join(dir, "replica")
	if out, err := exec.Command(bin, "replicate", "-once", "-config", litestreamConfig(b, db, replica)).CombinedOutput(); err != nil {
		b.Fatalf("litestream replicate -once: %v\n%s", err, out)
	}
	info, _ := os.Stat(db)
	var restoring, checking time.Duration
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(dir, fmt.Sprintf("restored-%d.db", i))
		t0 := time.Now()
		if msg, err := exec.Command(bin, "restore", "-o", out, "file://"+replica).CombinedOutput(); err != nil {
			b.Fatalf("litestream restore: %v\n%s", err, msg)
		}
		t1 := time.Now()
		if err := sqlite.IntegrityCheck(context.Background(), out); err != nil {
			b.Fatal(err)
		}
		restoring, checking = restoring+t1.Sub(t0), checking+time.Since(t1)
	}
	b.ReportMetric(float64(info.Size())/(1<<20), "MiB")
	b.ReportMetric(restoring.Seconds()/float64(b.N), "s-restore/op")
	b.ReportMetric(checking.Seconds()/float64(b.N), "s-check/op")
}

// seedEntries makes a migrated database with one account and n entries,
// written straight with SQL in one transaction.
func seedEntries(b testing.TB, path string, n int) {
	b.Helper()
	d, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	tx, err := d.Writer().Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	const at = "2026-01-01T00:00:00.000000000Z"
	steps := []string{
		`INSERT INTO users (id, public_id, email, password_hash, display_name, timezone, created_at, updated_at)
		 VALUES (1, 'u1', 'bench@example.com', 'x', 'Bench', 'UTC', '` + at + `', '` + at + `')`,
		`INSERT INTO bosses (id, public_id, user_id, name, relation, created_at, updated_at) VALUES (1, 'b1', 1, 'Dana', 'manager', '` + at + `', '` + at + `')`,
	}
	for _, q := range steps {
		if _, err := tx.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	insEntry, _ := tx.Prepare(`INSERT INTO entries (id, public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
		VALUES (?, ?, 1, 1, ?, 'one_on_one', ?, ?, '` + at + `', '` + at + `')`)
	insPractice, _ := tx.Prepare(`INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on) VALUES (?, ?, 1, 1, ?)`)
	notes := fmt.Sprintf("%0300d", 0)
	for i := 1; i <= n; i++ {
		date := fmt.Sprintf("20%02d-%02d-%02d", 10+i%16, 1+i%12, 1+i%28)
		if _, err := insEntry.Exec(i, fmt.Sprintf("e%d", i), date, fmt.Sprintf("Entry %d", i), notes); err != nil {
			b.Fatal(err)
		}
		for _, p := range []string{"results", "team"} {
			if _, err := insPractice.Exec(i, p, date); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

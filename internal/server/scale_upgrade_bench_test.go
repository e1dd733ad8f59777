package server

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/leadup/leadup/internal/sqlite"
)

// scaleUpgradeFrom is the schema version the upgrade benchmark starts from:
// the last one with the first search index, so the upgrade rebuilds it.
const scaleUpgradeFrom = 7

// BenchmarkScaleUpgrade upgrades a copy of the 1,000,000-entry file made at
// schema version 7 to this leadup's schema, as a start after replacing the
// image does, and reports the seconds it took. The README's upgrade notes
// give the figures, with the peak RSS measured around the binary
// (/usr/bin/time -v leadup migrate up).
//
//	LEADUP_SCALE=1 go test ./internal/server -run '^$' -bench ScaleUpgrade -benchtime 1x
func BenchmarkScaleUpgrade(b *testing.B) {
	src := scaleFileAt(b, scaleUpgradeFrom)
	dst := filepath.Join(filepath.Dir(src), "upgrading.db")
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(dst + suffix)
		}
		if err := copyFile(src, dst); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		db, err := sqlite.Open(ctx, dst)
		if err != nil {
			b.Fatal(err)
		}
		if m := db.Migrated; m.From != scaleUpgradeFrom {
			b.Fatalf("upgraded from %d, want %d", m.From, scaleUpgradeFrom)
		}
		db.Close()
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/upgrade")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

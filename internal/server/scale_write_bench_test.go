package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/sqlite"
)

// BenchmarkScaleWrites works on a copy of the 1,000,000-entry file, as a
// server does: "first-start" opens it with no statistics (the seeder runs
// no ANALYZE, nor did leadup before its first start) and reports how long
// Open took; "edit" and "delete" change the heavy user's entries with
// secure-delete on, after the statistics serve gathers once it listens,
// and report the median time of one, also as a ratio to "floor" (one row
// of the same file written and committed, no search index touched),
// which also reports the search index's share of the file.
//
//	LEADUP_SCALE=1 go test ./internal/server -run '^$' -bench ScaleWrites -benchtime 50x
func BenchmarkScaleWrites(b *testing.B) {
	src := scaleFile(b)
	dst := filepath.Join(filepath.Dir(src), "writing.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dst + suffix)
	}
	if err := copyFile(src, dst); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(dst + suffix)
		}
	})
	ctx := context.Background()
	var db *sqlite.DB
	b.Run("first-start", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			if db != nil {
				db.Close()
			}
			w, err := sqlite.OpenNoMigrate(dst)
			if err != nil {
				b.Fatal(err)
			}
			_, err = w.Writer().Exec("DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4")
			w.Close()
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if db, err = sqlite.Open(ctx, dst); err != nil {
				b.Fatal(err)
			}
		}
	})
	if err := db.Optimize(ctx, true); err != nil { // as serve does once it listens
		b.Fatal(err)
	}
	defer db.Close()
	var ids []int64
	rows, err := db.Reader().QueryContext(ctx, "SELECT id FROM entries WHERE user_id = ? ORDER BY id LIMIT 1000", scaleHeavyID)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	in := func(id int64, i int) journal.EntryInput {
		var in journal.EntryInput
		db.Reader().QueryRowContext(ctx, "SELECT boss_id, occurred_on, kind, summary FROM entries WHERE id = ?", id).
			Scan(&in.BossID, &in.OccurredOn, &in.Kind, &in.Summary)
		in.Notes = fmt.Sprintf("Edited notes %d about the budget meeting and the rollout plan", i)
		in.Practices = []string{"results"}
		return in
	}
	var floor time.Duration
	deleted := 0
	timed := func(b *testing.B, op func(i int) error) time.Duration {
		var took []time.Duration
		i := 0
		for b.Loop() {
			t0 := time.Now()
			if err := op(i); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(t0))
			i++
		}
		slices.Sort(took)
		p50 := took[len(took)/2]
		b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
		if floor > 0 {
			b.ReportMetric(float64(p50)/float64(floor), "x-floor")
		}
		return p50
	}
	// What the search index weighs: its share of the file's pages.
	var index, all float64
	err = db.Reader().QueryRowContext(ctx, `SELECT coalesce(sum(pgsize) FILTER (WHERE name GLOB 'entry_search*'), 0), sum(pgsize) FROM dbstat`).
		Scan(&index, &all)
	if err != nil {
		b.Fatal(err)
	}
	// The floor: the same file and writer, one row changed and committed
	// at synchronous=FULL, no index but the table's own touched.
	b.Run("floor", func(b *testing.B) {
		floor = 0
		floor = timed(b, func(i int) error {
			_, err := db.Writer().ExecContext(ctx, "UPDATE entries SET updated_at = ? WHERE id = ?",
				time.Now().UTC().Format(time.RFC3339Nano), ids[i%len(ids)])
			return err
		})
		b.ReportMetric(100*index/all, "index-%")
		b.ReportMetric(all/1e6, "file-MB")
	})
	b.Run("edit", func(b *testing.B) {
		timed(b, func(i int) error {
			id := ids[i%len(ids)]
			return db.UpdateEntry(ctx, scaleHeavyID, id, in(id, i))
		})
	})
	b.Run("delete", func(b *testing.B) {
		timed(b, func(int) error { // from the end, never one an earlier run (-count) deleted
			deleted++
			return db.DeleteEntry(ctx, scaleHeavyID, ids[len(ids)-deleted])
		})
	})
}

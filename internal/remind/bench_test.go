package remind

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/mailer"
	"github.com/leadup/leadup/internal/sqlite"
)

// seedUsers adds n users in one transaction, each with a boss, a weekly
// 1:1 that reminds, and both mails on; every next time lies a day ahead of
// now, so a pass at now has nothing to do.
func seedUsers(b testing.TB, db *sqlite.DB, n int, now time.Time) {
	b.Helper()
	tx, err := db.Writer().Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	ts := now.UTC().Format(time.RFC3339)
	later := now.Add(24 * time.Hour).Unix()
	for i := range n {
		res, err := tx.Exec(`INSERT INTO users (public_id, email, password_hash, display_name, timezone, created_at, updated_at) VALUES (?, ?, 'x', 'U', 'Europe/Berlin', ?, ?)`,
			fmt.Sprintf("00000000-0000-4000-8000-%012d", i), fmt.Sprintf("u%d@example.com", i), ts, ts)
		if err != nil {
			b.Fatal(err)
		}
		uid, _ := res.LastInsertId()
		res, err = tx.Exec(`INSERT INTO bosses (public_id, user_id, name, relation, created_at, updated_at) VALUES (?, ?, 'Ana', 'manager', ?, ?)`,
			fmt.Sprintf("10000000-0000-4000-8000-%012d", i), uid, ts, ts)
		if err != nil {
			b.Fatal(err)
		}
		bid, _ := res.LastInsertId()
		if _, err := tx.Exec(`INSERT INTO schedules (public_id, user_id, boss_id, weekdays, time, duration_min, every_weeks, starts_on, remind, next_due_at, created_at, updated_at)
			VALUES (?, ?, ?, '1', '10:00', 30, 1, '2026-01-05', 1, ?, ?, ?)`, fmt.Sprintf("20000000-0000-4000-8000-%012d", i), uid, bid, later, ts, ts); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO notification_settings (user_id, weekly_review, weekly_day, weekly_time, followups_digest, digest_time, weekly_next_at, digest_next_at, updated_at)
			VALUES (?, 1, 5, '17:00', 1, '08:00', ?, ?, ?)`, uid, later, later, ts); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Writer().Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkIdlePass measures a pass with every user opted in and nothing
// due, the cost every minute of a quiet server, at 100 and 10,000 users:
// the two should cost about the same.
func BenchmarkIdlePass(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "leadup.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			now := mustTime("2026-11-23T09:00:00Z")
			db.Now = func() time.Time { return now }
			seedUsers(b, db, n, now)
			r, err := New(core.New(db), mailer.New(mailer.Config{Host: "127.0.0.1", Port: 1, TLS: mailer.TLSNone}), "https://example.com", i18n.MustLoad("en"), slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				st, err := r.Pass(context.Background(), now)
				if err != nil || st.Sources != 0 {
					b.Fatalf("idle pass: %+v, %v", st, err)
				}
			}
		})
	}
}

package sqlite

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// BenchmarkSearchLanguages searches one user's 100,000 entries (German and
// English sentences, each entry one of them with a number) by English rules
// and by German ones, through ListEntries as the entries page does, and
// reports the process's CPU time per search beside the wall time (the
// machine is shared).
//
//	go test ./internal/sqlite -run '^$' -bench SearchLanguages -benchtime 200x
func BenchmarkSearchLanguages(b *testing.B) {
	db, u, boss := annAndDana(b)
	ctx := context.Background()
	sentences := []string{
		"Gespräch mit den Mitarbeitern über das Budget",
		"Die Entscheidung zur Größe des Teams fällt im Dezember",
		"Weekly meeting about the launch plan and the hiring budget",
		"Zwei Entscheidungen stehen noch aus, die Übergabe ist geplant",
		"Talked about risks and the next quarter's priorities",
	}
	const entries = 100_000
	start := time.Now()
	tx, err := db.Writer().Begin()
	if err != nil {
		b.Fatal(err)
	}
	for i := range entries {
		_, err := tx.Exec(`INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
			VALUES (?, ?, ?, '2026-01-01', 'other', ?, '', '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z')`,
			fmt.Sprintf("bench-%d", i), u.ID, boss.ID, fmt.Sprintf("%s %d", sentences[i%len(sentences)], i))
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d entries in %s", entries, time.Since(start).Round(time.Millisecond))
	for _, s := range []struct{ name, lang, q string }{
		{"en/Mitarbeiter", "en", "Mitarbeiter"},
		{"de/Mitarbeiter", "de", "Mitarbeiter"},
		{"de/Groesse", "de", "Groesse"},
		{"de/Mitarbeitern-Budgets", "de", "Mitarbeitern Budgets"},
		{"en/meeting", "en", "meeting"},
		{"de/meeting", "de", "meeting"},
	} {
		b.Run(s.name, func(b *testing.B) {
			f := journal.EntryFilter{Query: s.q, Language: s.lang}
			cpu0 := cpuTime(b)
			var n int
			for b.Loop() {
				p, err := db.ListEntries(ctx, u.ID, f)
				if err != nil {
					b.Fatal(err)
				}
				n = p.Count
			}
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(n), "hits")
		})
	}
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

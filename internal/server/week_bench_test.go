package server

import (
	"fmt"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// BenchmarkWeek renders the week page and its JSON for an account with 100
// entries and one with 100,000 over ten years; both have the same recent
// weeks, so the difference is only the size of the journal. A second,
// busy account shares the database so that scoping is real. Each runs
// first with no statistics (stats=none: the plans must be right without
// them), then after ANALYZE.
//
//	go test ./internal/server -run '^$' -bench Week -benchmem
func BenchmarkWeek(b *testing.B) {
	today := time.Now().UTC()
	for _, size := range []int{100, 100_000} {
		app := newTestApp(b)
		c, user := benchUser(app, "bench@example.com")
		_, other := benchUser(app, "other@example.com")
		seedJournal(b, app, user.ID, 100, size-100, today)
		seedJournal(b, app, other.ID, 5000, 5000, today)
		week := journal.WeekOfDate(journal.Today(today, user.Location())).Add(-1).String()
		cookie := c.sessionCookie()
		for _, stats := range []string{"none", "analyze"} {
			if stats == "analyze" {
				analyze(b, app)
			} else if _, err := app.db.Writer().Exec("DROP TABLE IF EXISTS sqlite_stat1"); err != nil {
				b.Fatal(err)
			}
			for _, path := range []string{"/weeks/" + week, "/weeks/" + week + ".json"} {
				b.Run(fmt.Sprintf("stats=%s/entries=%d/%s", stats, size, path[len("/weeks/"+week):]+"page"), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						serveOK(b, app, cookie, path)
					}
				})
			}
		}
	}
}

// benchWeekJSON measures the week's JSON at both sizes of BenchmarkWeek,
// after ANALYZE, with seed adding records to the user's entries.
func benchWeekJSON(b *testing.B, seed func(b testing.TB, app *testApp, userID int64, today time.Time)) {
	today := time.Now().UTC()
	for _, size := range []int{100, 100_000} {
		app := newTestApp(b)
		c, user := benchUser(app, "bench@example.com")
		seedJournal(b, app, user.ID, 100, size-100, today)
		seed(b, app, user.ID, today)
		analyze(b, app)
		path := "/weeks/" + journal.WeekOfDate(journal.Today(today, user.Location())).Add(-1).String() + ".json"
		cookie := c.sessionCookie()
		b.Run(fmt.Sprintf("entries=%d/json", size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				serveOK(b, app, cookie, path)
			}
		})
	}
}

// BenchmarkWeekWithBlocks is BenchmarkWeek with problems and bets on a
// share of the entries, so that the week's problem and bet queries are
// measured at both sizes.
//
//	go test ./internal/server -run '^$' -bench WeekWithBlocks -benchmem
func BenchmarkWeekWithBlocks(b *testing.B) { benchWeekJSON(b, seedBlocksSQL) }

// BenchmarkWeekWithForecasts is BenchmarkWeek with forecasts on a share of
// the entries, so that the week's forecast queries are measured at both
// sizes.
//
//	go test ./internal/server -run '^$' -bench WeekWithForecasts -benchmem
func BenchmarkWeekWithForecasts(b *testing.B) { benchWeekJSON(b, seedForecastsSQL) }

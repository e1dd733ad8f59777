package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// seedBlocksSQL gives every fifth entry of a user a problem (decided when
// older than four weeks) and every seventh a bet (reviewed when its review
// date is older than four weeks), straight in SQL.
func seedBlocksSQL(b *testing.B, app *testApp, userID int64, today time.Time) {
	b.Helper()
	cut := today.AddDate(0, 0, -28).Format(journal.DateLayout)
	stmts := []string{
		`INSERT INTO problems (entry_id, user_id, boss_id, occurred_on, problem, options, recommendation, decision, decided_on)
		 SELECT id, user_id, boss_id, occurred_on, 'Problem ' || id, '["Option A","Option B"]', 'Option A',
		   CASE WHEN occurred_on < ?2 THEN 'taken' ELSE 'open' END, CASE WHEN occurred_on < ?2 THEN occurred_on END
		 FROM entries WHERE user_id = ?1 AND id % 5 = 0`,
		`INSERT INTO bets (entry_id, user_id, boss_id, occurred_on, bet, review_on, outcome, reviewed_on)
		 SELECT id, user_id, boss_id, occurred_on, 'Bet ' || id, date(occurred_on, '+14 days'),
		   CASE WHEN date(occurred_on, '+14 days') < ?2 THEN 'better' END, CASE WHEN date(occurred_on, '+14 days') < ?2 THEN date(occurred_on, '+14 days') END
		 FROM entries WHERE user_id = ?1 AND id % 7 = 0`,
	}
	for _, s := range stmts {
		if _, err := app.db.Writer().Exec(s, userID, cut); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWeekWithBlocks is BenchmarkWeek with problems and bets on a
// share of the entries, so that the week's problem and bet queries are
// measured at both sizes.
//
//	go test ./internal/server -run '^$' -bench WeekWithBlocks -benchmem
func BenchmarkWeekWithBlocks(b *testing.B) {
	today := time.Now().UTC()
	for _, size := range []int{100, 100_000} {
		app := newTestApp(b)
		c := app.client()
		c.signup("bench@example.com")
		user, _ := app.db.FindUserByEmail(context.Background(), "bench@example.com")
		seedJournal(b, app, user.ID, 100, size-100, today)
		seedBlocksSQL(b, app, user.ID, today)
		if _, err := app.db.Writer().Exec("ANALYZE"); err != nil {
			b.Fatal(err)
		}
		week := journal.WeekOfDate(journal.Today(today, user.Location())).Add(-1).String()
		cookie := c.sessionCookie()
		b.Run(fmt.Sprintf("entries=%d/json", size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, "/weeks/"+week+".json", nil)
				req.AddCookie(cookie)
				rec := httptest.NewRecorder()
				app.srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

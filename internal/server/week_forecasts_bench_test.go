package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

// seedForecastsSQL gives every sixth entry of a user a forecast expected
// ten days later, closed when that day is older than four weeks.
func seedForecastsSQL(b *testing.B, app *testApp, userID int64, today time.Time) {
	b.Helper()
	cut := today.AddDate(0, 0, -28).Format(journal.DateLayout)
	_, err := app.db.Writer().Exec(
		`INSERT INTO forecasts (entry_id, user_id, boss_id, occurred_on, forecast, expected_by, likelihood, prepared, noticed_on, result, resolved_on)
		 SELECT id, user_id, boss_id, occurred_on, 'Forecast ' || id, date(occurred_on, '+10 days'), 'medium', 'A plan',
		   date(occurred_on, '-3 days'), CASE WHEN date(occurred_on, '+10 days') < ?2 THEN 'averted' END,
		   CASE WHEN date(occurred_on, '+10 days') < ?2 THEN date(occurred_on, '+10 days') END
		 FROM entries WHERE user_id = ?1 AND id % 6 = 0`, userID, cut)
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkWeekWithForecasts is BenchmarkWeek with forecasts on a share of
// the entries, so that the week's forecast queries are measured at both
// sizes.
//
//	go test ./internal/server -run '^$' -bench WeekWithForecasts -benchmem
func BenchmarkWeekWithForecasts(b *testing.B) {
	today := time.Now().UTC()
	for _, size := range []int{100, 100_000} {
		app := newTestApp(b)
		c := app.client()
		c.signup("bench@example.com")
		user, _ := app.db.FindUserByEmail(context.Background(), "bench@example.com")
		seedJournal(b, app, user.ID, 100, size-100, today)
		seedForecastsSQL(b, app, user.ID, today)
		if _, err := app.db.Writer().Exec("ANALYZE"); err != nil {
			b.Fatal(err)
		}
		week := journal.WeekOfDate(journal.Today(today, user.Location())).Add(-1).String()
		cookie := c.sessionCookie()
		b.Run(fmt.Sprintf("entries=%d/json", size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, "/weeks/"+week+".json", nil)
				req.Host = strings.TrimPrefix(app.ts.URL, "http://") // the host check answers 421 to any other
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

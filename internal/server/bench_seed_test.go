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

// The benchmarks share these seeders: they write a journal straight into
// SQLite, since a hundred thousand entries through the forms would take
// longer than the measurement.

// seededAt is every seeded row's created_at and updated_at.
const seededAt = "2015-01-01T00:00:00.000000000Z"

// journalSeed is what seedEntries writes for one user.
type journalSeed struct {
	dates      []string // one entry a date, "Entry i" for the i-th
	notes      string   // every entry's notes
	priorities bool     // every 7th entry links one of the bosses' priorities
}

// seedEntries writes s for a user in one transaction, under four bosses:
// two practices an entry, and every tenth entry a follow-up (every
// twentieth done).
func seedEntries(b testing.TB, app *testApp, userID int64, s journalSeed) {
	b.Helper()
	tx, err := app.db.Writer().BeginTx(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	// Prepared once: a hundred thousand entries are four hundred thousand
	// inserts.
	prepare := func(q string) func(args ...any) int64 {
		st, err := tx.Prepare(q)
		if err != nil {
			b.Fatal(err)
		}
		return func(args ...any) int64 {
			res, err := st.Exec(args...)
			if err != nil {
				b.Fatal(err)
			}
			id, _ := res.LastInsertId()
			return id
		}
	}
	insBoss := prepare(`INSERT INTO bosses (public_id, user_id, name, relation, created_at, updated_at) VALUES (?, ?, ?, 'manager', ?, ?)`)
	insPriority := prepare(`INSERT INTO priorities (public_id, user_id, boss_id, text, status, noted_on, status_changed_at, created_at)
		VALUES (?, ?, ?, ?, 'active', '2015-01-01', ?, ?)`)
	insEntry := prepare(`INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, notes, priority_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'one_on_one', ?, ?, ?, ?, ?)`)
	insPractice := prepare(`INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on) VALUES (?, ?, ?, ?, ?)`)
	insFollowUp := prepare(`INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, done_at, done_on, created_at)
		VALUES (?, ?, ?, 'Follow up on it', ?, ?, ?, ?, ?)`)

	var bosses, prios []int64
	for i := range 4 {
		boss := insBoss(fmt.Sprintf("boss-%d-%d", userID, i), userID, fmt.Sprintf("Boss %d", i), seededAt, seededAt)
		bosses = append(bosses, boss)
		if s.priorities {
			prios = append(prios, insPriority(fmt.Sprintf("prio-%d-%d", userID, i), userID, boss, fmt.Sprintf("Priority %d", i), seededAt, seededAt))
		}
	}
	keys := journal.PracticeKeys()
	for i, date := range s.dates {
		boss := bosses[i%len(bosses)]
		var prio any
		if s.priorities && i%7 == 0 {
			prio = prios[i%len(prios)]
		}
		id := insEntry(fmt.Sprintf("e-%d-%d", userID, i), userID, boss, date, fmt.Sprintf("Entry %d", i), s.notes, prio, seededAt, seededAt)
		for _, k := range []string{keys[i%6], keys[(i+2)%6]} {
			insPractice(id, k, userID, boss, date)
		}
		if i%10 == 0 {
			var doneAt, doneOn any
			if i%20 == 0 {
				doneAt, doneOn = seededAt, date
			}
			insFollowUp(fmt.Sprintf("f-%d-%d", userID, i), userID, id, []string{"me", "boss"}[i%2], journal.AddDays(date, 7), doneAt, doneOn, seededAt)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// seedJournal writes recent entries spread over the 12 weeks before today
// (the same for every size, so the pages show the same weeks) and history
// entries spread over the ten years before that.
func seedJournal(b testing.TB, app *testApp, userID int64, recent, history int, today time.Time) {
	b.Helper()
	day := func(daysAgo int) string { return today.AddDate(0, 0, -daysAgo).Format(journal.DateLayout) }
	dates := make([]string, 0, recent+history)
	for i := range recent {
		dates = append(dates, day((i*84)/recent))
	}
	for i := range history {
		dates = append(dates, day(85+(i*3650)/history))
	}
	seedEntries(b, app, userID, journalSeed{dates: dates, notes: "Some notes about the meeting."})
}

// seedFiveYears writes n entries spread evenly over the five years ending
// today, every 7th linked to a priority.
func seedFiveYears(b testing.TB, app *testApp, userID int64, n int, today time.Time) {
	b.Helper()
	const days = 5 * 365
	dates := make([]string, n)
	for i := range n {
		dates[i] = today.AddDate(0, 0, -(i*days)/n).Format(journal.DateLayout)
	}
	seedEntries(b, app, userID, journalSeed{dates: dates, priorities: true})
}

// seedBlocksSQL gives every fifth entry of a user a problem (decided when
// older than four weeks) and every seventh a bet (reviewed when its review
// date is older than four weeks), straight in SQL.
func seedBlocksSQL(b testing.TB, app *testApp, userID int64, today time.Time) {
	b.Helper()
	execSeed(b, app, userID, today,
		`INSERT INTO problems (entry_id, user_id, boss_id, occurred_on, problem, options, recommendation, decision, decided_on)
		 SELECT id, user_id, boss_id, occurred_on, 'Problem ' || id, '["Option A","Option B"]', 'Option A',
		   CASE WHEN occurred_on < ?2 THEN 'taken' ELSE 'open' END, CASE WHEN occurred_on < ?2 THEN occurred_on END
		 FROM entries WHERE user_id = ?1 AND id % 5 = 0`,
		`INSERT INTO bets (entry_id, user_id, boss_id, occurred_on, bet, review_on, outcome, reviewed_on)
		 SELECT id, user_id, boss_id, occurred_on, 'Bet ' || id, date(occurred_on, '+14 days'),
		   CASE WHEN date(occurred_on, '+14 days') < ?2 THEN 'better' END, CASE WHEN date(occurred_on, '+14 days') < ?2 THEN date(occurred_on, '+14 days') END
		 FROM entries WHERE user_id = ?1 AND id % 7 = 0`)
}

// seedForecastsSQL gives every sixth entry of a user a forecast expected
// ten days later, closed when that day is older than four weeks.
func seedForecastsSQL(b testing.TB, app *testApp, userID int64, today time.Time) {
	b.Helper()
	execSeed(b, app, userID, today,
		`INSERT INTO forecasts (entry_id, user_id, boss_id, occurred_on, forecast, expected_by, likelihood, prepared, noticed_on, result, resolved_on)
		 SELECT id, user_id, boss_id, occurred_on, 'Forecast ' || id, date(occurred_on, '+10 days'), 'medium', 'A plan',
		   date(occurred_on, '-3 days'), CASE WHEN date(occurred_on, '+10 days') < ?2 THEN 'averted' END,
		   CASE WHEN date(occurred_on, '+10 days') < ?2 THEN date(occurred_on, '+10 days') END
		 FROM entries WHERE user_id = ?1 AND id % 6 = 0`)
}

// execSeed runs each statement with ?1 the user and ?2 the day four weeks
// before today, the line between closed and open records.
func execSeed(b testing.TB, app *testApp, userID int64, today time.Time, stmts ...string) {
	b.Helper()
	cut := today.AddDate(0, 0, -28).Format(journal.DateLayout)
	for _, s := range stmts {
		if _, err := app.db.Writer().Exec(s, userID, cut); err != nil {
			b.Fatal(err)
		}
	}
}

// analyze runs ANALYZE, for benchmarks that measure with statistics.
func analyze(b testing.TB, app *testApp) {
	b.Helper()
	if _, err := app.db.Writer().Exec("ANALYZE"); err != nil {
		b.Fatal(err)
	}
}

// benchUser signs email up in app and returns its browser and account.
func benchUser(app *testApp, email string) (*client, *journal.User) {
	app.t.Helper()
	c := app.signedUp(email)
	return c, app.user(email)
}

// serveOK serves GET path as the cookie's user through the router, and
// fails unless it answers 200.
func serveOK(b testing.TB, app *testApp, cookie *http.Cookie, path string) *httptest.ResponseRecorder {
	b.Helper()
	req := newLocalRequest(http.MethodGet, path)
	req.AddCookie(cookie)
	rec := httptest.NewRecorder()
	app.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s: status %d\n%.300s", path, rec.Code, rec.Body.String())
	}
	return rec
}

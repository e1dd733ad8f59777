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

// seedFiveYears writes n entries for a user spread evenly over the five
// years ending today, straight into SQLite in one transaction: two practices
// each, every 10th with a follow-up (half of them kept), every 7th linked to
// one of the bosses' priorities.
func seedFiveYears(b *testing.B, app *testApp, userID int64, n int, today time.Time) {
	b.Helper()
	ctx := context.Background()
	tx, err := app.db.Writer().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	const ts = "2021-01-01T00:00:00.000000000Z"
	var bosses, prios []int64
	for i := range 4 {
		res, err := tx.Exec(`INSERT INTO bosses (public_id, user_id, name, relation, created_at, updated_at) VALUES (?, ?, ?, 'manager', ?, ?)`,
			fmt.Sprintf("rb-%d-%d", userID, i), userID, fmt.Sprintf("Boss %d", i), ts, ts)
		if err != nil {
			b.Fatal(err)
		}
		id, _ := res.LastInsertId()
		bosses = append(bosses, id)
		res, err = tx.Exec(`INSERT INTO priorities (public_id, user_id, boss_id, text, status, noted_on, status_changed_at, created_at) VALUES (?, ?, ?, ?, 'active', '2021-01-01', ?, ?)`,
			fmt.Sprintf("rp-%d-%d", userID, i), userID, id, fmt.Sprintf("Priority %d", i), ts, ts)
		if err != nil {
			b.Fatal(err)
		}
		pid, _ := res.LastInsertId()
		prios = append(prios, pid)
	}
	insEntry, _ := tx.Prepare(`INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, priority_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'one_on_one', ?, ?, ?, ?)`)
	insPractice, _ := tx.Prepare(`INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on) VALUES (?, ?, ?, ?, ?)`)
	insFollowUp, _ := tx.Prepare(`INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, done_at, done_on, created_at)
		VALUES (?, ?, ?, 'Follow up on it', ?, ?, ?, ?, ?)`)
	keys := journal.PracticeKeys()
	days := 5 * 365
	for i := range n {
		date := today.AddDate(0, 0, -(i*days)/n).Format(journal.DateLayout)
		boss := bosses[i%len(bosses)]
		var prio any
		if i%7 == 0 {
			prio = prios[i%len(prios)]
		}
		res, err := insEntry.Exec(fmt.Sprintf("re-%d-%d", userID, i), userID, boss, date, fmt.Sprintf("Entry %d", i), prio, ts, ts)
		if err != nil {
			b.Fatal(err)
		}
		id, _ := res.LastInsertId()
		for _, k := range []string{keys[i%6], keys[(i+2)%6]} {
			if _, err := insPractice.Exec(id, k, userID, boss, date); err != nil {
				b.Fatal(err)
			}
		}
		if i%10 == 0 {
			var doneAt, doneOn any
			if i%20 == 0 {
				doneAt, doneOn = ts, date
			}
			if _, err := insFollowUp.Exec(fmt.Sprintf("rf-%d-%d", userID, i), userID, id, []string{"me", "boss"}[i%2], journal.AddDays(date, 7), doneAt, doneOn, ts); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkReview renders /review and /review.json over five years for an
// account with 100 entries and one with 100,000 in those years. A busy
// second account shares the database. No ANALYZE: the plans must hold
// without statistics.
//
//	go test ./internal/server -run '^$' -bench Review -benchtime 50x
func BenchmarkReview(b *testing.B) {
	today := time.Now().UTC()
	for _, size := range []int{100, 100_000} {
		app := newTestApp(b)
		c := app.client()
		c.signup("bench@example.com")
		other := app.client()
		other.signup("other@example.com")
		user, _ := app.db.FindUserByEmail(context.Background(), "bench@example.com")
		otherUser, _ := app.db.FindUserByEmail(context.Background(), "other@example.com")
		seedFiveYears(b, app, user.ID, size, today)
		seedFiveYears(b, app, otherUser.ID, 10_000, today)
		local := journal.Today(today, user.Location())
		q := "?from=" + journal.AddDays(local, -5*365) + "&to=" + local
		cookie := c.sessionCookie()
		for _, path := range []string{"/review" + q, "/review.json" + q, "/review.md" + q} {
			name := path[:len(path)-len(q)]
			b.Run(fmt.Sprintf("entries=%d%s", size, name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					req := httptest.NewRequest(http.MethodGet, path, nil)
					req.Host = "127.0.0.1" // only IP literals and localhost are served without LEADUP_BASE_URL
					req.AddCookie(cookie)
					rec := httptest.NewRecorder()
					app.srv.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("status %d: %.300s", rec.Code, rec.Body.String())
					}
				}
			})
		}
	}
}

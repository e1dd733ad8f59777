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

// seedJournal writes entries for a user straight into SQLite, in one
// transaction: recent ones spread over the 12 weeks before today (the same
// for every size, so the pages show the same weeks) and the rest spread
// over the ten years before that. Every entry has two practices, and every
// tenth a follow-up.
func seedJournal(b *testing.B, app *testApp, userID int64, recent, history int, today time.Time) {
	b.Helper()
	ctx := context.Background()
	tx, err := app.db.Writer().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	var bossIDs []int64
	for i := range 4 {
		res, err := tx.Exec(`INSERT INTO bosses (public_id, user_id, name, relation, created_at, updated_at)
			VALUES (?, ?, ?, 'manager', '2015-01-01T00:00:00.000000000Z', '2015-01-01T00:00:00.000000000Z')`,
			fmt.Sprintf("boss-%d-%d", userID, i), userID, fmt.Sprintf("Boss %d", i))
		if err != nil {
			b.Fatal(err)
		}
		id, _ := res.LastInsertId()
		bossIDs = append(bossIDs, id)
	}
	insEntry, _ := tx.Prepare(`INSERT INTO entries (public_id, user_id, boss_id, occurred_on, kind, summary, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'one_on_one', ?, 'Some notes about the meeting.', '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z')`)
	insPractice, _ := tx.Prepare(`INSERT INTO entry_practices (entry_id, practice, user_id, boss_id, occurred_on) VALUES (?, ?, ?, ?, ?)`)
	insFollowUp, _ := tx.Prepare(`INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, done_at, done_on, created_at)
		VALUES (?, ?, ?, 'Follow up on it', ?, ?, ?, ?, '2026-01-01T00:00:00.000000000Z')`)
	keys := journal.PracticeKeys()
	add := func(i int, date string) {
		boss := bossIDs[i%len(bossIDs)]
		res, err := insEntry.Exec(fmt.Sprintf("e-%d-%d", userID, i), userID, boss, date, fmt.Sprintf("Entry %d", i))
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
				doneAt, doneOn = "2026-01-01T00:00:00.000000000Z", date
			}
			owner := []string{"me", "boss"}[i%2]
			if _, err := insFollowUp.Exec(fmt.Sprintf("f-%d-%d", userID, i), userID, id, owner, journal.AddDays(date, 7), doneAt, doneOn); err != nil {
				b.Fatal(err)
			}
		}
	}
	day := func(t time.Time) string { return t.Format(journal.DateLayout) }
	for i := range recent {
		add(i, day(today.AddDate(0, 0, -(i*84)/recent)))
	}
	for i := range history {
		add(recent+i, day(today.AddDate(0, 0, -85-(i*3650)/history)))
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

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
		c := app.client()
		c.signup("bench@example.com")
		other := app.client()
		other.signup("other@example.com")
		user, _ := app.db.FindUserByEmail(context.Background(), "bench@example.com")
		otherUser, _ := app.db.FindUserByEmail(context.Background(), "other@example.com")
		seedJournal(b, app, user.ID, 100, size-100, today)
		seedJournal(b, app, otherUser.ID, 5000, 5000, today)
		week := journal.WeekOfDate(journal.Today(today, user.Location())).Add(-1).String()
		cookie := c.sessionCookie()
		for _, stats := range []string{"none", "analyze"} {
			q := "DROP TABLE IF EXISTS sqlite_stat1"
			if stats == "analyze" {
				q = "ANALYZE"
			}
			if _, err := app.db.Writer().Exec(q); err != nil {
				b.Fatal(err)
			}
			for _, path := range []string{"/weeks/" + week, "/weeks/" + week + ".json"} {
				b.Run(fmt.Sprintf("stats=%s/entries=%d/%s", stats, size, path[len("/weeks/"+week):]+"page"), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						req := newLocalRequest(http.MethodGet, path)
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
	}
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/migrations"
)

// The oracle: the rules of a promise written out in Go, to hold the SQL
// that defines them (migration 00016) and everything that reads it to.
//
//   - On time: done on or before the first due date (the due date when it
//     never moved); after it, late. A promise that never had a due date is
//     not judged: done, it is neither on time nor late.
//   - Overdue: open (not done, not withdrawn) and its current due date is
//     before today in the user's zone.
//   - Withdrawn wins over every other state.
//   - A promise belongs to the period holding its first due date, or the
//     day of its entry when it has none.

// oraclePromise is one follow-up as the oracle reads it: its own columns.
type oraclePromise struct {
	ID, UserID, BossID, EntryID int64
	Owner                       string
	MadeOn                      string // the entry's date
	DueOn, FirstDue, DoneOn     string // "" for NULL
	Withdrawn                   bool
}

func (p oraclePromise) judgedOn() string {
	if p.FirstDue != "" {
		return p.FirstDue
	}
	return p.DueOn
}

// settled is the state that no longer changes with the day: "open",
// "on_time", "late", "unjudged" or "withdrawn".
func (p oraclePromise) settled() string {
	switch {
	case p.Withdrawn:
		return "withdrawn"
	case p.DoneOn == "":
		return "open"
	case p.judgedOn() == "":
		return "unjudged"
	case p.DoneOn <= p.judgedOn():
		return "on_time"
	}
	return "late"
}

func (p oraclePromise) overdue(today string) bool {
	return !p.Withdrawn && p.DoneOn == "" && p.DueOn != "" && p.DueOn < today
}

func (p oraclePromise) periodDate() string {
	if d := p.judgedOn(); d != "" {
		return d
	}
	return p.MadeOn
}

// oracleCounts are one side's counts, as the ledger shows them.
type oracleCounts struct {
	Due, OnTime, Late, Overdue, Open, Withdrawn, Total int
}

type oracleLedger struct{ Me, Boss oracleCounts }

// ledgerOfOracle counts the promises of the period (of one boss when bossID
// is set), judged on today.
func ledgerOfOracle(ps []oraclePromise, bossID int64, from, to, today string) oracleLedger {
	var l oracleLedger
	for _, p := range ps {
		if d := p.periodDate(); d < from || d > to || (bossID != 0 && p.BossID != bossID) {
			continue
		}
		c := &l.Me
		if p.Owner == "boss" {
			c = &l.Boss
		}
		c.Total++
		switch s := p.settled(); {
		case s == "withdrawn":
			c.Withdrawn++
		case s == "on_time":
			c.Due++
			c.OnTime++
		case s == "late":
			c.Due++
			c.Late++
		case s == "open" && p.overdue(today):
			c.Due++
			c.Overdue++
		case s == "open":
			c.Open++
		}
	}
	return l
}

// ledgerSeen is what the store's ledger shows, in the oracle's terms.
func ledgerSeen(l journal.Ledger) oracleLedger {
	side := func(c journal.PromiseCounts) oracleCounts {
		return oracleCounts{Due: c.Due, OnTime: c.OnTime, Late: c.Late, Overdue: c.Overdue, Open: c.Open, Withdrawn: c.Withdrawn}
	}
	out := oracleLedger{Me: side(l.Me), Boss: side(l.Boss)}
	out.Me.Total = l.Total() // both sides: compared with the oracle's sum below
	return out
}

func sameLedger(got journal.Ledger, want oracleLedger) bool {
	return ledgerSeen(got) == bothSides(want)
}

// bothSides moves the oracle's totals to Me.Total, as ledgerSeen has them.
func bothSides(l oracleLedger) oracleLedger {
	l.Me.Total, l.Boss.Total = l.Me.Total+l.Boss.Total, 0
	return l
}

// oracleRows reads every follow-up of the user, withdrawn ones included.
func oracleRows(t *testing.T, db *DB, userID int64) []oraclePromise {
	t.Helper()
	rows, err := db.Reader().Query(`SELECT f.id, f.user_id, e.boss_id, f.entry_id, f.owner, e.occurred_on,
		coalesce(f.due_on, ''), coalesce(f.first_due_on, ''), coalesce(f.done_on, ''), f.withdrawn_at IS NOT NULL
		FROM followups f JOIN entries e ON e.id = f.entry_id WHERE f.user_id = ? ORDER BY f.id`, userID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ps []oraclePromise
	for rows.Next() {
		var p oraclePromise
		if err := rows.Scan(&p.ID, &p.UserID, &p.BossID, &p.EntryID, &p.Owner, &p.MadeOn, &p.DueOn, &p.FirstDue, &p.DoneOn, &p.Withdrawn); err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ps
}

// promiseUser is one account of the test, with today in its zone.
type promiseUser struct {
	id      int64
	today   string
	bosses  []int64
	entries []*journal.Entry
}

// TestPromiseRulesMatchOracle seeds varied promises for two accounts whose
// zones put them on different days (undated; done early, on the day, late;
// the first due date moved later, earlier, or the date removed; open
// overdue and not; withdrawn), changes them the ways the app does, and
// after each change holds to the oracle, row by row: the columns of
// migration 00016, the overdue flags and counts of the home, follow-ups and
// week pages, the promise ledger (week, review, boss and prep pages) for
// whole and partial months and per boss, the review's kept-on-time
// evidence, and the monthly totals the triggers keep — also once a
// migration has rebuilt them.
func TestPromiseRulesMatchOracle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	w := f.db.Writer()
	// 11:30 UTC: already the 26th in Kiritimati (UTC+14), still the 25th in
	// Pago Pago (UTC-11).
	now := time.Date(2026, 11, 25, 11, 30, 0, 0, time.UTC)
	users := []*promiseUser{{id: f.ann.ID, bosses: []int64{f.annBoss.ID}}, {id: f.bob.ID, bosses: []int64{f.bobBoss.ID}}}
	for i, zone := range []string{"Pacific/Kiritimati", "Pacific/Pago_Pago"} {
		if _, err := w.Exec("UPDATE users SET timezone = ? WHERE id = ?", zone, users[i].id); err != nil {
			t.Fatal(err)
		}
		u, err := f.db.FindUserByID(ctx, users[i].id)
		if err != nil {
			t.Fatal(err)
		}
		users[i].today = journal.Today(now, u.Location())
	}
	if users[0].today != "2026-11-26" || users[1].today != "2026-11-25" {
		t.Fatalf("today %s and %s, want the 26th and the 25th", users[0].today, users[1].today)
	}
	second := f.boss(t, "Lee", "skip_level")
	users[0].bosses = append(users[0].bosses, second.ID)

	for _, u := range users {
		for i, d := range []string{"2026-08-20", "2026-09-30", "2026-10-15", "2026-11-03", journal.AddDays(u.today, -2), u.today} {
			e, err := f.db.CreateEntry(ctx, u.id, entryIn(u.bosses[i%len(u.bosses)], d, "responsibility", "results"))
			if err != nil {
				t.Fatal(err)
			}
			u.entries = append(u.entries, e)
		}
		seedPromises(t, w, u)
	}

	// The seed covers every case the rules tell apart, for each user.
	for _, u := range users {
		seen := map[string]bool{}
		for _, p := range oracleRows(t, f.db, u.id) {
			seen[p.settled()] = true
			switch {
			case p.overdue(u.today) && p.FirstDue >= u.today:
				seen["overdue by a date moved earlier"] = true
			case p.settled() == "open" && !p.overdue(u.today) && p.FirstDue != "" && p.FirstDue < u.today:
				seen["past its first date, not its moved one"] = true
			case p.overdue(u.today):
				seen["overdue"] = true
			}
			// Open and due on the 25th: overdue in Kiritimati, not in Pago Pago.
			if p.settled() == "open" && p.DueOn == "2026-11-25" && p.overdue(u.today) != (u.id == f.ann.ID) {
				t.Fatalf("user %d: %+v judged in the wrong zone", u.id, p)
			}
		}
		if len(seen) != 8 {
			t.Fatalf("user %d: the seed covers %v", u.id, seen)
		}
	}

	check := func(t *testing.T) {
		for _, u := range users {
			checkPromiseRules(t, f.db, u)
		}
	}
	t.Run("created", check)

	// Changes through the store, as the pages make them.
	change := func(name string, fn func(u *promiseUser, ps []oraclePromise) error) {
		for _, u := range users {
			if err := fn(u, oracleRows(t, f.db, u.id)); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		t.Run(name, check)
	}
	each := func(ps []oraclePromise, keep func(i int, p oraclePromise) bool, fn func(p oraclePromise) error) error {
		for i, p := range ps {
			if keep(i, p) {
				if err := fn(p); err != nil {
					return err
				}
			}
		}
		return nil
	}
	input := func(p oraclePromise, owner, due string) journal.FollowUpInput {
		return journal.FollowUpInput{Text: "promise", Owner: owner, DueOn: due}
	}
	change("open ones kept today", func(u *promiseUser, ps []oraclePromise) error {
		return each(ps, func(i int, p oraclePromise) bool { return i%3 == 0 && p.DoneOn == "" && !p.Withdrawn }, func(p oraclePromise) error {
			_, err := f.db.SetFollowUpDone(ctx, u.id, p.ID, journal.DoneAt(now, u.today))
			return err
		})
	})
	change("kept ones reopened", func(u *promiseUser, ps []oraclePromise) error {
		return each(ps, func(i int, p oraclePromise) bool { return i%4 == 1 && p.DoneOn != "" && !p.Withdrawn }, func(p oraclePromise) error {
			_, err := f.db.SetFollowUpDone(ctx, u.id, p.ID, journal.Reopened())
			return err
		})
	})
	change("dates moved later (the first stays)", func(u *promiseUser, ps []oraclePromise) error {
		return each(ps, func(i int, p oraclePromise) bool { return i%5 == 2 && p.DueOn != "" && !p.Withdrawn }, func(p oraclePromise) error {
			return f.db.UpdateFollowUp(ctx, u.id, p.ID, input(p, p.Owner, journal.AddDays(p.DueOn, 9)))
		})
	})
	change("undated ones given a date", func(u *promiseUser, ps []oraclePromise) error {
		return each(ps, func(i int, p oraclePromise) bool { return i%2 == 0 && p.judgedOn() == "" && !p.Withdrawn }, func(p oraclePromise) error {
			return f.db.UpdateFollowUp(ctx, u.id, p.ID, input(p, p.Owner, journal.AddDays(u.today, -3)))
		})
	})
	change("dates removed", func(u *promiseUser, ps []oraclePromise) error {
		return each(ps, func(i int, p oraclePromise) bool { return i%7 == 3 && p.DueOn != "" && !p.Withdrawn }, func(p oraclePromise) error {
			return f.db.UpdateFollowUp(ctx, u.id, p.ID, input(p, p.Owner, ""))
		})
	})
	change("owners swapped", func(u *promiseUser, ps []oraclePromise) error {
		return each(ps, func(i int, p oraclePromise) bool { return i%6 == 4 && !p.Withdrawn }, func(p oraclePromise) error {
			return f.db.UpdateFollowUp(ctx, u.id, p.ID, input(p, map[string]string{"me": "boss", "boss": "me"}[p.Owner], p.DueOn))
		})
	})
	change("withdrawn", func(u *promiseUser, ps []oraclePromise) error {
		return each(ps, func(i int, p oraclePromise) bool { return i%8 == 5 && !p.Withdrawn }, func(p oraclePromise) error {
			return f.db.WithdrawFollowUp(ctx, u.id, p.ID, now)
		})
	})
	change("an entry deleted", func(u *promiseUser, _ []oraclePromise) error {
		return f.db.DeleteEntry(ctx, u.id, u.entries[1].ID)
	})

	// The migration rebuilds the monthly totals from the rows.
	p, err := newProvider(w, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 15); err != nil {
		t.Fatalf("down: %v", err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up: %v", err)
	}
	t.Run("rebuilt by the migration", check)
}

// seedPromises inserts one promise per combination of due date (none,
// long past, yesterday, today, tomorrow, next month), how its date moved
// (not, later, earlier, removed) and when it was done (open, early, on the
// day, late; never after today), every fifth withdrawn, over the user's
// entries and both sides.
func seedPromises(t *testing.T, w *sql.DB, u *promiseUser) {
	t.Helper()
	nullable := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	n := 0
	add := func(due, first, done string) {
		e := u.entries[n%len(u.entries)]
		owner := []string{"me", "boss"}[(n/7)%2] // not in step with the entries
		var doneAt, withdrawn any
		if done != "" {
			doneAt = done + "T12:00:00Z"
		}
		if n%5 == 0 {
			withdrawn = "2026-11-01T00:00:00Z"
		}
		n++
		_, err := w.Exec(`INSERT INTO followups (public_id, user_id, entry_id, text, owner, due_on, first_due_on, done_at, done_on, withdrawn_at, created_at)
			VALUES (lower(hex(randomblob(8))), ?, ?, 'promise', ?, ?, ?, ?, ?, ?, '2026-08-01T00:00:00Z')`,
			u.id, e.ID, owner, nullable(due), nullable(first), doneAt, nullable(done), withdrawn)
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, done := range []string{"", "2026-09-01", journal.AddDays(u.today, -1), u.today} {
		add("", "", done)
	}
	for _, d := range []int{-40, -1, 0, 1, 30} {
		due := journal.AddDays(u.today, d)
		for _, mv := range []struct{ due, first string }{
			{due, due},                      // never moved
			{due, journal.AddDays(due, -5)}, // moved later
			{due, journal.AddDays(due, 3)},  // moved earlier
			{"", due},                       // date removed
			{journal.AddDays(due, 20), due}, // moved into another month
		} {
			judged := mv.first
			for _, done := range []string{"", journal.AddDays(judged, -1), judged, journal.AddDays(judged, 1)} {
				if done > u.today {
					continue
				}
				add(mv.due, mv.first, done)
			}
		}
	}
}

// checkPromiseRules holds what the store says of one user's promises to
// the oracle.
func checkPromiseRules(t *testing.T, db *DB, u *promiseUser) {
	t.Helper()
	ctx := context.Background()
	today := u.today
	ps := oracleRows(t, db, u.id)
	byID := map[int64]oraclePromise{}
	overdue := 0
	for _, p := range ps {
		byID[p.ID] = p
		if p.overdue(today) {
			overdue++
		}
	}

	// The columns, row by row.
	rows, err := db.Reader().Query(`SELECT id, coalesce(judged_on, ''), promise_state, coalesce(overdue_after < ?, 0)
		FROM followups WHERE user_id = ?`, today, u.id)
	if err != nil {
		t.Errorf("the rule's columns: %v", err)
	}
	for err == nil && rows.Next() {
		var id int64
		var judged, state string
		var late bool
		if err := rows.Scan(&id, &judged, &state, &late); err != nil {
			t.Fatal(err)
		}
		p := byID[id]
		if judged != p.judgedOn() || state != p.settled() || late != p.overdue(today) {
			t.Errorf("user %d follow-up %+v: judged_on %q, state %s, overdue %v; oracle %q, %s, %v",
				u.id, p, judged, state, late, p.judgedOn(), p.settled(), p.overdue(today))
		}
	}
	if err == nil {
		rows.Close()
	}

	// Overdue flags and counts: home, follow-ups, entry and week pages.
	home, err := db.WeekGlance(ctx, u.id, journal.WeekOfDate(today), today)
	if err != nil {
		t.Fatal(err)
	}
	if home.Overdue != overdue {
		t.Errorf("user %d home: %d overdue, oracle %d", u.id, home.Overdue, overdue)
	}
	week, err := db.WeekSummary(ctx, u.id, journal.WeekOfDate(today), today)
	if err != nil {
		t.Fatal(err)
	}
	if week.FollowUps.Overdue != overdue {
		t.Errorf("user %d week: %d overdue, oracle %d", u.id, week.FollowUps.Overdue, overdue)
	}
	open, err := db.FindOpenFollowUps(ctx, u.id, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	listed := open
	entryFollowUps := 0
	for _, e := range u.entries {
		if full, err := db.FindEntry(ctx, u.id, e.ID); err == nil { // one was deleted
			listed = append(listed, full.FollowUps...)
			entryFollowUps += len(full.FollowUps)
		}
	}
	if entryFollowUps == 0 {
		t.Errorf("user %d: the entry pages list no follow-up", u.id)
	}
	flagged := 0
	for _, fu := range open {
		if fu.Overdue(today) {
			flagged++
		}
	}
	if flagged != overdue {
		t.Errorf("user %d follow-ups page: %d flagged overdue, oracle %d", u.id, flagged, overdue)
	}
	for _, fu := range listed {
		if p := byID[fu.ID]; fu.Overdue(today) != p.overdue(today) {
			t.Errorf("user %d follow-up %+v: flagged overdue %v, oracle %v", u.id, p, fu.Overdue(today), p.overdue(today))
		}
	}

	// The ledger, for every boss and for each.
	wk := journal.WeekOfDate(today)
	periods := [][2]string{
		{"2026-08-01", "2026-12-31"}, {"2026-09-15", journal.AddDays(today, 1)}, {wk.Start, wk.End},
		{"2026-10-01", "2026-10-31"}, {today, today}, {journal.QuarterStart(today), journal.QuarterEnd(today)},
	}
	for _, r := range periods {
		for _, bossID := range append([]int64{0}, u.bosses...) {
			want := ledgerOfOracle(ps, bossID, r[0], r[1], today)
			tx, err := db.Reader().BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			gs, err := promiseGroups(ctx, tx, u.id, bossID, r[0], r[1], today)
			tx.Rollback()
			if err != nil {
				t.Fatal(err)
			}
			if got := journal.LedgerOf(gs); !sameLedger(got, want) {
				t.Errorf("user %d boss %d %s..%s: ledger %+v, oracle %+v", u.id, bossID, r[0], r[1], ledgerSeen(got), bothSides(want))
			}
			rv, err := db.ReviewData(ctx, u.id, journal.ReviewFilter{From: r[0], To: r[1], BossID: bossID}, today)
			if err != nil {
				t.Fatal(err)
			}
			if !sameLedger(rv.Promises, want) {
				t.Errorf("user %d boss %d %s..%s: review ledger %+v, oracle %+v", u.id, bossID, r[0], r[1], ledgerSeen(rv.Promises), bothSides(want))
			}
			// The review's evidence: follow-ups kept on time, per entry.
			for _, rp := range rv.Practices {
				for _, ev := range rp.Entries {
					kept := 0
					for _, p := range ps {
						if p.EntryID == ev.Entry.ID && p.settled() == "on_time" {
							kept++
						}
					}
					if ev.Kept != kept {
						t.Errorf("user %d review %s..%s entry %s: %d kept on time, oracle %d", u.id, r[0], r[1], ev.Entry.OccurredOn, ev.Kept, kept)
					}
				}
			}
		}
	}
	if want := ledgerOfOracle(ps, 0, wk.Start, wk.End, today); !sameLedger(week.Promises, want) {
		t.Errorf("user %d week ledger %+v, oracle %+v", u.id, ledgerSeen(week.Promises), bothSides(want))
	}

	// The monthly totals the triggers keep: settled, dated promises per
	// month of the first due date, side and state.
	wantMonths := map[string]int{}
	for _, p := range ps {
		if s := p.settled(); p.judgedOn() != "" && s != "open" {
			wantMonths[fmt.Sprintf("%s %s %s", p.judgedOn()[:7], p.Owner, s)]++
		}
	}
	gotMonths := map[string]int{}
	mrows, err := db.Reader().Query("SELECT month, owner, state, n FROM promise_months WHERE user_id = ?", u.id)
	if err != nil {
		t.Errorf("monthly totals: %v", err)
	}
	for err == nil && mrows.Next() {
		var m, owner, state string
		var n int
		if err := mrows.Scan(&m, &owner, &state, &n); err != nil {
			t.Fatal(err)
		}
		gotMonths[m+" "+owner+" "+state] = n
	}
	if err == nil {
		mrows.Close()
	}
	if fmt.Sprint(sortedCounts(gotMonths)) != fmt.Sprint(sortedCounts(wantMonths)) {
		t.Errorf("user %d monthly totals\n%v\noracle\n%v", u.id, sortedCounts(gotMonths), sortedCounts(wantMonths))
	}
}

func sortedCounts(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k, n := range m {
		out = append(out, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(out)
	return out
}

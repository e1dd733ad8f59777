package sqlite

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

type fixture struct {
	db        *DB
	ann, bob  *journal.User
	annBoss   *journal.Boss
	bobBoss   *journal.Boss
	annActive *journal.Priority
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := newTestDB(t)
	ctx := context.Background()
	f := &fixture{db: db}
	f.ann, _ = db.CreateUser(ctx, signup("ann@example.com"), "h", CreateUserOptions{})
	f.bob, _ = db.CreateUser(ctx, signup("bob@example.com"), "h", CreateUserOptions{})
	var err error
	if f.annBoss, err = db.CreateBoss(ctx, f.ann.ID, journal.BossInput{Name: "Dana", Relation: "manager"}); err != nil {
		t.Fatal(err)
	}
	f.bobBoss, _ = db.CreateBoss(ctx, f.bob.ID, journal.BossInput{Name: "Eve", Relation: "executive"})
	if f.annActive, err = db.CreatePriority(ctx, f.ann.ID, f.annBoss.ID, "Ship the Q4 plan", "2026-11-01"); err != nil {
		t.Fatal(err)
	}
	return f
}

func entryIn(bossID int64, date string, practices ...string) journal.EntryInput {
	return journal.EntryInput{BossID: bossID, OccurredOn: date, Kind: "one_on_one", Summary: "Talked on " + date, Practices: practices}
}

func TestEntryLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(f.annBoss.ID, "2026-11-20", "results", "solutions")
	in.Notes = "**bold** notes"
	in.PriorityID = f.annActive.ID
	e, err := f.db.CreateEntry(ctx, f.ann.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if e.BossName != "Dana" || e.PriorityText != "Ship the Q4 plan" || e.Notes != "**bold** notes" || len(e.PublicID) != 36 {
		t.Errorf("created %+v", e)
	}
	if want := []string{"results", "solutions"}; !reflect.DeepEqual(e.Practices, want) {
		t.Errorf("practices %v, want %v", e.Practices, want)
	}

	upd := entryIn(f.annBoss.ID, "2026-11-21", "team")
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, upd); err != nil {
		t.Fatal(err)
	}
	got, _ := f.db.FindEntry(ctx, f.ann.ID, e.ID)
	if got.OccurredOn != "2026-11-21" || got.PriorityID != 0 || !reflect.DeepEqual(got.Practices, []string{"team"}) {
		t.Errorf("after update %+v", got)
	}
	var n int
	f.db.Reader().QueryRow("SELECT count(*) FROM entry_practices WHERE entry_id = ? AND occurred_on = '2026-11-21'", e.ID).Scan(&n)
	if n != 1 {
		t.Errorf("entry_practices rows in step: %d, want 1", n)
	}

	fu, err := f.db.CreateFollowUp(ctx, f.ann.ID, e.ID, journal.FollowUpInput{Text: "Send deck", Owner: "me", DueOn: "2026-11-25"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.db.DeleteEntry(ctx, f.ann.ID, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.FindEntry(ctx, f.ann.ID, e.ID); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("deleted entry: %v", err)
	}
	if _, err := f.db.FindFollowUp(ctx, f.ann.ID, fu.ID); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("follow-up of a deleted entry: %v", err)
	}
	f.db.Reader().QueryRow("SELECT count(*) FROM entry_practices").Scan(&n)
	if n != 0 {
		t.Errorf("entry_practices left: %d", n)
	}
}

func TestEntryNewBossInOneTransaction(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(0, "2026-11-20", "risk")
	in.NewBossName = "Frank"
	e, err := f.db.CreateEntry(ctx, f.ann.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.db.FindBoss(ctx, f.ann.ID, e.BossID)
	if err != nil || b.Name != "Frank" || b.Relation != "manager" {
		t.Errorf("new boss %+v, %v", b, err)
	}
	// A new boss with a priority of another boss fails, and the boss is not kept.
	in.NewBossName = "Gina"
	in.PriorityID = f.annActive.ID
	if _, err := f.db.CreateEntry(ctx, f.ann.ID, in); journal.ErrorCode(err) != journal.EINVALID {
		t.Fatalf("got %v, want EINVALID", err)
	}
	bosses, _ := f.db.FindBosses(ctx, f.ann.ID, true)
	for _, b := range bosses {
		if b.Name == "Gina" {
			t.Error("the failed entry's new boss was written")
		}
	}
}

func TestEntryScoping(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e, _ := f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, "2026-11-20", "results"))
	bobs := f.bob.ID
	if _, err := f.db.FindEntry(ctx, bobs, e.ID); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob reads ann's entry: %v", err)
	}
	if err := f.db.UpdateEntry(ctx, bobs, e.ID, entryIn(f.bobBoss.ID, "2026-11-20", "team")); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob updates ann's entry: %v", err)
	}
	if err := f.db.DeleteEntry(ctx, bobs, e.ID); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob deletes ann's entry: %v", err)
	}
	if _, err := f.db.CreateEntry(ctx, bobs, entryIn(f.annBoss.ID, "2026-11-20", "team")); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob attaches an entry to ann's boss: %v", err)
	}
	in := entryIn(f.bobBoss.ID, "2026-11-20", "team")
	in.PriorityID = f.annActive.ID
	if _, err := f.db.CreateEntry(ctx, bobs, in); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob links ann's priority: %v", err)
	}
	if _, err := f.db.CreateFollowUp(ctx, bobs, e.ID, journal.FollowUpInput{Text: "x", Owner: "me"}); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob adds a follow-up to ann's entry: %v", err)
	}
	if _, err := f.db.SetPriorityStatus(ctx, bobs, f.annActive.ID, "done"); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob changes ann's priority: %v", err)
	}
	if _, err := f.db.CreatePriority(ctx, bobs, f.annBoss.ID, "x", "2026-11-01"); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob adds a priority to ann's boss: %v", err)
	}
	if err := f.db.UpdateBoss(ctx, bobs, f.annBoss.ID, journal.BossInput{Name: "x", Relation: "other"}); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob renames ann's boss: %v", err)
	}
	list, _, _ := f.db.FindEntries(ctx, bobs, journal.EntryFilter{})
	if n, _ := f.db.CountEntries(ctx, bobs, journal.EntryFilter{}); len(list) != 0 || n != 0 {
		t.Errorf("bob's list holds %d entries, count %d", len(list), n)
	}
}

func TestArchivedBossAndInactivePriority(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(f.annBoss.ID, "2026-11-20", "results")
	in.PriorityID = f.annActive.ID
	e, _ := f.db.CreateEntry(ctx, f.ann.ID, in)
	if err := f.db.SetBossArchived(ctx, f.ann.ID, f.annBoss.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SetPriorityStatus(ctx, f.ann.ID, f.annActive.ID, "done"); err != nil {
		t.Fatal(err)
	}
	// The existing entry keeps its archived boss and done priority when edited.
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Errorf("editing an entry of an archived boss: %v", err)
	}
	// A new entry can use neither.
	_, err := f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, "2026-11-21", "results"))
	if journal.FieldErrors(err)["boss_id"] == "" {
		t.Errorf("new entry for an archived boss: %v", err)
	}
	f.db.SetBossArchived(ctx, f.ann.ID, f.annBoss.ID, false)
	_, err = f.db.CreateEntry(ctx, f.ann.ID, in)
	if journal.FieldErrors(err)["priority_id"] == "" {
		t.Errorf("new entry linking a done priority: %v", err)
	}
	active, _ := f.db.FindBosses(ctx, f.ann.ID, false)
	if len(active) != 1 {
		t.Errorf("active bosses %d, want 1", len(active))
	}
}

func TestFindEntriesFiltersAndPages(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, _ := f.db.CreateBoss(ctx, f.ann.ID, journal.BossInput{Name: "Zed", Relation: "skip_level"})
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 120 {
		boss := f.annBoss.ID
		if i%3 == 0 {
			boss = other.ID
		}
		practices := []string{"results"}
		if i%4 == 0 {
			practices = append(practices, "risk")
		}
		if _, err := f.db.CreateEntry(ctx, f.ann.ID, entryIn(boss, start.AddDate(0, 0, i).Format(journal.DateLayout), practices...)); err != nil {
			t.Fatal(err)
		}
	}
	f.db.CreateEntry(ctx, f.bob.ID, entryIn(f.bobBoss.ID, "2026-02-01", "risk"))

	tests := []struct {
		name   string
		filter journal.EntryFilter
		count  int
		first  string
	}{
		{"all", journal.EntryFilter{}, 120, "2026-04-30"},
		{"page 3", journal.EntryFilter{Page: 3}, 120, "2026-01-20"},
		{"practice", journal.EntryFilter{Practice: "risk"}, 30, "2026-04-27"},
		{"boss", journal.EntryFilter{BossID: other.ID}, 40, "2026-04-28"},
		{"range", journal.EntryFilter{From: "2026-02-01", To: "2026-02-10"}, 10, "2026-02-10"},
		{"everything", journal.EntryFilter{Practice: "risk", BossID: other.ID, From: "2026-01-01", To: "2026-03-01"}, 5, "2026-02-18"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, more, err := f.db.FindEntries(ctx, f.ann.ID, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := f.db.CountEntries(ctx, f.ann.ID, tt.filter)
			if n != tt.count {
				t.Errorf("count %d, want %d", n, tt.count)
			}
			page := max(tt.filter.Page, 1)
			wantLen := min(50, tt.count-(page-1)*50)
			if len(list) != wantLen || more != (page*50 < tt.count) {
				t.Errorf("got %d entries, more=%v; want %d", len(list), more, wantLen)
			}
			if len(list) > 0 && list[0].OccurredOn != tt.first {
				t.Errorf("first %s, want %s", list[0].OccurredOn, tt.first)
			}
			for i := 1; i < len(list); i++ {
				if list[i].OccurredOn > list[i-1].OccurredOn {
					t.Fatalf("not newest first at %d", i)
				}
			}
			for _, e := range list {
				if e.UserID != f.ann.ID || len(e.Practices) == 0 {
					t.Fatalf("entry %+v", e)
				}
			}
		})
	}
}

// TestListQueriesUseIndexes checks the query plans: every list and count
// reads through an index that starts with the user id, never a full scan.
func TestListQueriesUseIndexes(t *testing.T) {
	f := newFixture(t)
	filters := []journal.EntryFilter{
		{}, {Page: 4}, {Practice: "risk"}, {BossID: 1}, {From: "2026-01-01", To: "2026-02-01"},
		{Practice: "team", BossID: 1, From: "2026-01-01"},
		{Query: "budget"}, {Query: "plan", Practice: "team", BossID: 1, From: "2026-01-01", To: "2026-12-31"},
	}
	var queries [][]any
	for _, fl := range filters {
		q, args := entryListQuery(f.ann.ID, fl)
		cq, cargs := entryCountQuery(f.ann.ID, fl)
		if fts := journal.SearchQuery(fl.Query); fts != "" {
			q, args = searchListQuery(f.ann.ID, fl, fts, len(queries)%4 == 0)
			cq, cargs = searchCountQuery(f.ann.ID, fl, fts, len(queries)%4 != 0)
		}
		queries = append(queries, append([]any{q}, args...), append([]any{cq}, cargs...))
	}
	queries = append(queries,
		[]any{"SELECT " + followUpColumns + " FROM followups f" + followUpJoins + " WHERE f.user_id = ? AND f.done_at IS NULL ORDER BY f.due_on IS NULL, f.due_on, f.id LIMIT ?", 1, 10},
		[]any{"SELECT practice, count(*) FROM entry_practices WHERE user_id = ? AND boss_id = ? GROUP BY practice", 1, 1},
		[]any{"SELECT " + bossColumns + " FROM bosses WHERE user_id = ? AND archived = 0 ORDER BY archived, name COLLATE NOCASE, id", 1},
		[]any{"SELECT " + priorityColumns + " FROM priorities WHERE user_id = ? AND boss_id = ? ORDER BY status = 'active' DESC, noted_on DESC, id DESC", 1, 1},
	)
	queries = append(queries, problemBetQueries()...)
	queries = append(queries, forecastQueries()...)
	for _, q := range queries {
		plan := explain(t, f.db, q[0].(string), q[1:]...)
		for _, line := range plan {
			// A scan of a subquery or of the search's hits reads rows
			// already bounded by LIMIT, not a table.
			bounded := strings.HasPrefix(line, "SCAN (subquery-") || line == "SCAN h" || line == "SCAN hits"
			if strings.HasPrefix(line, "SCAN ") && !strings.Contains(line, "INDEX") && !bounded {
				t.Errorf("full scan %q in the plan of\n%s\nplan: %v", line, q[0], plan)
			}
		}
		t.Logf("%s\n  -> %s", strings.Join(strings.Fields(q[0].(string)), " "), strings.Join(plan, " | "))
	}
}

func explain(t *testing.T, db *DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Reader().Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", q, err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

func TestFollowUps(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e, _ := f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, "2026-11-20", "responsibility"))
	mk := func(text, owner, due string) *journal.FollowUp {
		fu, err := f.db.CreateFollowUp(ctx, f.ann.ID, e.ID, journal.FollowUpInput{Text: text, Owner: owner, DueOn: due})
		if err != nil {
			t.Fatal(err)
		}
		return fu
	}
	late := mk("late", "me", "2026-11-10")
	mk("no date", "boss", "")
	soon := mk("soon", "boss", "2026-12-01")
	open, err := f.db.FindOpenFollowUps(ctx, f.ann.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range open {
		got = append(got, o.Text)
	}
	if want := []string{"late", "soon", "no date"}; !reflect.DeepEqual(got, want) {
		t.Errorf("open order %v, want %v", got, want)
	}
	at := time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)
	done, err := f.db.SetFollowUpDone(ctx, f.ann.ID, soon.ID, journal.DoneAt(at, "2026-11-27"))
	if err != nil || done.DoneAt == nil || !done.DoneAt.Equal(at) || done.DoneOn != "2026-11-27" {
		t.Fatalf("done: %+v %v", done, err)
	}
	if on, ok := done.KeptOnTime(); !ok || !on {
		t.Error("done before the due date should count as on time")
	}
	// Marking done again keeps the first time.
	again, _ := f.db.SetFollowUpDone(ctx, f.ann.ID, soon.ID, journal.DoneAt(at.Add(48*time.Hour), "2026-11-29"))
	if again.DoneOn != "2026-11-27" {
		t.Errorf("second done moved the date to %s", again.DoneOn)
	}
	reopened, _ := f.db.SetFollowUpDone(ctx, f.ann.ID, soon.ID, journal.Reopened())
	if reopened.DoneAt != nil || reopened.DoneOn != "" {
		t.Errorf("reopened %+v", reopened)
	}
	if _, err := f.db.SetFollowUpDone(ctx, f.bob.ID, late.ID, journal.DoneAt(at, "2026-11-27")); journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob marks ann's follow-up: %v", err)
	}
	list, _ := f.db.FindEntryFollowUps(ctx, f.ann.ID, e.ID)
	if len(list) != 3 || list[0].BossName != "Dana" || list[0].EntrySummary == "" {
		t.Errorf("entry follow-ups %d: %+v", len(list), list)
	}
	if l, _ := f.db.FindEntryFollowUps(ctx, f.bob.ID, e.ID); len(l) != 0 {
		t.Errorf("bob sees %d of ann's follow-ups", len(l))
	}
}

func TestPrioritiesAndMix(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p2, _ := f.db.CreatePriority(ctx, f.ann.ID, f.annBoss.ID, "Hire two engineers", "2026-11-10")
	before := p2.StatusChangedAt
	f.db.Now = func() time.Time { return before.Add(time.Hour) }
	done, err := f.db.SetPriorityStatus(ctx, f.ann.ID, p2.ID, "dropped")
	if err != nil || done.Status != "dropped" || !done.StatusChangedAt.After(before) {
		t.Errorf("dropped: %+v %v", done, err)
	}
	active, _ := f.db.FindPriorities(ctx, f.ann.ID, f.annBoss.ID, "active")
	all, _ := f.db.FindPriorities(ctx, f.ann.ID, f.annBoss.ID, "")
	if len(active) != 1 || len(all) != 2 || all[0].Status != "active" {
		t.Errorf("active %d, all %d", len(active), len(all))
	}
	for i := range 3 {
		f.db.CreateEntry(ctx, f.ann.ID, entryIn(f.annBoss.ID, fmt.Sprintf("2026-11-0%d", i+1), "results", "team"))
	}
	f.db.CreateEntry(ctx, f.bob.ID, entryIn(f.bobBoss.ID, "2026-11-01", "results"))
	mix, _ := f.db.BossPracticeMix(ctx, f.ann.ID, f.annBoss.ID)
	if mix["results"] != 3 || mix["team"] != 3 || mix["risk"] != 0 {
		t.Errorf("mix %v", mix)
	}
}

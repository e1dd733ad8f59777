package sqlite

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/leadup/leadup/internal/journal"
)

func TestEntryLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(f.annBoss.ID, "2026-11-20", "results", "solutions")
	in.Notes = "**bold** notes"
	in.PriorityID = f.annActive.ID
	e := f.entry(t, in)
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
	if n := countOf(t, f.db, "SELECT count(*) FROM entry_practices WHERE entry_id = ? AND occurred_on = '2026-11-21'", e.ID); n != 1 {
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
	if n := countOf(t, f.db, "SELECT count(*) FROM entry_practices"); n != 0 {
		t.Errorf("entry_practices left: %d", n)
	}
}

func TestEntryNewBossInOneTransaction(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := entryIn(0, "2026-11-20", "risk")
	in.NewBossName = "Frank"
	e := f.entry(t, in)
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
		f.entry(t, entryIn(boss, start.AddDate(0, 0, i).Format(journal.DateLayout), practices...))
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

// TestCreateEntryUnlessTwin: a new key with the boss (by id or by name),
// date and summary of an entry made since `since` writes nothing and names
// that entry; an older one, another summary, a zero since, a used key, or
// another user's entry do not count.
func TestCreateEntryUnlessTwin(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	first, _, err := f.db.CreateEntryOnce(ctx, f.ann.ID, OnceKey{Key: "k1"}, entryIn(f.annBoss.ID, "2026-11-20", "results"), nil)
	if err != nil {
		t.Fatal(err)
	}
	recent := f.db.Now().Add(-time.Minute)
	byName := entryIn(0, "2026-11-20", "results")
	byName.NewBossName = "Dana"
	for name, in := range map[string]journal.EntryInput{"by id": entryIn(f.annBoss.ID, "2026-11-20", "team"), "by name": byName} {
		id, replay, twin, err := f.db.CreateEntryUnlessTwin(ctx, f.ann.ID, OnceKey{Key: "k2"}, in, nil, recent)
		if err != nil || id != 0 || replay || twin != first {
			t.Errorf("%s: id %d, replay %v, twin %d, err %v; want twin %d and nothing made", name, id, replay, twin, err, first)
		}
	}
	if id, replay, twin, _ := f.db.CreateEntryUnlessTwin(ctx, f.ann.ID, OnceKey{Key: "k1"}, entryIn(f.annBoss.ID, "2026-11-20"), nil, recent); id != first || !replay || twin != 0 {
		t.Errorf("used key: id %d, replay %v, twin %d; want the replay of %d", id, replay, twin, first)
	}
	// Bob's boss of the same name and the same words are not Ann's twin.
	bobIn := entryIn(0, "2026-11-20")
	bobIn.NewBossName = "Dana"
	if _, _, twin, err := f.db.CreateEntryUnlessTwin(ctx, f.bob.ID, OnceKey{Key: "k2"}, bobIn, nil, recent); err != nil || twin != 0 {
		t.Errorf("bob's entry: twin %d, err %v; want a new entry", twin, err)
	}
	other := entryIn(f.annBoss.ID, "2026-11-20")
	other.Summary = "Something else"
	for name, c := range map[string]struct {
		in    journal.EntryInput
		since time.Time
	}{
		"another summary":   {other, recent},
		"made before since": {entryIn(f.annBoss.ID, "2026-11-20"), f.db.Now().Add(time.Minute)},
		"zero since":        {entryIn(f.annBoss.ID, "2026-11-20"), time.Time{}},
	} {
		if id, _, twin, err := f.db.CreateEntryUnlessTwin(ctx, f.ann.ID, OnceKey{Key: "key " + name}, c.in, nil, c.since); err != nil || twin != 0 || id == 0 {
			t.Errorf("%s: id %d, twin %d, err %v; want a new entry", name, id, twin, err)
		}
	}
}

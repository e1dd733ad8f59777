package sqlite

import (
	"context"
	"reflect"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// entryCollector keeps the entries an export visits.
type entryCollector struct{ entries []*journal.Entry }

func (c *entryCollector) Boss(*journal.Boss) error         { return nil }
func (c *entryCollector) Priority(*journal.Priority) error { return nil }
func (c *entryCollector) Entry(e *journal.Entry) error     { c.entries = append(c.entries, e); return nil }

// TestEveryReaderReadsTheWholeEntry holds every path that reads entries —
// the entry, the list and search pages, the API's pages, home, the boss
// and prep pages, the week, the review and the export — to the one reader:
// each returns the same entry, notes, practices, follow-ups, problem, bet
// and forecast included, so that a nil block always means "none".
func TestEveryReaderReadsTheWholeEntry(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const day = "2026-11-20" // a Friday
	in := problemEntry(f, day)
	in.Practices = []string{"solutions", "risk"}
	in.Notes = "Vendor quotes attached"
	in.PriorityID = f.annActive.ID
	in.Bet = &journal.BetInput{Bet: "A pilot pays back", Downside: "Two weeks lost", ReviewOn: "2026-12-20"}
	in.Forecast = forecastEntry(f, day).Forecast
	e := f.entry(t, in)
	if _, err := f.db.CreateFollowUp(ctx, f.ann.ID, e.ID, journal.FollowUpInput{Text: "Send the quotes", Owner: "me", DueOn: "2026-11-27"}); err != nil {
		t.Fatal(err)
	}
	want, err := f.db.FindEntry(ctx, f.ann.ID, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want.Problem == nil || want.Bet == nil || want.Forecast == nil || len(want.FollowUps) != 1 || want.Notes == "" {
		t.Fatalf("FindEntry: not whole: %+v", want)
	}

	got := map[string][]*journal.Entry{}
	list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{})
	check(t, err)
	got["list"] = list
	page, err := f.db.ListEntries(ctx, f.ann.ID, journal.EntryFilter{Practice: "risk"})
	check(t, err)
	got["list by practice"] = page.Entries
	page, err = f.db.ListEntries(ctx, f.ann.ID, journal.EntryFilter{Query: "vendor"})
	check(t, err)
	got["search"] = page.Entries
	api, _, err := f.db.FindEntryPage(ctx, f.ann.ID, journal.EntryFilter{}, nil, 10)
	check(t, err)
	got["api"] = api
	// Home, the boss page and prep read through FindEntries with these
	// filters.
	week := journal.WeekOfDate(day)
	home, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{From: week.Start, To: week.End, Limit: 5})
	check(t, err)
	got["home"] = home
	boss, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{BossID: f.annBoss.ID, Limit: 5})
	check(t, err)
	got["boss"] = boss
	for _, practice := range []string{"solutions", "risk"} {
		prep, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{BossID: f.annBoss.ID, Practice: practice, From: journal.AddDays(day, -90), Limit: 3})
		check(t, err)
		got["prep "+practice] = prep
	}
	summary, err := f.db.WeekSummary(ctx, f.ann.ID, week, day)
	check(t, err)
	got["week"] = summary.Entries
	review, err := f.db.ReviewData(ctx, f.ann.ID, journal.ReviewFilter{From: "2026-11-01", To: "2026-11-30"}, day)
	check(t, err)
	for _, p := range review.Practices {
		for _, ev := range p.Entries {
			got["review "+p.Key] = append(got["review "+p.Key], ev.Entry)
		}
	}
	var c entryCollector
	check(t, f.db.Export(ctx, f.ann.ID, &c))
	got["export"] = c.entries

	for path, entries := range got {
		if len(entries) != 1 {
			t.Errorf("%s: %d entries, want 1", path, len(entries))
			continue
		}
		e := *entries[0]
		e.Snippet = "" // a search's own part
		if !reflect.DeepEqual(&e, want) {
			t.Errorf("%s: the entry differs from FindEntry's\n got %+v\nwant %+v", path, &e, want)
		}
	}
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/leadup/leadup/internal/journal"
)

// forecastQueries are the week page's, home's and the prep page's forecast
// queries, for the plan test in journal_test.go.
func forecastQueries() [][]any {
	return [][]any{
		{qForecastsRaised, 1, "2026-11-23", "2026-11-29"},
		{qForecastsRaisedBoss, 1, "2026-09-01", "2026-11-29", 1},
		{qForecastsDue, 1, "2026-11-27"},
		{qForecastsResolved, 1, "2026-11-23", "2026-11-29"},
		planQuery(openForecastsQuery(1, 0, "2026-11-27", 50)),
		planQuery(openForecastsQuery(1, 1, "2026-11-27", 50)),
		planQuery(openForecastsQuery(1, 1, "", 50)),
	}
}

// TestForecastQueriesSearchByUser checks that each forecast query searches
// an index led by the user id, and that "due" reads only open forecasts.
func TestForecastQueriesSearchByUser(t *testing.T) {
	f := newFixture(t)
	checkSearchByUser(t, f.db, "forecasts_user_", forecastQueries())
	if plan := explain(t, f.db, qForecastsDue, 1, "2026-11-29"); !strings.Contains(strings.Join(plan, " "), "forecasts_user_open_idx") {
		t.Errorf("plan of %s is %v, want forecasts_user_open_idx", qForecastsDue, plan)
	}
}

func forecastEntry(f *fixture, date string) journal.EntryInput {
	in := entryIn(f.annBoss.ID, date, "results")
	in.Forecast = &journal.ForecastInput{Forecast: "The vendor slips the release", ExpectedBy: "2026-12-04", Likelihood: "high",
		Impact: "Launch moves a sprint", Prepared: "A fallback vendor quote", NoticedOn: "2026-11-16"}
	return in
}

func TestForecastLifecycle(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e := f.entry(t, forecastEntry(f, "2026-11-20"))
	fc := e.Forecast
	if fc == nil || fc.Forecast != "The vendor slips the release" || fc.Likelihood != "high" || fc.NoticedOn != "2026-11-16" ||
		fc.Result != "" || fc.BossName != "Dana" || fc.OccurredOn != "2026-11-20" {
		t.Fatalf("forecast after create: %+v", fc)
	}
	// Open, not due before its day; due from it.
	if list, _ := f.db.FindDueForecasts(ctx, f.ann.ID, 0, "2026-12-03", 10); len(list) != 0 {
		t.Errorf("due before its expected day: %d", len(list))
	}
	if list, _ := f.db.FindDueForecasts(ctx, f.ann.ID, f.annBoss.ID, "2026-12-04", 10); len(list) != 1 {
		t.Errorf("due on its expected day: %d", len(list))
	}
	if list, _ := f.db.FindOpenForecasts(ctx, f.bob.ID, 0, 10); len(list) != 0 {
		t.Errorf("bob sees %d of ann's forecasts", len(list))
	}
	// Another user cannot resolve it.
	err := f.db.CloseBlock(ctx, f.bob.ID, e.ID, journal.ForecastBlock, &journal.ResolutionInput{Result: "averted", ResolvedOn: "2026-11-25"})
	if journal.ErrorCode(err) != journal.ENOTFOUND {
		t.Errorf("bob's resolution: %v, want not found", err)
	}
	if err := f.db.CloseBlock(ctx, f.ann.ID, e.ID, journal.ForecastBlock, &journal.ResolutionInput{Result: "averted", ResolvedOn: "2026-11-25"}); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.db.FindOpenForecasts(ctx, f.ann.ID, 0, 10); len(list) != 0 {
		t.Errorf("a resolved forecast is still open")
	}
	// Editing keeps the resolution; moving the entry moves the forecast.
	in := forecastEntry(f, "2026-11-19")
	in.Forecast.Prepared = "Two quotes"
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Fatal(err)
	}
	e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID)
	if fc := e.Forecast; fc.Result != "averted" || fc.ResolvedOn != "2026-11-25" || fc.Prepared != "Two quotes" || fc.OccurredOn != "2026-11-19" {
		t.Errorf("forecast after edit: %+v", fc)
	}
	// Nor can the entry move after its resolution, even without the block.
	late := entryIn(f.annBoss.ID, "2026-11-26", "results")
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, late); journal.FieldErrors(err)["occurred_on"] == "" {
		t.Errorf("moving the entry after its resolution: %v", err)
	}
	// The search index holds the forecast, its impact and what was prepared.
	for _, q := range []string{"vendor", "sprint", "quotes"} {
		list, _, err := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: q})
		if err != nil || len(list) != 1 {
			t.Errorf("search %q: %d entries, %v", q, len(list), err)
		}
	}
	if list, _, _ := f.db.FindEntries(ctx, f.bob.ID, journal.EntryFilter{Query: "vendor"}); len(list) != 0 {
		t.Errorf("bob's search finds ann's forecast")
	}
	// An input without the block leaves it; an empty block removes it.
	in.Forecast = nil
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Fatal(err)
	}
	if e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID); e.Forecast == nil {
		t.Fatal("a nil block removed the forecast")
	}
	in.Forecast = &journal.ForecastInput{Likelihood: "medium"}
	if err := f.db.UpdateEntry(ctx, f.ann.ID, e.ID, in); err != nil {
		t.Fatal(err)
	}
	if e, _ = f.db.FindEntry(ctx, f.ann.ID, e.ID); e.Forecast != nil {
		t.Errorf("an empty block kept the forecast: %+v", e.Forecast)
	}
	if list, _, _ := f.db.FindEntries(ctx, f.ann.ID, journal.EntryFilter{Query: "vendor"}); len(list) != 0 {
		t.Errorf("search still finds the removed forecast")
	}
}

// TestForecastNoSurprises measures a date range per boss on the hand-worked
// fixture of journal's table test: the store returns the dates, journal
// computes the medians.
func TestForecastNoSurprises(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other := f.boss(t, "Sam", "manager")
	add := func(bossID int64, noticed, raised, expected, result, resolved string) {
		t.Helper()
		in := entryIn(bossID, raised, "results")
		in.Forecast = &journal.ForecastInput{Forecast: "f " + raised, ExpectedBy: expected, Likelihood: "low", Prepared: "p", NoticedOn: noticed}
		e := f.entry(t, in)
		if result != "" {
			if err := f.db.CloseBlock(ctx, f.ann.ID, e.ID, journal.ForecastBlock, &journal.ResolutionInput{Result: result, ResolvedOn: resolved}); err != nil {
				t.Fatal(err)
			}
		}
	}
	// With Dana: warning 11, 4, 28, 0; raise 6, 0, 15, 0.
	add(f.annBoss.ID, "2026-11-10", "2026-11-16", "2026-11-30", "happened", "2026-11-27")
	add(f.annBoss.ID, "2026-11-16", "2026-11-16", "2026-11-20", "averted", "2026-11-19")
	add(f.annBoss.ID, "2026-11-02", "2026-11-17", "2026-12-15", "", "")
	add(f.annBoss.ID, "2026-11-18", "2026-11-18", "2026-11-18", "did_not_happen", "2026-11-18")
	// With Sam: warning 2; raise 7.
	add(other.ID, "2026-11-12", "2026-11-19", "2026-11-26", "happened", "2026-11-21")
	// Outside the range: would pull both medians far up.
	add(f.annBoss.ID, "2026-09-01", "2026-10-01", "2026-12-31", "", "")

	tests := []struct {
		name             string
		bossID           int64
		n                int
		warning, raising float64
	}{
		{"every boss", 0, 5, 4, 6},
		{"Dana", f.annBoss.ID, 4, 7.5, 3},
		{"Sam", other.ID, 1, 2, 7},
	}
	for _, tt := range tests {
		got, err := f.db.ForecastNoSurprises(ctx, f.ann.ID, tt.bossID, "2026-11-16", "2026-11-22")
		if err != nil || got.Forecasts != tt.n || got.WarningDays != tt.warning || got.RaiseDays != tt.raising {
			t.Errorf("%s: %+v, %v; want %d forecasts, warning %v, raise %v", tt.name, got, err, tt.n, tt.warning, tt.raising)
		}
	}
	if got, _ := f.db.ForecastNoSurprises(ctx, f.bob.ID, 0, "2026-11-16", "2026-11-22"); got.Forecasts != 0 {
		t.Errorf("bob measures ann's forecasts: %+v", got)
	}
}

package journal

import (
	"strings"
	"testing"
)

func TestForecastInputValidate(t *testing.T) {
	ok := func(f func(*ForecastInput)) ForecastInput {
		in := ForecastInput{Forecast: "The vendor slips the release", ExpectedBy: "2026-12-04", Likelihood: "medium", Prepared: "A fallback plan"}
		f(&in)
		return in
	}
	tests := []struct {
		name  string
		in    ForecastInput
		field string
	}{
		{"complete", ok(func(in *ForecastInput) { in.Impact = "Two weeks late"; in.NoticedOn = "2026-11-10" }), ""},
		{"lands on the entry's day", ok(func(in *ForecastInput) { in.ExpectedBy = "2026-11-20" }), ""},
		{"noticed on the entry's day", ok(func(in *ForecastInput) { in.NoticedOn = "2026-11-20" }), ""},
		{"at the limits", ok(func(in *ForecastInput) {
			in.Forecast, in.Impact, in.Prepared = strings.Repeat("f", 300), strings.Repeat("i", 300), strings.Repeat("p", 500)
		}), ""},
		{"no forecast", ok(func(in *ForecastInput) { in.Forecast = " " }), "forecast"},
		{"long forecast", ok(func(in *ForecastInput) { in.Forecast = strings.Repeat("é", 301) }), "forecast"},
		{"no expected date", ok(func(in *ForecastInput) { in.ExpectedBy = "" }), "expected_by"},
		{"expected before the entry", ok(func(in *ForecastInput) { in.ExpectedBy = "2026-11-19" }), "expected_by"},
		{"expected not a date", ok(func(in *ForecastInput) { in.ExpectedBy = "soon" }), "expected_by"},
		{"no likelihood", ok(func(in *ForecastInput) { in.Likelihood = "" }), "likelihood"},
		{"unknown likelihood", ok(func(in *ForecastInput) { in.Likelihood = "certain" }), "likelihood"},
		{"long impact", ok(func(in *ForecastInput) { in.Impact = strings.Repeat("i", 301) }), "impact"},
		{"nothing prepared", ok(func(in *ForecastInput) { in.Prepared = "" }), "prepared"},
		{"long prepared", ok(func(in *ForecastInput) { in.Prepared = strings.Repeat("p", 501) }), "prepared"},
		{"noticed after the entry", ok(func(in *ForecastInput) { in.NoticedOn = "2026-11-21" }), "noticed_on"},
		{"noticed not a date", ok(func(in *ForecastInput) { in.NoticedOn = "last week" }), "noticed_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOnlyField(t, tt.in.Validate("2026-11-20"), tt.field)
		})
	}
}

func TestForecastNoticedOnDefaultsToTheEntry(t *testing.T) {
	in := ForecastInput{Forecast: "f", ExpectedBy: "2026-12-04", Likelihood: "low", Prepared: "p"}
	if err := in.Validate("2026-11-20"); err != nil {
		t.Fatal(err)
	}
	if in.NoticedOn != "2026-11-20" {
		t.Errorf("noticed_on = %q, want the entry's date", in.NoticedOn)
	}
}

func TestForecastInputEmptyIgnoresLikelihood(t *testing.T) {
	if in := (ForecastInput{Likelihood: "medium"}); !in.Empty() {
		t.Error("a block with only the select's value should count as empty")
	}
	if in := (ForecastInput{Likelihood: "medium", NoticedOn: "2026-11-01"}); in.Empty() {
		t.Error("a block with a date typed should not count as empty")
	}
}

func TestResolutionInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    ResolutionInput
		field string
	}{
		{"happened", ResolutionInput{Result: "happened", ResolvedOn: "2026-11-27"}, ""},
		{"averted on the entry's day", ResolutionInput{Result: "averted", ResolvedOn: "2026-11-20"}, ""},
		{"did not happen", ResolutionInput{Result: "did_not_happen", ResolvedOn: "2026-11-21"}, ""},
		{"unknown result", ResolutionInput{Result: "open", ResolvedOn: "2026-11-21"}, "result"},
		{"before the entry", ResolutionInput{Result: "happened", ResolvedOn: "2026-11-19"}, "resolved_on"},
		{"in the future", ResolutionInput{Result: "happened", ResolvedOn: "2026-11-28"}, "resolved_on"},
		{"no date", ResolutionInput{Result: "happened"}, "resolved_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOnlyField(t, tt.in.Validate("2026-11-20", "2026-11-27"), tt.field)
		})
	}
}

// noSurprisesFixture is worked out by hand: warning given runs from the
// entry to resolved_on for one that happened, to expected_by otherwise;
// time to raise runs from noticed_on to the entry.
var noSurprisesFixture = []ForecastDates{
	// happened: 16 → 27 Nov = 11 days of warning; 10 → 16 Nov = 6 to raise.
	{NoticedOn: "2026-11-10", RaisedOn: "2026-11-16", ExpectedBy: "2026-11-30", Result: "happened", ResolvedOn: "2026-11-27"},
	// averted: the expected day counts, 16 → 20 Nov = 4; raised the day it was seen = 0.
	{NoticedOn: "2026-11-16", RaisedOn: "2026-11-16", ExpectedBy: "2026-11-20", Result: "averted", ResolvedOn: "2026-11-19"},
	// still open: 17 Nov → 15 Dec = 28; 2 → 17 Nov = 15.
	{NoticedOn: "2026-11-02", RaisedOn: "2026-11-17", ExpectedBy: "2026-12-15"},
	// did not happen, expected the same day: 0 and 0.
	{NoticedOn: "2026-11-18", RaisedOn: "2026-11-18", ExpectedBy: "2026-11-18", Result: "did_not_happen", ResolvedOn: "2026-11-18"},
	// happened earlier than expected: 19 → 21 Nov = 2; 12 → 19 Nov = 7.
	{NoticedOn: "2026-11-12", RaisedOn: "2026-11-19", ExpectedBy: "2026-11-26", Result: "happened", ResolvedOn: "2026-11-21"},
}

func TestNoSurprisesOf(t *testing.T) {
	tests := []struct {
		name             string
		in               []ForecastDates
		warning, raising float64
	}{
		// warning 0 4 11 28 → (4+11)/2; raise 0 0 6 15 → (0+6)/2.
		{"four, even", noSurprisesFixture[:4], 7.5, 3},
		// warning 0 2 4 11 28 → 4; raise 0 0 6 7 15 → 6.
		{"five, odd", noSurprisesFixture, 4, 6},
		{"one", noSurprisesFixture[2:3], 28, 15},
		{"none", nil, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NoSurprisesOf(tt.in)
			if got.Forecasts != len(tt.in) || got.WarningDays != tt.warning || got.RaiseDays != tt.raising {
				t.Errorf("got %+v, want %d forecasts, warning %v, raise %v", got, len(tt.in), tt.warning, tt.raising)
			}
		})
	}
}

func TestForecastDue(t *testing.T) {
	f := Forecast{ExpectedBy: "2026-11-20"}
	if f.Due("2026-11-19") || !f.Due("2026-11-20") {
		t.Error("a forecast is due from its expected day")
	}
	f.Result = "averted"
	if f.Due("2026-11-30") {
		t.Error("a resolved forecast is never due")
	}
}

func TestForecastStatsAddResult(t *testing.T) {
	var s ForecastStats
	for k, n := range map[string]int{"happened": 1, "averted": 2, "did_not_happen": 3, "": 4, "unknown": 5} {
		s.AddResult(k, n)
	}
	want := ForecastStats{Resolved: 6, Happened: 1, Averted: 2, DidNotHappen: 3}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}
}

package web

import (
	"context"

	"github.com/leadup/leadup/internal/journal"
)

// forecastTyped opens the forecast's <details> when it holds something,
// so that nothing typed hides after a 422 or on an edit. The likelihood
// select always holds a value, so it does not count.
func forecastTyped(f Form) bool {
	return f.typed("forecast", "expected_by", "impact", "prepared", "noticed_on") || f.Err("likelihood") != ""
}

func likelihoodLabel(l string) string { return journal.OptionLabel(journal.Likelihoods, l) }
func resultLabel(r string) string     { return journal.OptionLabel(journal.ForecastResults, r) }

// forecastsLine is the week's forecast counts in words.
func forecastsLine(s journal.ForecastStats) string {
	return itoa(s.Raised) + " raised · " + itoa(s.Due) + " due · " + itoa(s.Resolved) + " closed (" +
		itoa(s.Happened) + " happened, " + itoa(s.Averted) + " averted, " + itoa(s.DidNotHappen) + " did not happen)"
}

// warningLine and raiseLine put the two medians in words.
func warningLine(ctx context.Context, n journal.NoSurprises) string {
	if n.Forecasts == 0 {
		return "Warning given: no forecast raised this week."
	}
	return "Warning given: " + n.Measure() + days(ctx, n.WarningDays) + " between raising a forecast and the day it landed (" + forecastCount(n.Forecasts) + ")."
}

func raiseLine(ctx context.Context, n journal.NoSurprises) string {
	if n.Forecasts == 0 {
		return "Time to raise: no forecast raised this week."
	}
	return "Time to raise: " + n.Measure() + days(ctx, n.RaiseDays) + " between noticing a problem and raising it (" + forecastCount(n.Forecasts) + ")."
}

func days(ctx context.Context, d float64) string {
	s := loc(ctx).Decimal(d, -1)
	if d == 1 {
		return s + " day"
	}
	return s + " days"
}

func forecastCount(n int) string {
	if n == 1 {
		return "1 forecast"
	}
	return itoa(n) + " forecasts"
}

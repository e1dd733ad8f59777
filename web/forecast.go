package web

import (
	"context"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
)

// forecastTyped opens the forecast's <details> when it holds something,
// so that nothing typed hides after a 422 or on an edit. The likelihood
// select always holds a value, so it does not count.
func forecastTyped(f Form) bool {
	return f.typed("forecast", "expected_by", "impact", "prepared", "noticed_on") || f.Err("likelihood") != ""
}

// likelihoodLabel and resultLabel name a likelihood and a result in the
// reader's language.
func likelihoodLabel(ctx context.Context, l string) string {
	return optionLabel(ctx, "forecast.likelihood_", journal.Likelihoods, l)
}

func resultLabel(ctx context.Context, r string) string {
	return optionLabel(ctx, "forecast.result_", journal.ForecastResults, r)
}

// forecastsLine is the week's forecast counts in words.
func forecastsLine(ctx context.Context, s journal.ForecastStats) string {
	return t(ctx, "forecast.line", counts(ctx, "forecast.n_", map[string]counted{
		"Raised": {"raised", s.Raised}, "Due": {"due", s.Due}, "Closed": {"closed", s.Resolved},
		"Happened": {"happened", s.Happened}, "Averted": {"averted", s.Averted}, "DidNotHappen": {"did_not_happen", s.DidNotHappen},
	}))
}

// warningLine and raiseLine put the two medians in words: one forecast's
// own days, or the median over several.
func warningLine(ctx context.Context, ns journal.NoSurprises) string {
	return noSurprisesLine(ctx, "forecast.warning", ns, ns.WarningDays)
}

func raiseLine(ctx context.Context, ns journal.NoSurprises) string {
	return noSurprisesLine(ctx, "forecast.raise", ns, ns.RaiseDays)
}

func noSurprisesLine(ctx context.Context, id string, ns journal.NoSurprises, d float64) string {
	switch ns.Forecasts {
	case 0:
		return t(ctx, id+"_none")
	case 1:
		return t(ctx, id+"_one", map[string]any{"Days": days(ctx, d)})
	}
	return n(ctx, id+"_median", ns.Forecasts, map[string]any{"Days": days(ctx, d)})
}

// days is d days in words; d may be a half, the median of an even count.
// Its plural form is chosen by the digits, its number written as the
// language writes decimals ("1,5 Tage").
func days(ctx context.Context, d float64) string {
	return loc(ctx).NDigits("forecast.days", strconv.FormatFloat(d, 'f', -1, 64), loc(ctx).Decimal(d, -1))
}

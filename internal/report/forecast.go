package report

import (
	"strings"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// headsUpLines writes each open forecast for the weekly update: what may
// go wrong, how likely, by when, the impact and what is prepared.
func headsUpLines(forecasts []*journal.Forecast) []string {
	var out []string
	for _, f := range forecasts {
		var b strings.Builder
		b.WriteString("**" + markdown.Text(f.Forecast) + "** (" + strings.ToLower(journal.OptionLabel(journal.Likelihoods, f.Likelihood)) +
			" likelihood, expected by " + journal.FormatDate(f.ExpectedBy, journal.DayLayout) + ")")
		if f.Impact != "" {
			b.WriteString("\n  - Impact: " + markdown.Text(f.Impact))
		}
		b.WriteString("\n  - Prepared: " + markdown.Text(f.Prepared))
		out = append(out, b.String())
	}
	return out
}

// forecastDueLines writes the forecasts to close on a prep agenda.
func forecastDueLines(forecasts []*journal.Forecast) []string {
	var out []string
	for _, f := range forecasts {
		out = append(out, markdown.Text(f.Forecast)+" (raised "+journal.FormatDate(f.OccurredOn, journal.DayLayout)+", expected by "+journal.FormatDate(f.ExpectedBy, journal.DayLayout)+")")
	}
	return out
}

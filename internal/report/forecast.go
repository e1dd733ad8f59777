package report

import (
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// headsUpLines writes each open forecast for the weekly update: what may
// go wrong, how likely, by when, the impact and what is prepared.
func headsUpLines(l *i18n.Localizer, forecasts []*journal.Forecast) []string {
	return linesOf(forecasts, func(f *journal.Forecast) string {
		var details []string
		if f.Impact != "" {
			details = append(details, "Impact: "+markdown.Text(f.Impact))
		}
		details = append(details, "Prepared: "+markdown.Text(f.Prepared))
		note := strings.ToLower(journal.OptionLabel(journal.Likelihoods, f.Likelihood)) +
			" likelihood, expected by " + l.Date(f.ExpectedBy, i18n.DayMonth)
		return nestedItem(f.Forecast, note, details)
	})
}

// forecastDueLines writes the forecasts to close on a prep agenda.
func forecastDueLines(l *i18n.Localizer, forecasts []*journal.Forecast) []string {
	return linesOf(forecasts, func(f *journal.Forecast) string {
		return markdown.Text(f.Forecast) + " (raised " + l.Date(f.OccurredOn, i18n.DayMonth) + ", expected by " + l.Date(f.ExpectedBy, i18n.DayMonth) + ")"
	})
}

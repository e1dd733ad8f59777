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
			details = append(details, l.T("report.forecast.impact", map[string]string{"Text": markdown.Text(f.Impact)}))
		}
		details = append(details, l.T("report.forecast.prepared", map[string]string{"Text": markdown.Text(f.Prepared)}))
		return nestedItem(f.Forecast, likelihoodNote(l, f), details)
	})
}

// likelihoodNote is "high likelihood, expected by Wed 25 Nov": the
// forecast's likelihood as the forms name it, in lower case mid-sentence;
// one that is not one of journal's is written as it is.
func likelihoodNote(l *i18n.Localizer, f *journal.Forecast) string {
	likelihood := f.Likelihood
	for _, o := range journal.Likelihoods {
		if o.Value == f.Likelihood {
			likelihood = strings.ToLower(l.T("forecast.likelihood_" + o.Value))
		}
	}
	return l.T("report.forecast.note", map[string]string{"Likelihood": likelihood, "Date": l.Date(f.ExpectedBy, i18n.DayMonth)})
}

// forecastDueLines writes the forecasts to close on a prep agenda.
func forecastDueLines(l *i18n.Localizer, forecasts []*journal.Forecast) []string {
	return linesOf(forecasts, func(f *journal.Forecast) string {
		return markdown.Text(f.Forecast) + " (" + l.T("report.raised", dateData(l, f.OccurredOn)) + ", " + l.T("report.forecast.expected_by", dateData(l, f.ExpectedBy)) + ")"
	})
}

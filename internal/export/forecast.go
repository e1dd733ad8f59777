package export

import (
	"strings"

	"github.com/leadup/leadup/internal/i18n"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/markdown"
)

// Forecast is an entry's forecast in the export: an optional member of
// version 1, absent when the entry raised none.
type Forecast struct {
	Forecast   string  `json:"forecast"`
	ExpectedBy string  `json:"expected_by"`
	Likelihood string  `json:"likelihood"`
	Impact     string  `json:"impact"`
	Prepared   string  `json:"prepared"`
	NoticedOn  string  `json:"noticed_on"`
	Result     *string `json:"result"`
	ResolvedOn *string `json:"resolved_on"`
}

var forecastCodec = blockCodec{
	put: func(out *Entry, e *journal.Entry) {
		if f := e.Forecast; f != nil {
			out.Forecast = &Forecast{Forecast: f.Forecast, ExpectedBy: f.ExpectedBy, Likelihood: f.Likelihood, Impact: f.Impact,
				Prepared: f.Prepared, NoticedOn: f.NoticedOn, Result: optional(f.Result), ResolvedOn: optional(f.ResolvedOn)}
		}
	},
	check:    (*validator).forecast,
	text:     func(e *journal.Entry) string { return forecastText(e.Forecast) },
	markdown: markdownForecast,
}

// forecast checks an entry's forecast with the forms' rules.
func (v *validator) forecast(path string, e Entry, today string, out *journal.Entry) {
	f := e.Forecast
	if f == nil {
		return
	}
	path += ".forecast"
	if f.NoticedOn == "" {
		// The form defaults it; a file must say it.
		v.add(path, "noticed_on", "is required.")
	}
	in := journal.ForecastInput{Forecast: f.Forecast, ExpectedBy: f.ExpectedBy, Likelihood: f.Likelihood, Impact: f.Impact,
		Prepared: f.Prepared, NoticedOn: f.NoticedOn}
	v.fields(path, in.Validate(e.OccurredOn))
	res := journal.ResolutionInput{Result: deref(f.Result), ResolvedOn: deref(f.ResolvedOn)}
	if (f.Result == nil) != (f.ResolvedOn == nil) {
		v.add(path, "result", "result and resolved_on go together: both set, or both null.")
	} else if f.Result != nil {
		v.fields(path, res.Validate(e.OccurredOn, today))
	}
	out.Forecast = &journal.Forecast{Forecast: in.Forecast, ExpectedBy: in.ExpectedBy, Likelihood: in.Likelihood, Impact: in.Impact,
		Prepared: in.Prepared, NoticedOn: in.NoticedOn, Result: res.Result, ResolvedOn: res.ResolvedOn}
}

// forecastText is the forecast as text for the CSV export.
func forecastText(f *journal.Forecast) string {
	if f == nil {
		return ""
	}
	lines := []string{"Forecast: " + f.Forecast, "Likelihood: " + journal.OptionLabel(journal.Likelihoods, f.Likelihood),
		"Expected by: " + f.ExpectedBy}
	if f.Impact != "" {
		lines = append(lines, "Impact: "+f.Impact)
	}
	lines = append(lines, "Prepared: "+f.Prepared, "Noticed on: "+f.NoticedOn)
	if f.Result != "" {
		lines = append(lines, "Result: "+journal.OptionLabel(journal.ForecastResults, f.Result)+" ("+f.ResolvedOn+")")
	}
	return strings.Join(lines, "\n")
}

// markdownForecast writes an entry's forecast under it, user text escaped.
func markdownForecast(l *i18n.Localizer, e *journal.Entry) string {
	f := e.Forecast
	if f == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n" + mdField(l, "forecast", markdown.Text(f.Forecast)) + "\n")
	b.WriteString("\n" + l.T("report.export.likelihood_line", map[string]string{"Likelihood": mdOption(l, "forecast.likelihood_", journal.Likelihoods, f.Likelihood),
		"ExpectedBy": f.ExpectedBy, "NoticedOn": f.NoticedOn}) + "\n")
	if f.Impact != "" {
		b.WriteString("\n" + mdField(l, "impact", markdown.Text(f.Impact)) + "\n")
	}
	b.WriteString("\n" + mdField(l, "prepared", markdown.Text(f.Prepared)) + "\n")
	if f.Result != "" {
		b.WriteString("\n" + mdField(l, "result", mdOption(l, "forecast.result_", journal.ForecastResults, f.Result)+" ("+f.ResolvedOn+")") + "\n")
	}
	return b.String()
}

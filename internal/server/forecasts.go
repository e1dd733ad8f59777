package server

import (
	"context"
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// forecastFields are the fields of the entry form's forecast block.
var forecastFields = []string{"forecast", "expected_by", "likelihood", "impact", "prepared", "noticed_on"}

// readForecast reads the forecast block into an entry's input; a form that
// did not carry the block at all leaves it nil, so an update from such a
// form leaves the stored forecast alone.
func readForecast(r *http.Request, in *journal.EntryInput) {
	if _, ok := r.PostForm["forecast"]; !ok {
		return
	}
	in.Forecast = &journal.ForecastInput{
		Forecast: r.PostFormValue("forecast"), ExpectedBy: r.PostFormValue("expected_by"), Likelihood: r.PostFormValue("likelihood"),
		Impact: r.PostFormValue("impact"), Prepared: r.PostFormValue("prepared"), NoticedOn: r.PostFormValue("noticed_on"),
	}
}

// entryForecastValues fills the edit form with an entry's stored forecast.
func entryForecastValues(values map[string]string, e *journal.Entry) {
	if f := e.Forecast; f != nil {
		values["forecast"], values["expected_by"], values["likelihood"] = f.Forecast, f.ExpectedBy, f.Likelihood
		values["impact"], values["prepared"], values["noticed_on"] = f.Impact, f.Prepared, f.NoticedOn
	}
}

// resolutionForm is the form that closes a forecast as first shown: what
// is recorded so far, or "happened" today.
func resolutionForm(e *journal.Entry, today string) web.Form {
	f := web.Form{Values: map[string]string{"result": "happened", "resolved_on": today}}
	if fc := e.Forecast; fc != nil && fc.Result != "" {
		f.Values["result"], f.Values["resolved_on"] = fc.Result, fc.ResolvedOn
	}
	return f
}

// handleEntryForecast records what became of the forecast an entry raised.
func (s *Server) handleEntryForecast(w http.ResponseWriter, r *http.Request) {
	s.recordBlockResult(w, r, blockResult{
		has:    func(e *journal.Entry) bool { return e.Forecast != nil },
		fields: []string{"result", "resolved_on"},
		record: func(ctx context.Context, r *http.Request, userID int64, e *journal.Entry, today string) error {
			in := journal.ResolutionInput{Result: r.PostFormValue("result"), ResolvedOn: r.PostFormValue("resolved_on")}
			if err := in.Validate(e.OccurredOn, today); err != nil {
				return err
			}
			return s.core.RecordResolution(ctx, userID, e.ID, in)
		},
		form:  func(b *web.BlockForms) *web.Form { return &b.Resolution },
		saved: "Forecast closed.",
	})
}

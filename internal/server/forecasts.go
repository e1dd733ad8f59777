package server

import (
	"net/http"
	"strconv"

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
	e, err := s.userEntry(r)
	if err == nil && e.Forecast == nil {
		err = errNotFound
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.parseForm(w, r) {
		return
	}
	u := userFrom(r.Context())
	in := journal.ResolutionInput{Result: r.PostFormValue("result"), ResolvedOn: r.PostFormValue("resolved_on")}
	err = in.Validate(e.OccurredOn, s.today(u))
	if err == nil {
		err = s.db.RecordResolution(r.Context(), u.ID, e.ID, in)
	}
	if journal.ErrorCode(err) == journal.EINVALID {
		blocks := blockForms(e, s.today(u))
		blocks.Resolution = web.Form{Values: formValues(r, "result", "resolved_on"), Errors: journal.FieldErrors(err), Message: journal.ErrorMessage(err)}
		s.renderEntryWith(w, r, http.StatusUnprocessableEntity, e, newFollowUpForm(), blocks)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, "/entries/"+strconv.FormatInt(e.ID, 10), "Forecast closed.")
}

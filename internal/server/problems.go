package server

import (
	"net/http"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// handleEntryDecision records what became of the problem an entry raised.
func (s *Server) handleEntryDecision(w http.ResponseWriter, r *http.Request) {
	e, err := s.userEntry(r)
	if err == nil && e.Problem == nil {
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
	in := journal.DecisionInput{Decision: r.PostFormValue("decision"), DecidedOn: r.PostFormValue("decided_on"), Note: r.PostFormValue("note")}
	err = in.Validate(e.OccurredOn, s.today(u))
	if err == nil {
		err = s.db.RecordDecision(r.Context(), u.ID, e.ID, in)
	}
	if journal.ErrorCode(err) == journal.EINVALID {
		blocks := blockForms(e, s.today(u))
		blocks.Decision = web.Form{Values: formValues(r, "decision", "decided_on", "note"), Errors: journal.FieldErrors(err), Message: journal.ErrorMessage(err)}
		s.renderEntryWith(w, r, http.StatusUnprocessableEntity, e, newFollowUpForm(), blocks)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, "/entries/"+strconv.FormatInt(e.ID, 10), "Decision saved.")
}

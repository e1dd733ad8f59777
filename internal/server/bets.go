package server

import (
	"net/http"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// handleEntryOutcome records how the bet an entry placed turned out.
func (s *Server) handleEntryOutcome(w http.ResponseWriter, r *http.Request) {
	e, err := s.userEntry(r)
	if err == nil && e.Bet == nil {
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
	in := journal.OutcomeInput{Outcome: r.PostFormValue("outcome"), Lesson: r.PostFormValue("lesson"), ReviewedOn: r.PostFormValue("reviewed_on")}
	err = in.Validate(e.OccurredOn, s.today(u))
	if err == nil {
		err = s.db.RecordOutcome(r.Context(), u.ID, e.ID, in)
	}
	if journal.ErrorCode(err) == journal.EINVALID {
		blocks := blockForms(e, s.today(u))
		blocks.Outcome = web.Form{Values: formValues(r, "outcome", "lesson", "reviewed_on"), Errors: journal.FieldErrors(err), Message: journal.ErrorMessage(err)}
		s.renderEntryWith(w, r, http.StatusUnprocessableEntity, e, newFollowUpForm(), blocks)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, "/entries/"+strconv.FormatInt(e.ID, 10), "Outcome saved.")
}

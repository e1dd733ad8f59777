package server

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// userFollowUp loads the {id} follow-up of the signed-in user; another
// user's, or a withdrawn one, is not found.
func (s *Server) userFollowUp(r *http.Request) (*journal.FollowUp, error) {
	return userRecord(r, s.core.FollowUp)
}

func (s *Server) handleFollowUpEdit(w http.ResponseWriter, r *http.Request) {
	f, err := s.userFollowUp(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	form := web.Form{Values: followUpPostOf(f).values()}
	s.render(w, r, http.StatusOK, web.FollowUpEditPage(s.page(r, "Edit follow-up", "followups"), f, form))
}

func (s *Server) handleFollowUpSave(w http.ResponseWriter, r *http.Request) {
	f, ok := postTarget(s, w, r, s.userFollowUp)
	if !ok {
		return
	}
	p := parseFollowUpPost(r)
	in := p.input()
	err := in.Validate()
	if err == nil {
		err = s.core.UpdateFollowUp(r.Context(), userFrom(r.Context()).ID, f.ID, in)
	}
	if journal.ErrorCode(err) == journal.EINVALID {
		form := refusedForm(p.values(), err)
		s.render(w, r, http.StatusUnprocessableEntity, web.FollowUpEditPage(s.page(r, "Edit follow-up", "followups"), f, form))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, entryURL(f.EntryID), "Follow-up updated.")
}

// handleFollowUpDelete asks first: without confirm=yes it shows a
// confirmation page, so withdrawing needs no script.
func (s *Server) handleFollowUpDelete(w http.ResponseWriter, r *http.Request) {
	f, err := s.userFollowUp(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.confirmed(w, r, web.FollowUpDeletePage(s.page(r, "Remove follow-up", "followups"), f)) {
		return
	}
	if err := s.core.WithdrawFollowUp(r.Context(), userFrom(r.Context()).ID, f.ID, s.now()); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirectWithFlash(w, r, entryURL(f.EntryID), "Follow-up removed.")
}

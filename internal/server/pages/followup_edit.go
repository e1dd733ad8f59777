package pages

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// userFollowUp loads the {id} follow-up of the signed-in user; another
// user's, or a withdrawn one, is not found.
func (s *Handler) userFollowUp(r *http.Request) (*journal.FollowUp, error) {
	return httpx.UserRecord(r, s.core.FollowUp)
}

func (s *Handler) HandleFollowUpEdit(w http.ResponseWriter, r *http.Request) {
	f, err := s.userFollowUp(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	form := web.Form{Values: followUpPostOf(f).values()}
	s.Render(w, r, http.StatusOK, web.FollowUpEditPage(s.Page(r, "Edit follow-up", "followups"), f, form))
}

func (s *Handler) HandleFollowUpSave(w http.ResponseWriter, r *http.Request) {
	f, ok := httpx.PostTarget(s.Base, w, r, s.userFollowUp)
	if !ok {
		return
	}
	p := parseFollowUpPost(r)
	in := p.input()
	err := in.Validate()
	if err == nil {
		err = s.core.UpdateFollowUp(r.Context(), httpx.UserFrom(r.Context()).ID, f.ID, in)
	}
	if journal.ErrorCode(err) == journal.EINVALID {
		form := httpx.RefusedForm(p.values(), err)
		s.Render(w, r, http.StatusUnprocessableEntity, web.FollowUpEditPage(s.Page(r, "Edit follow-up", "followups"), f, form))
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, entryURL(f.EntryID), "Follow-up updated.")
}

// HandleFollowUpDelete asks first: without confirm=yes it shows a
// confirmation page, so withdrawing needs no script.
func (s *Handler) HandleFollowUpDelete(w http.ResponseWriter, r *http.Request) {
	f, err := s.userFollowUp(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if !s.Confirmed(w, r, web.FollowUpDeletePage(s.Page(r, "Remove follow-up", "followups"), f)) {
		return
	}
	if err := s.core.WithdrawFollowUp(r.Context(), httpx.UserFrom(r.Context()).ID, f.ID, s.Now()); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, entryURL(f.EntryID), "Follow-up removed.")
}

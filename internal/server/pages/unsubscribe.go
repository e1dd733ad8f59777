package pages

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/web"
)

// unsubscribeLink is what a signed unsubscribe link names.
type unsubscribeLink struct {
	publicID string // the user's
	kind     string
	epoch    int64 // the user's reminder epoch when the mail was made
}

// unsubscribeLinkOf checks the signed token of an unsubscribe link. A bad
// token answers 404, like any unknown address.
func (s *Handler) unsubscribeLinkOf(w http.ResponseWriter, r *http.Request) (unsubscribeLink, bool) {
	publicID, kind, epoch, ok := remind.ParseUnsubscribeToken(s.Signer, chi.URLParam(r, "token"))
	if !ok {
		s.HandleNotFound(w, r)
		return unsubscribeLink{}, false
	}
	return unsubscribeLink{publicID: publicID, kind: kind, epoch: epoch}, true
}

// unsubscribeRefused answers a link from a mail older than the user's
// last turning a reminder on: 409, with the reason and nothing changed.
func (s *Handler) unsubscribeRefused(w http.ResponseWriter, r *http.Request, l unsubscribeLink, err error) {
	s.Render(w, r, http.StatusConflict, web.UnsubscribePage(web.Page{Title: "Link too old"},
		web.UnsubscribeView{What: web.ReminderLabel(l.kind), Refused: journal.ErrorMessage(err)}))
}

// HandleUnsubscribeForm asks before turning a reminder off: a link
// scanner that follows every link in a mail must not unsubscribe anyone.
// A link too old to work says so here already.
func (s *Handler) HandleUnsubscribeForm(w http.ResponseWriter, r *http.Request) {
	l, ok := s.unsubscribeLinkOf(w, r)
	if !ok {
		return
	}
	err := s.core.CheckUnsubscribe(r.Context(), l.publicID, l.epoch)
	if err == journal.ErrStaleUnsubscribe {
		s.unsubscribeRefused(w, r, l, err)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, web.UnsubscribePage(web.Page{Title: "Turn a reminder off"},
		web.UnsubscribeView{Token: chi.URLParam(r, "token"), What: web.ReminderLabel(l.kind)}))
}

// HandleUnsubscribe turns the reminder off. It answers 200 with a page, no
// redirect, as RFC 8058 asks of a one-click POST, and needs no session.
func (s *Handler) HandleUnsubscribe(w http.ResponseWriter, r *http.Request) {
	l, ok := s.unsubscribeLinkOf(w, r)
	if !ok {
		return
	}
	err := s.core.Unsubscribe(r.Context(), l.publicID, l.kind, l.epoch)
	if journal.ErrorCode(err) == journal.ECONFLICT {
		s.unsubscribeRefused(w, r, l, err)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, web.UnsubscribePage(web.Page{Title: "Reminder off"},
		web.UnsubscribeView{What: web.ReminderLabel(l.kind), Done: true}))
}

package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/remind"
	"github.com/leadup/leadup/internal/signer"
	"github.com/leadup/leadup/web"
)

// unsubscribeUser checks the signed token of an unsubscribe link. A bad
// token answers 404, like any unknown address.
func (s *Server) unsubscribeUser(w http.ResponseWriter, r *http.Request) (*journal.User, string, bool) {
	token := chi.URLParam(r, "token")
	publicID, kind, ok := remind.ParseUnsubscribeToken(signer.New(s.db.Secret()), token)
	if !ok {
		s.handleNotFound(w, r)
		return nil, "", false
	}
	u, err := s.db.FindUserByPublicID(r.Context(), publicID)
	if err != nil {
		s.fail(w, r, err)
		return nil, "", false
	}
	return u, kind, true
}

// handleUnsubscribeForm asks before turning a reminder off: a link
// scanner that follows every link in a mail must not unsubscribe anyone.
func (s *Server) handleUnsubscribeForm(w http.ResponseWriter, r *http.Request) {
	if _, kind, ok := s.unsubscribeUser(w, r); ok {
		s.render(w, r, http.StatusOK, web.UnsubscribePage(web.Page{Title: "Turn a reminder off"},
			web.UnsubscribeView{Token: chi.URLParam(r, "token"), What: web.ReminderLabel(kind)}))
	}
}

// handleUnsubscribe turns the reminder off. It answers 200 with a page, no
// redirect, as RFC 8058 asks of a one-click POST, and needs no session.
func (s *Server) handleUnsubscribe(w http.ResponseWriter, r *http.Request) {
	u, kind, ok := s.unsubscribeUser(w, r)
	if !ok {
		return
	}
	if err := s.db.Unsubscribe(r.Context(), u.ID, kind); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, web.UnsubscribePage(web.Page{Title: "Reminder off"},
		web.UnsubscribeView{What: web.ReminderLabel(kind), Done: true}))
}

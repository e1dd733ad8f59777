package server

import (
	"net/http"
	"strings"

	"github.com/leadup/leadup/internal/journal"
)

// deleteByEmail reports whether deleting the account is confirmed by
// typing its email rather than a password: true for an account that signs
// in through a provider, whose password nobody knows.
func (s *Server) deleteByEmail(r *http.Request, u *journal.User) bool {
	ok, err := s.db.HasOIDCIdentity(r.Context(), u.ID)
	if err != nil {
		s.log.Error("check oidc identity", "user_id", u.ID, "err", err)
	}
	return ok
}

// confirmDelete checks the delete form's confirmation: the email for an
// account that signs in through a provider, the password otherwise.
func (s *Server) confirmDelete(r *http.Request, u *journal.User) (bool, error) {
	if s.deleteByEmail(r, u) {
		return strings.EqualFold(strings.TrimSpace(r.PostFormValue("email")), u.Email), nil
	}
	return s.hasher.Verify(r.PostFormValue("password"), u.PasswordHash)
}

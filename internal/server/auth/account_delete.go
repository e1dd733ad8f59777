package auth

import (
	"net/http"

	"github.com/leadup/leadup/internal/journal"
)

// DeleteByEmail reports whether deleting the account is confirmed by
// typing its email rather than a password: true for a user the auth proxy
// signed in, and for an account that signs in through an OpenID provider,
// whose password nobody knows.
func (s *Handler) DeleteByEmail(r *http.Request, u *journal.User) bool {
	if ViaProxy(r) {
		return true
	}
	ok, err := s.core.SignsInExternally(r.Context(), u.ID)
	if err != nil {
		s.Log.Error("check oidc identity", "user_id", u.ID, "err", err)
	}
	return ok
}

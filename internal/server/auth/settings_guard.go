package auth

import (
	"net/http"
	"strconv"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

// ThrottlePasswordCheck counts one check of u's current password and
// answers 429 with Retry-After once the user has had as many as sign-in
// allows an email. It reports whether it answered.
func (s *Handler) ThrottlePasswordCheck(w http.ResponseWriter, r *http.Request, u *journal.User) bool {
	return s.passwordByUser.RespondOnLimit(w, r, "password:"+strconv.FormatInt(u.ID, 10))
}

// ViaProxy reports whether a trusted proxy signed this request's user in:
// such a request has a user and no session of leadup's own.
func ViaProxy(r *http.Request) bool {
	return httpx.UserFrom(r.Context()) != nil && httpx.SessionFrom(r.Context()) == nil
}

package auth

import (
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/web"
)

// proxyAuth signs in the user a trusted reverse proxy names in
// AuthProxyHeader (as Authelia, authentik, oauth2-proxy and Tailscale do),
// creating the account on first sight when sign-up allows it. The same
// header from any other address is ignored and logged. handled is true
// when it has already answered the request.
func (s *Handler) proxyAuth(w http.ResponseWriter, r *http.Request) (user *journal.User, handled bool) {
	if s.cfg.AuthProxyHeader == "" {
		return nil, false
	}
	email := journal.NormalizeEmail(r.Header.Get(s.cfg.AuthProxyHeader))
	if email == "" {
		return nil, false
	}
	if !s.TrustedPeer(r) {
		s.Log.Warn("ignored the auth proxy header from an untrusted address",
			"peer", r.RemoteAddr, "header", s.cfg.AuthProxyHeader, "request_id", middleware.GetReqID(r.Context()))
		return nil, false
	}
	ctx := r.Context()
	user, err := s.core.AccountByEmail(ctx, email)
	if journal.ErrorCode(err) == journal.ENOTFOUND {
		user, err = s.createProxyUser(r, email)
	}
	switch journal.ErrorCode(err) {
	case "":
		return user, false
	case journal.EFORBIDDEN, journal.EINVALID:
		s.Render(w, r, http.StatusForbidden, web.SignupClosedPage(s.Page(r, "No account for "+email, "")))
	default:
		s.ServerError(w, r, err)
	}
	return nil, true
}

// createProxyUser makes the account of a user the proxy vouches for. It has
// a random password nobody knows: the proxy is how they sign in.
func (s *Handler) createProxyUser(r *http.Request, email string) (*journal.User, error) {
	ok, err := s.canSignup(r)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, journal.Errorf(journal.EFORBIDDEN, "Sign-up is closed.")
	}
	return s.createExternalAccount(r, email, "")
}

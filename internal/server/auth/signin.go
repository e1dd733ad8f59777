package auth

import (
	"net/http"

	"github.com/leadup/leadup/web"
)

// SignInOptions tells the sign-in page what to offer and, when password
// sign-in is off, refuses it: hiding the form alone would leave POST
// /login and /signup open to a script.
func (s *Handler) SignInOptions(next http.Handler) http.Handler {
	opts := web.SignIn{PasswordOff: s.cfg.PasswordLoginOff}
	instead := "Sign in through your organisation’s sign-in page instead."
	if s.cfg.OIDC != nil {
		opts.OIDCName = s.cfg.OIDC.Name
		instead = "Sign in with " + opts.OIDCName + " instead."
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(web.WithSignIn(r.Context(), opts))
		if opts.PasswordOff && (r.URL.Path == "/signup" || (r.URL.Path == "/login" && r.Method == http.MethodPost)) {
			if r.Method == http.MethodGet {
				s.Redirect(w, r, "/login")
				return
			}
			s.RenderError(w, r, http.StatusForbidden, "Password sign-in is turned off on this server. "+instead)
			return
		}
		next.ServeHTTP(w, r)
	})
}

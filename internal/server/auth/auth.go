package auth

import (
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// canSignup reports whether a new account may be created now.
func (s *Handler) canSignup(r *http.Request) (bool, error) {
	return s.core.SignupOpen(r.Context(), s.cfg.Signup)
}

// signupClosed answers 403 with the page that says how accounts are made.
func (s *Handler) signupClosed(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusForbidden, web.SignupClosedPage(s.Page(r, "Sign-up is closed", "")))
}

// signupAllowed reports whether a new account may be created now; when
// not, it has answered with the closed page (or the error).
func (s *Handler) signupAllowed(w http.ResponseWriter, r *http.Request) bool {
	ok, err := s.canSignup(r)
	if err != nil {
		s.ServerError(w, r, err)
		return false
	}
	if !ok {
		s.signupClosed(w, r)
	}
	return ok
}

func (s *Handler) renderSignup(w http.ResponseWriter, r *http.Request, status int, form web.Form) {
	s.Render(w, r, status, web.SignupPage(s.Page(r, "Create your account", ""), form, web.Zones, s.signupByMail()))
}

func (s *Handler) HandleSignupForm(w http.ResponseWriter, r *http.Request) {
	if httpx.UserFrom(r.Context()) != nil {
		s.Redirect(w, r, "/")
		return
	}
	if !s.signupAllowed(w, r) {
		return
	}
	s.renderSignup(w, r, http.StatusOK, web.Form{Values: map[string]string{"timezone": "UTC"}})
}

// HandleSignup takes the sign-up form. With mail on and sign-up open (see
// signupByMail) the form has no password and the answer is always "check
// your mail"; otherwise it holds the password and makes the account at once.
func (s *Handler) HandleSignup(w http.ResponseWriter, r *http.Request) {
	if s.signupByIP.RespondOnLimit(w, r, "signup:"+clientKey(r)) {
		return
	}
	if !s.ParseForm(w, r) || !s.signupAllowed(w, r) {
		return
	}
	byMail := s.signupByMail()
	su := journal.Signup{
		Email:         r.PostFormValue("email"),
		Password:      r.PostFormValue("password"),
		DisplayName:   r.PostFormValue("display_name"),
		TimeZone:      r.PostFormValue("timezone"),
		Language:      s.RequestLanguage(r),
		PasswordLater: byMail,
	}
	invalid := func(err error) {
		s.renderSignup(w, r, http.StatusUnprocessableEntity, httpx.InvalidForm(r, err, "email", "display_name", "timezone"))
	}
	if err := su.Validate(); err != nil {
		invalid(err)
		return
	}
	if byMail {
		s.signupWithLink(w, r, su)
		return
	}
	hash, err := s.hasher.Hash(su.Password)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	user, err := s.createAccount(r.Context(), su, hash)
	switch journal.ErrorCode(err) {
	case "":
	case journal.ECONFLICT:
		// This answer tells that the email has an account; a sign-up that
		// signs in at once cannot hide it, so it is rationed per address.
		if s.signupTakenByIP.RespondOnLimit(w, r, "signup-taken:"+clientKey(r)) {
			return
		}
		invalid(err)
		return
	case journal.EFORBIDDEN:
		s.signupClosed(w, r)
		return
	default:
		s.ServerError(w, r, err)
		return
	}
	s.Log.Info("account created", "user_id", user.ID)
	if err := s.startSession(w, r, user.ID, "Welcome to leadup. Your account is ready."); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.Redirect(w, r, "/")
}

func (s *Handler) HandleLoginForm(w http.ResponseWriter, r *http.Request) {
	next := SafeNext(r.URL.Query().Get("next"))
	if httpx.UserFrom(r.Context()) != nil {
		s.Redirect(w, r, next)
		return
	}
	first, canSignup, err := s.signInOffer(r)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	// A fresh install has nobody to sign in: its first visit creates the
	// account.
	if first {
		s.Redirect(w, r, "/signup")
		return
	}
	s.renderLoginPage(w, r, http.StatusOK, web.Form{Message: loginNotice(r)}, next, canSignup)
}

func loginNotice(r *http.Request) string {
	if r.URL.Query().Get("deleted") == "1" {
		return "Your account and all of its data have been deleted."
	}
	return ""
}

func (s *Handler) renderLogin(w http.ResponseWriter, r *http.Request, status int, form web.Form, next string) {
	canSignup, err := s.canSignup(r)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.renderLoginPage(w, r, status, form, next, canSignup)
}

// renderLoginPage is renderLogin when whether sign-up is open is known.
func (s *Handler) renderLoginPage(w http.ResponseWriter, r *http.Request, status int, form web.Form, next string, canSignup bool) {
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", s.authChallenge())
	}
	s.Render(w, r, status, web.LoginPage(s.Page(r, "Sign in", ""), form, next, canSignup))
}

func (s *Handler) HandleLogin(w http.ResponseWriter, r *http.Request) {
	if s.loginByIP.RespondOnLimit(w, r, "login:"+clientKey(r)) {
		return
	}
	if !s.ParseForm(w, r) {
		return
	}
	email := journal.NormalizeEmail(r.PostFormValue("email"))
	if s.limitLoginEmail(w, r, email) {
		return
	}
	next := SafeNext(r.PostFormValue("next"))
	user, err := s.authenticate(r, email, r.PostFormValue("password"))
	carry, body := carried(r)
	if journal.ErrorCode(err) == journal.EUNAUTHORIZED {
		form := web.Form{Values: httpx.FormValues(r, "email"), Message: journal.ErrorMessage(err), Carried: carry}
		s.renderLogin(w, r, http.StatusUnauthorized, form, next)
		return
	}
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.loginSucceeded(w, r, user); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.startSession(w, r, user.ID, ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if len(body) > 0 && next != "/" {
		s.resumePost(w, r, next, body)
		return
	}
	s.Redirect(w, r, next)
}

// authenticate checks an email and password. An unknown email and a wrong
// password give the same error after the same work, so neither the message
// nor the timing tells whether an account exists.
func (s *Handler) authenticate(r *http.Request, email, pw string) (*journal.User, error) {
	wrong := journal.Errorf(journal.EUNAUTHORIZED, "That email and password do not match an account.")
	user, err := s.core.AccountByEmail(r.Context(), email)
	if journal.ErrorCode(err) == journal.ENOTFOUND {
		dummy, err := s.dummyHash()
		if err != nil {
			return nil, err
		}
		s.hasher.Verify(pw, dummy)
		return nil, wrong
	}
	if err != nil {
		return nil, err
	}
	ok, err := s.hasher.Verify(pw, user.PasswordHash)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, wrong
	}
	if s.hasher.NeedsRehash(user.PasswordHash) {
		if hash, err := s.hasher.Hash(pw); err == nil {
			if err := s.core.UpgradePasswordHash(r.Context(), user.ID, hash); err != nil {
				s.Log.Error("upgrade password hash", "user_id", user.ID, "err", err)
			} else {
				user.PasswordHash = hash // the device cookie is signed over the stored hash
			}
		}
	}
	return user, nil
}

func (s *Handler) HandleLogout(w http.ResponseWriter, r *http.Request) {
	if sess := httpx.SessionFrom(r.Context()); sess != nil {
		if err := s.core.EndSession(r.Context(), sess.TokenHash); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	s.ClearCookie(w, r)
	// A user the proxy signed in signs out at the proxy.
	if s.cfg.LogoutURL != "" && httpx.UserFrom(r.Context()) != nil && httpx.SessionFrom(r.Context()) == nil {
		http.Redirect(w, r, s.cfg.LogoutURL, http.StatusSeeOther)
		return
	}
	s.Redirect(w, r, "/login")
}

// SafeNext returns next when it is a path on this site, and "/" otherwise:
// "//host", "/\host", absolute URLs and schemes such as javascript: are
// all refused.
func SafeNext(next string) string {
	if next == "" || next[0] != '/' || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.User != nil {
		return "/"
	}
	return next
}

// clientKey is what every per-client-address throttle is keyed by: the
// client's IPv4 address, or the /64 its IPv6 address is in (one home or
// one server is handed a whole /64, and could otherwise take a fresh
// allowance from each of its 2^64 addresses). The address is what the
// ClientIP middleware recorded, or else the TCP peer's; never with its
// port, or a trusted proxy's request without a usable X-Forwarded-For
// would get a fresh allowance on every connection.
func clientKey(r *http.Request) string {
	ip := middleware.GetClientIP(r.Context())
	if ip == "" {
		ip = r.RemoteAddr
		if host, _, err := net.SplitHostPort(ip); err == nil {
			ip = host
		}
	}
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap().WithZone("")
	if a.Is6() {
		return netip.PrefixFrom(a, 64).Masked().String()
	}
	return a.String()
}

// signInOffer reports, from at most one read of the accounts, whether
// this is a first visit (no account exists yet and one may be made with
// the sign-up form) and whether the sign-in page offers sign-up. With
// OpenID Connect on, the sign-in page is where the first account is made
// (through the provider's button), so it stays.
func (s *Handler) signInOffer(r *http.Request) (firstVisit, canSignup bool, err error) {
	if s.cfg.Signup == journal.SignupClosed || s.cfg.OIDC != nil || s.cfg.PasswordLoginOff {
		canSignup, err = s.canSignup(r)
		return false, canSignup, err
	}
	noAccount, canSignup, err := s.core.AccountsNow(r.Context(), s.cfg.Signup)
	return noAccount, canSignup, err
}

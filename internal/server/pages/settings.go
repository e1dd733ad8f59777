package pages

import (
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/auth"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

func (s *Handler) settingsView(r *http.Request, u *journal.User) web.SettingsView {
	profile := web.Form{Values: profilePostOf(u).values()}
	profile.Values["language"] = s.RequestLanguage(r) // the one shown, when u follows the default
	return web.SettingsView{
		Email:   u.Email,
		Profile: profile,
		Zones:   web.Zones,
	}
}

func (s *Handler) HandleSettings(w http.ResponseWriter, r *http.Request) {
	s.renderSettings(w, r, http.StatusOK, func(*web.SettingsView) {})
}

// HandleSettingsUpdate takes the three settings forms, told apart by their
// hidden "action" field.
func (s *Handler) HandleSettingsUpdate(w http.ResponseWriter, r *http.Request) {
	if !s.ParseForm(w, r) {
		return
	}
	switch r.PostFormValue("action") {
	case "profile":
		s.updateProfile(w, r)
	case "password":
		s.changePassword(w, r)
	case "delete":
		s.deleteAccount(w, r)
	default:
		s.RenderError(w, r, http.StatusBadRequest, "The form could not be read.")
	}
}

// renderSettings shows the settings page; edit adjusts the view, to carry
// one form's problems.
func (s *Handler) renderSettings(w http.ResponseWriter, r *http.Request, status int, edit func(*web.SettingsView)) {
	v := s.settingsView(r, httpx.UserFrom(r.Context()))
	v.ViaProxy = auth.ViaProxy(r)
	v.DeleteByEmail = s.auth.DeleteByEmail(r, httpx.UserFrom(r.Context()))
	edit(&v)
	s.Render(w, r, status, web.SettingsPage(s.Page(r, "Settings", "settings"), v))
}

func (s *Handler) updateProfile(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	p := parseProfilePost(r)
	upd := p.input()
	upd.Offered = s.Cfg.Languages
	if err := upd.Validate(); err != nil {
		s.renderSettings(w, r, http.StatusUnprocessableEntity, func(v *web.SettingsView) {
			v.Profile = httpx.RefusedForm(p.values(), err)
		})
		return
	}
	if err := s.core.UpdateProfile(r.Context(), u, upd); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, "/settings", "Profile saved.")
}

func (s *Handler) changePassword(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	if auth.ViaProxy(r) {
		s.RenderError(w, r, http.StatusForbidden, "Your sign-in is managed by your organisation's proxy, so this account has no password to change here.")
		return
	}
	if s.auth.ThrottlePasswordCheck(w, r, u) {
		return
	}
	current, next := r.PostFormValue("current_password"), r.PostFormValue("new_password")
	problems := journal.Problems{}
	ok, err := s.hasher.Verify(current, u.PasswordHash)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if !ok {
		problems.Add("current_password", "That is not your current password.")
	}
	problems.Check("new_password", journal.CheckPassword(next))
	if err := problems.Err(); err != nil {
		s.renderSettings(w, r, http.StatusUnprocessableEntity, func(v *web.SettingsView) {
			v.Password = web.Form{Errors: journal.FieldErrors(err), Message: journal.ErrorMessage(err)}
		})
		return
	}
	hash, err := s.hasher.Hash(next)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	var keep []byte
	if sess := httpx.SessionFrom(r.Context()); sess != nil {
		keep = sess.TokenHash
	}
	if err := s.core.ChangePassword(r.Context(), u.ID, hash, keep); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Log.Info("password changed", "user_id", u.ID, "request_id", middleware.GetReqID(r.Context()))
	// Every device cookie ended with the old hash; this browser has just
	// proved the password, so it stays known.
	changed := *u
	changed.PasswordHash = hash
	if err := s.auth.MarkDevice(w, r, &changed); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, "/settings", PasswordChangedNotice)
}

func (s *Handler) deleteAccount(w http.ResponseWriter, r *http.Request) {
	u := httpx.UserFrom(r.Context())
	field, msg, ok := "", "", false
	if s.auth.DeleteByEmail(r, u) {
		// The password is random and unknown: typing the address is the
		// deliberate step instead.
		field, msg = "confirm_email", "That is not this account's email address. Nothing was deleted."
		ok = journal.NormalizeEmail(r.PostFormValue("confirm_email")) == u.Email
	} else {
		if s.auth.ThrottlePasswordCheck(w, r, u) {
			return
		}
		var err error
		field, msg = "password", "That is not your password. Nothing was deleted."
		if ok, err = s.hasher.Verify(r.PostFormValue("password"), u.PasswordHash); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	if !ok {
		s.renderSettings(w, r, http.StatusUnprocessableEntity, func(v *web.SettingsView) {
			v.Delete = web.Form{Values: httpx.FormValues(r, "confirm_email"), Errors: map[string]string{field: msg}}
		})
		return
	}
	if err := s.core.DeleteAccount(r.Context(), u.ID); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Log.Info("account deleted", "user_id", u.ID, "request_id", middleware.GetReqID(r.Context()))
	s.auth.ClearCookie(w, r)
	s.Redirect(w, r, "/login?deleted=1")
}

// PasswordChangedNotice says what a password change ended, as the settings
// page and the README do.
const PasswordChangedNotice = "Password changed. Every other device has been signed out, your API tokens are revoked and your calendar feed address no longer works."

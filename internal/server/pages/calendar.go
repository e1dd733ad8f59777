package pages

import (
	"crypto/rand"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/leadup/leadup/internal/calendar"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
	"github.com/leadup/leadup/web"
)

// HandleCalendarCreate makes (or remakes) the user's feed, once the owner
// has confirmed who they are (see ConfirmOwner), and shows its address
// this once on the page it redirects to: only a hash of the token is kept.
func (s *Handler) HandleCalendarCreate(w http.ResponseWriter, r *http.Request) {
	if !s.ParseForm(w, r) {
		return
	}
	u := httpx.UserFrom(r.Context())
	problems := journal.Problems{}
	if s.auth.ConfirmOwner(w, r, problems) {
		return
	}
	if err := problems.Err(); err != nil {
		s.renderNotifications(w, r, http.StatusUnprocessableEntity, func(v *web.NotificationsView) {
			v.Feed = web.Form{Errors: journal.FieldErrors(err), Message: "Nothing was made: confirm it is you first."}
		})
		return
	}
	token := rand.Text()
	if err := s.core.MakeCalendarFeed(r.Context(), u.ID, token); err != nil {
		s.Fail(w, r, err)
		return
	}
	// 303, so a reload asks for the page again instead of making (and
	// retiring) another address; the address itself rides in the signed
	// one-time notice, never in a URL.
	s.RedirectWithNotice(w, r, "/settings/notifications", httpx.Notice{
		Message: "Calendar feed made. Add its address to your calendar app now: it is shown only this once, and any earlier address has stopped working.",
		Secret:  s.publicURL(r) + "/cal/" + token + ".ics",
	})
}

func (s *Handler) HandleCalendarDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.core.DeleteCalendarFeed(r.Context(), httpx.UserFrom(r.Context()).ID); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RedirectWithFlash(w, r, "/settings/notifications", "Calendar feed deleted: its address no longer works.")
}

// HandleCalendarFeed serves a feed to whoever holds its token; it needs no
// session, and no cache may keep it.
func (s *Handler) HandleCalendarFeed(w http.ResponseWriter, r *http.Request) {
	f, err := s.core.CalendarFeed(r.Context(), chi.URLParam(r, "token"))
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// The feed's reader has no session: its titles are in the owner's language.
	w.Write([]byte(calendar.Feed(s.Cfg.Languages.Localizer(f.User.Language), f.User, f.Schedules, f.FollowUps, s.Now())))
}

// publicURL is the app's address as a client sees it: the configured
// public origin, or the request's own, with the base path. The request's
// own is the Host the host check accepted; only a trusted proxy may name
// another with X-Forwarded-Host and X-Forwarded-Proto, and that host must
// pass the same check.
func (s *Handler) publicURL(r *http.Request) string {
	origin := s.Cfg.PublicOrigin
	if origin == "" {
		scheme, host := "http", r.Host
		if r.TLS != nil {
			scheme = "https"
		}
		if s.TrustedPeer(r) {
			if p := r.Header.Get("X-Forwarded-Proto"); p == "http" || p == "https" {
				scheme = p
			}
			if h := r.Header.Get("X-Forwarded-Host"); h != "" && s.HostNameAllowed(h) && !strings.ContainsAny(h, "/\\@?# ") {
				host = h
			}
		}
		origin = scheme + "://" + host
	}
	return strings.TrimRight(origin, "/") + s.Cfg.BasePath
}

package server

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
)

const (
	cookieName       = "leadup_session"
	secureCookieName = "__Host-leadup_session"   // needs Secure, Path=/ and no Domain
	subPathName      = "__Secure-leadup_session" // Secure under a base path, where __Host- cannot be used
)

// secure reports whether cookies on this request get the Secure flag.
func (s *Server) secure(r *http.Request) bool {
	switch s.cfg.SecureCookies {
	case SecureAlways:
		return true
	case SecureNever:
		return false
	default:
		return r.TLS != nil || strings.HasPrefix(s.cfg.PublicOrigin, "https://") ||
			(s.trustedPeer(r) && r.Header.Get("X-Forwarded-Proto") == "https")
	}
}

func (s *Server) cookieName(r *http.Request) string {
	switch {
	case !s.secure(r):
		return cookieName
	case s.cfg.BasePath != "":
		return subPathName
	default:
		return secureCookieName
	}
}

func (s *Server) cookiePath() string { return s.cfg.BasePath + "/" }

// trustedPeer reports whether the TCP peer is one of the trusted proxies.
func (s *Server) trustedPeer(r *http.Request) bool {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip := ap.Addr().Unmap()
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func hashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// loadSession puts the signed-in user, if any, into the request context:
// the one a trusted proxy names, or the one the session cookie belongs to.
func (s *Server) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = s.takeFlash(w, r)
		if user, handled := s.proxyAuth(w, r); handled {
			return
		} else if user != nil {
			next.ServeHTTP(w, r.WithContext(withUser(r.Context(), user, nil)))
			return
		}
		c, err := r.Cookie(s.cookieName(r))
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		ctx := r.Context()
		user, sess, err := s.core.ResumeSession(ctx, hashToken(c.Value), s.now(), s.cfg.SessionIdle)
		if err == core.ErrNoSession {
			s.clearCookie(w, r)
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(withUser(ctx, user, sess)))
	})
}

// requireUser sends anonymous visitors to the login page, keeping where
// they were going.
func (s *Server) requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if userFrom(r.Context()) == nil && formPost(r) {
			s.carryForm(w, r)
			return
		}
		if userFrom(r.Context()) == nil {
			s.redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// startSession signs the user in with a fresh token, ending the session
// the browser had before, so a token planted before login is worthless.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, userID int64, flash string) error {
	ctx := r.Context()
	var old []byte
	if sess := sessionFrom(ctx); sess != nil {
		old = sess.TokenHash
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	now := s.now()
	sess := journal.Session{
		TokenHash:  hashToken(token),
		UserID:     userID,
		CreatedAt:  now,
		LastSeenAt: now,
		ExpiresAt:  now.Add(s.cfg.SessionLifetime),
	}
	if err := s.core.StartSession(ctx, old, sess); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name:     s.cookieName(r),
		Value:    token,
		Path:     s.cookiePath(),
		Expires:  sess.ExpiresAt,
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteLaxMode,
	})
	s.setFlash(w, r, userID, notice{Message: flash})
	return nil
}

func (s *Server) clearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     s.cookieName(r),
		Value:    "",
		Path:     s.cookiePath(),
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   s.secure(r),
		SameSite: http.SameSiteLaxMode,
	})
}

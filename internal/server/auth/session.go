package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"

	"github.com/leadup/leadup/internal/core"
	"github.com/leadup/leadup/internal/journal"
	"github.com/leadup/leadup/internal/server/httpx"
)

const (
	CookieName       = "leadup_session"
	secureCookieName = "__Host-leadup_session"   // needs Secure, Path=/ and no Domain
	subPathName      = "__Secure-leadup_session" // Secure under a base path, where __Host- cannot be used
)

func (s *Handler) cookieName(r *http.Request) string {
	switch {
	case !s.Secure(r):
		return CookieName
	case s.Cfg.BasePath != "":
		return subPathName
	default:
		return secureCookieName
	}
}

func HashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// LoadSession puts the signed-in user, if any, into the request context:
// the one a trusted proxy names, or the one the session cookie belongs to.
func (s *Handler) LoadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = s.TakeFlash(w, r)
		if user, handled := s.proxyAuth(w, r); handled {
			return
		} else if user != nil {
			next.ServeHTTP(w, r.WithContext(httpx.WithUser(r.Context(), user, nil)))
			return
		}
		c, err := r.Cookie(s.cookieName(r))
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		ctx := r.Context()
		user, sess, err := s.core.ResumeSession(ctx, HashToken(c.Value), s.Now(), s.cfg.SessionIdle)
		if err == core.ErrNoSession {
			s.ClearCookie(w, r)
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(httpx.WithUser(ctx, user, sess)))
	})
}

// RequireUser sends anonymous visitors to the login page, keeping where
// they were going.
func (s *Handler) RequireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if httpx.UserFrom(r.Context()) == nil && formPost(r) {
			s.carryForm(w, r)
			return
		}
		if httpx.UserFrom(r.Context()) == nil {
			s.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// startSession signs the user in with a fresh token, ending the session
// the browser had before, so a token planted before login is worthless.
func (s *Handler) startSession(w http.ResponseWriter, r *http.Request, userID int64, flash string) error {
	ctx := r.Context()
	var old []byte
	if sess := httpx.SessionFrom(ctx); sess != nil {
		old = sess.TokenHash
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	now := s.Now()
	sess := journal.Session{
		TokenHash:  HashToken(token),
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
		Path:     s.CookiePath(),
		Expires:  sess.ExpiresAt,
		HttpOnly: true,
		Secure:   s.Secure(r),
		SameSite: http.SameSiteLaxMode,
	})
	s.SetFlash(w, r, userID, httpx.Notice{Message: flash})
	return nil
}

func (s *Handler) ClearCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:     s.cookieName(r),
		Value:    "",
		Path:     s.CookiePath(),
		MaxAge:   -1,
		HttpOnly: true,
		Secure:   s.Secure(r),
		SameSite: http.SameSiteLaxMode,
	})
}
